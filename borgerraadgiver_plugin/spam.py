"""Spam defence for public forms, with no third-party service.

Three layers: a honeypot field people never see; a signed render-time token (a form sent back
too fast is probably a bot, one sent back too late has expired); and a per-IP rate limit in
the Django cache (Redis in production, so all workers share it; while the cache is down, each
process counts for itself). The token's random part also
identifies the rendered form, so a double submit of the same form can be recognised.

Only the honeypot gets the decoy "thank you": a person never fills it in. Everything else that
could be a person (too fast, expired, unreadable token) is a form error with the text kept and
a renewed token. The too-fast rule holds for the first render only: a renewed token is marked
as shown to a person already, so a resend a second later (or a server whose clock is a few
seconds behind the one that rendered the form) costs at most one "send again", never the text.
"""

import ipaddress
import logging
import math
import secrets
import time

from django import forms
from django.core import signing
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.translation import gettext_lazy as _

from . import conf
from .text import normalise_data

SALT = "borgerraadgiver.form-token"
logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name


class TokenError(Exception):
    pass


class TooFast(TokenError):
    pass


class Expired(TokenError):
    pass


class Invalid(TokenError):
    pass


def issue_token(nonce=None, renewed=False):
    """A signed token for a rendered form. ``renewed``: the form is shown again after an
    error, so its sender is a person who has seen it and the too-fast rule no longer holds."""
    payload = {"n": nonce or secrets.token_urlsafe(18), "t": time.time()}
    if renewed:
        payload["r"] = 1
    return signing.dumps(payload, salt=SALT)


def read_token(token):
    """``(nonce, issued, renewed)`` of a well-signed token, or :class:`Invalid`."""
    try:
        payload = signing.loads(token or "", salt=SALT)
        return str(payload["n"]), float(payload["t"]), bool(payload.get("r"))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Invalid from None


def check_token(token, now=None):
    """The form's nonce, or :class:`TooFast`, :class:`Expired` or :class:`Invalid`."""
    nonce, issued, renewed = read_token(token)
    age = (now or time.time()) - issued
    if not renewed and age < conf.get("BORGERRAADGIVER_FORM_MIN_SECONDS"):
        raise TooFast
    if age > conf.get("BORGERRAADGIVER_FORM_MAX_AGE"):
        raise Expired
    return nonce


def client_ip(request):
    """The client's address. X-Forwarded-For counts only when sent by a trusted proxy."""
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(conf.get("BORGERRAADGIVER_TRUSTED_PROXIES"))
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


def _rate_key(request, scope):
    return f"borgerraadgiver:rate:{scope}:{client_ip(request)}"


#: Counts of this process alone, used while the shared cache is down (see :func:`_count`).
_local_counts = LocMemCache("borgerraadgiver-rate-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def _count_in(store, key, window):
    """Count one request under ``key`` in ``store``; None when the store answered nothing (a
    cache that fails open, as django-redis with ``IGNORE_EXCEPTIONS``, answers None)."""
    if store.add(key, 0, timeout=window):
        store.set(f"{key}:ends", time.time() + window, timeout=window)
    try:
        return store.incr(key)
    except ValueError:  # expired between add and incr
        store.set(key, 1, timeout=window)
        store.set(f"{key}:ends", time.time() + window, timeout=window)
        return 1


def _count(key, window):
    """Count one request in the shared cache, or, while it is down (it raises or answers
    nothing), in this process's memory. A cache outage never refuses a citizen, and
    one address is still limited per worker process (docs/resilience.md)."""
    try:
        count = _count_in(cache, key, window)
    except Exception:  # any cache backend's connection error: fall back, never a 500
        count = None
    if count is not None:
        return count
    logger.warning("The cache is unavailable; the rate limit counts per process.")
    return _count_in(_local_counts, key, window)


def rate_limited(request, scope, limit=None, window=None):
    """Count this request; True when the client has sent more than ``limit`` in ``window`` s."""
    limit = limit or conf.get("BORGERRAADGIVER_FORM_RATE_LIMIT")
    window = window or conf.get("BORGERRAADGIVER_RATE_WINDOW")
    return _count(_rate_key(request, scope), window) > limit


def over_limit(request, scope, limit):
    """True when the client has already used up ``limit`` requests counted by
    :func:`rate_limited` in the current window; this request is not counted."""
    return (cache.get(_rate_key(request, scope)) or 0) >= limit


def retry_after(request, scope):
    """Whole seconds until the client's rate-limit window for ``scope`` ends (at least 1)."""
    key = f"{_rate_key(request, scope)}:ends"
    try:
        ends = cache.get(key)
    except Exception:  # the shared cache is down: the count was kept here
        ends = None
    ends = ends or _local_counts.get(key)
    window = conf.get("BORGERRAADGIVER_RATE_WINDOW")
    return max(1, math.ceil(ends - time.time())) if ends else window


class SpamProtectedForm(forms.Form):
    """A form with a honeypot and a render-time token.

    After ``is_valid()``: ``is_bot`` is True for a honeypot hit only (the view should look
    successful and store nothing); ``nonce`` identifies the rendered form. A too-fast, expired
    or unreadable token is a form error that asks the person to send again; their text stays
    and the re-rendered form carries a renewed token. Text sent is normalised to NFC, so a name
    typed with combining accents is stored (and found) as its usual spelling.

    Templates render ``form_token`` as the form's last field: a body cut off on the way (a
    dropped connection during an upload) then lacks it and is refused, never half-stored.
    """

    website = forms.CharField(
        label=_("Leave this field empty"), required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(normalise_data(data), *args, **kwargs)
        self.is_bot = False
        self.nonce = None
        if not self.is_bound:
            self.initial[TOKEN_FIELD] = issue_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(HONEYPOT_FIELD):
            self.is_bot = True
            return cleaned
        token = cleaned.get(TOKEN_FIELD)
        if not token:  # the token is the last field: the body was cut off on the way
            self._renew_token(token)
            raise forms.ValidationError(
                _("The form did not arrive in full. Please send it again; what you wrote is "
                  "kept, but attached files must be chosen again."), code="incomplete")
        try:
            self.nonce = check_token(token)
        except TooFast:
            self._renew_token(token)
            raise forms.ValidationError(
                _("The form was sent very quickly. Please wait a moment and send it again; "
                  "what you wrote is kept."), code="too_fast",
            ) from None
        except Expired:
            self._renew_token(token)
            raise forms.ValidationError(
                _("The page expired. Please send the form again; what you wrote is kept."),
                code="expired",
            ) from None
        except Invalid:
            self._renew_token(token)
            raise forms.ValidationError(
                _("The form could not be checked. Please send it again; what you wrote is kept."),
                code="invalid_token",
            ) from None
        return cleaned

    # Presentation helpers for the shared form templates (borgerraadgiver/includes/).

    def error_links(self):
        """(anchor, message) for each error in the order of the form, for the error summary:
        a group of radios or checkboxes is reached through its first option."""
        links = [("", message) for message in self.non_field_errors()]
        for bound in self.user_fields:
            anchor = f"{bound.auto_id}_0" if bound.use_fieldset else bound.auto_id
            links.extend((anchor, message) for message in bound.errors)
        return links

    @property
    def user_fields(self):
        """The fields a person fills in: all but the honeypot and the token."""
        return [self[name] for name in self.fields if name not in (HONEYPOT_FIELD, TOKEN_FIELD)]

    def _renew_token(self, old):
        """Show the form again with a renewed token; a well-signed one keeps its nonce, so
        the same inquiry sent twice after the renewal is still recognised as one."""
        try:
            nonce = read_token(old)[0]
        except Invalid:
            nonce = None
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = issue_token(nonce, renewed=True)
