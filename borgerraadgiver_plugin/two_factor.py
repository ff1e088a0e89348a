"""Optional two-factor login (TOTP, through django-otp) for the accounts that open personal data.

With ``BORGERRAADGIVER_TWO_FACTOR = True`` the members of ``BORGERRAADGIVER_TWO_FACTOR_GROUPS``
(the advisor and the veteran coordinator), and anyone else who has set up an authenticator app,
give a one-time code from the app (or one of their recovery codes) beside their password at the
admin login (:class:`TwoFactorLoginForm`). A session opened without the code, e.g. through the
intranet's login, is refused the admin: the :class:`TwoFactorMiddleware` signs it out and sends
it to the admin login. An account of the groups that has no app yet is let in with its password
only to set one up (*Totrinslogin* in the account menu, :mod:`.two_factor_enrolment`), unless
``BORGERRAADGIVER_TWO_FACTOR_ENROL_AT_LOGIN`` is False: then it is refused until someone gives it
a key with ``manage.py borgerraadgiver_two_factor``. Other accounts log in as before.

A site with its own single sign-on that already asks for a second factor leaves this off.
"""

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import conf
from .two_factor_enrolment import DEVICE_NAME, device_for, use_code
from .wagtail_da.forms import LoginForm

#: The URL name of the admin screen where an account sets up its app.
ENROL_URL_NAME = "borgerraadgiver_two_factor"


def enabled():
    return bool(conf.get("BORGERRAADGIVER_TWO_FACTOR"))


def required_for(user):
    """Whether ``user`` must give a one-time code (two-factor login on and in a named group)."""
    return (enabled() and user.is_authenticated and user.groups.filter(
        name__in=conf.get("BORGERRAADGIVER_TWO_FACTOR_GROUPS")).exists())


def asks_code(user):
    """Whether the login asks ``user`` for a code: required, or an app of their own set up."""
    return required_for(user) or (enabled() and device_for(user) is not None)


def enrol_at_login():
    return bool(conf.get("BORGERRAADGIVER_TWO_FACTOR_ENROL_AT_LOGIN"))


def new_device(user):
    """Replace ``user``'s authenticator key with a new one and return the device; its
    ``config_url`` (otpauth://…) is what the authenticator app reads (the command's way, for
    an administrator who hands the key over; the account's recovery codes stay)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)


class TwoFactorLoginForm(LoginForm):
    """The Danish admin login, with the one-time code for the accounts that need one.

    Wagtail's login template shows it among the form's ``extra_fields``. A right code marks
    the session verified (django-otp's ``otp_device`` on the user, saved at login)."""

    otp_token = forms.CharField(
        label=_("One-time code"), required=False, max_length=8,
        help_text=_("The six digits your authenticator app shows, or one of your recovery "
                    "codes. Only accounts with two-factor login need it."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not enabled():
            del self.fields["otp_token"]

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and asks_code(user):
            self.check_code(user, (cleaned_data.get("otp_token") or "").strip())
        return cleaned_data

    def check_code(self, user, token):
        if device_for(user) is None:
            if enrol_at_login():
                return  # let in to set up the app; the middleware allows nothing else
            raise forms.ValidationError(_(
                "Your account needs two-factor login, but has no authenticator app yet. Ask "
                "the site administrator to set one up."), code="no_device")
        if not token:
            raise forms.ValidationError(_("Enter the one-time code from your authenticator app."),
                                        code="token_required")
        device = use_code(user, token)
        if device is None:
            raise forms.ValidationError(_(
                "The one-time code is wrong or has expired. Enter the code your authenticator "
                "app shows now, or an unused recovery code."), code="invalid_token")
        user.otp_device = device


class TwoFactorMiddleware:
    """Refuse the admin to a session of a two-factor account that gave no one-time code, and
    keep an account of the groups that has no app yet on the screen that sets one up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if enabled() and self.in_admin(request):
            if self.enrolling(request.user):
                if request.path_info not in self.enrolment_paths():
                    # A page the person opens goes to the set-up screen; what the admin's
                    # scripts fetch on their own is refused, so that screen's HTML is never
                    # inserted into the page as if it were the fragment they asked for.
                    if request.headers.get("Sec-Fetch-Mode", "navigate") != "navigate":
                        return HttpResponseForbidden()
                    return redirect(ENROL_URL_NAME)
            elif asks_code(request.user):
                logout(request)
                return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)

    @staticmethod
    def in_admin(request):
        """A signed-in session that gave no code, on an admin page other than the login."""
        path = request.path_info
        user = getattr(request, "user", None)
        return (path.startswith(reverse("wagtailadmin_home"))
                and not path.startswith(reverse("wagtailadmin_login"))
                and user is not None and user.is_authenticated and not user.is_verified())

    @staticmethod
    def enrolling(user):
        """An account of the groups without an app, let in with its password to set one up."""
        return enrol_at_login() and required_for(user) and device_for(user) is None

    @staticmethod
    def enrolment_paths():
        """All that an account setting up its app may open: the set-up screen, what it loads
        (the admin's translations for its scripts, the icon sprite) and the logout."""
        return (reverse(ENROL_URL_NAME), reverse("wagtailadmin_logout"),
                reverse("wagtailadmin_javascript_catalog"), reverse("wagtailadmin_sprite"))
