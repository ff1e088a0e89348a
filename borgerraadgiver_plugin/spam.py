"""Spam defence for public forms, with no third-party service.

Three layers: a honeypot field people never see; a signed render-time token (a form sent back
too fast is a bot, one sent back too late has expired); and a per-IP rate limit in the Django
cache (Redis in production, so all workers share it). The token's random part also identifies
the rendered form, so a double submit of the same form can be recognised.
"""

import ipaddress
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

SALT = "borgerraadgiver.form-token"
HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name


def _setting(name, default):
    return getattr(settings, name, default)


class TokenError(Exception):
    pass


class TooFast(TokenError):
    pass


class Expired(TokenError):
    pass


class Invalid(TokenError):
    pass


def issue_token():
    nonce = secrets.token_urlsafe(18)
    return signing.dumps({"n": nonce, "t": time.time()}, salt=SALT)


def check_token(token, now=None):
    """The form's nonce, or :class:`TooFast`, :class:`Expired` or :class:`Invalid`."""
    try:
        payload = signing.loads(token or "", salt=SALT)
        nonce, issued = str(payload["n"]), float(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Invalid from None
    age = (now or time.time()) - issued
    if age < _setting("BORGERRAADGIVER_FORM_MIN_SECONDS", 3):
        raise TooFast
    if age > _setting("BORGERRAADGIVER_FORM_MAX_AGE", 4 * 3600):
        raise Expired
    return nonce


def client_ip(request):
    """The client's address. X-Forwarded-For counts only when sent by a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(_setting("BORGERRAADGIVER_TRUSTED_PROXIES", ()))
    if remote not in trusted:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(hops):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            continue
        if hop not in trusted:
            return hop
    return remote


def rate_limited(request, scope, limit=None, window=None):
    """Count this request; True when the client has sent more than ``limit`` in ``window`` s."""
    limit = limit or _setting("BORGERRAADGIVER_RATE_LIMIT", 10)
    window = window or _setting("BORGERRAADGIVER_RATE_WINDOW", 3600)
    key = f"borgerraadgiver:rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


class SpamProtectedForm(forms.Form):
    """A form with a honeypot and a render-time token.

    After ``is_valid()``: ``is_bot`` is True for a honeypot hit or a too-fast submit (the view
    should look successful and store nothing); ``nonce`` identifies the rendered form.
    An expired token is a form error that asks the person to send again; their text stays.
    """

    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.is_bot = False
        self.nonce = None
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = issue_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            self.is_bot = True
            return cleaned
        try:
            self.nonce = check_token(cleaned.get(TOKEN_FIELD))
        except TooFast:
            self.is_bot = True
        except Expired:
            self._renew_token()
            raise forms.ValidationError(
                _("The page expired. Please send the form again; what you wrote is kept."),
                code="expired",
            ) from None
        except Invalid:
            self._renew_token()
            raise forms.ValidationError(
                _("The form could not be checked. Please send it again; what you wrote is kept."),
                code="invalid_token",
            ) from None
        return cleaned

    def _renew_token(self):
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = issue_token()
