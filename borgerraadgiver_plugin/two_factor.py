"""Optional two-factor login (TOTP, through django-otp) for the accounts that open personal data.

With ``BORGERRAADGIVER_TWO_FACTOR = True`` the members of ``BORGERRAADGIVER_TWO_FACTOR_GROUPS``
(the advisor and the veteran coordinator) give a one-time code from their authenticator app
beside their password at the admin login (:class:`TwoFactorLoginForm`). A session opened
without the code, e.g. through the intranet's login, is refused the admin: the
:class:`TwoFactorMiddleware` signs it out and sends it to the admin login. Other accounts
(staff who only read learning notes) log in as before. ``manage.py borgerraadgiver_two_factor``
gives an account its authenticator key.

A site with its own single sign-on that already asks for a second factor leaves this off.
"""

from django import forms
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import conf
from .wagtail_da.forms import LoginForm

DEVICE_NAME = "authenticator app"


def enabled():
    return bool(conf.get("BORGERRAADGIVER_TWO_FACTOR"))


def required_for(user):
    """Whether ``user`` must give a one-time code (two-factor login on and in a named group)."""
    return (enabled() and user.is_authenticated and user.groups.filter(
        name__in=conf.get("BORGERRAADGIVER_TWO_FACTOR_GROUPS")).exists())


def device_for(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_device(user):
    """Replace ``user``'s authenticator key with a new one and return the device; its
    ``config_url`` (otpauth://…) is what the authenticator app reads."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)


class TwoFactorLoginForm(LoginForm):
    """The Danish admin login, with the one-time code for the accounts that need one.

    Wagtail's login template shows it among the form's ``extra_fields``. A right code marks
    the session verified (django-otp's ``otp_device`` on the user, saved at login)."""

    otp_token = forms.CharField(
        label=_("One-time code"), required=False, max_length=8,
        help_text=_("The six digits your authenticator app shows. Only accounts with "
                    "two-factor login need it."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not enabled():
            del self.fields["otp_token"]

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and required_for(user):
            self.check_code(user, (cleaned_data.get("otp_token") or "").strip())
        return cleaned_data

    def check_code(self, user, token):
        device = device_for(user)
        if device is None:
            raise forms.ValidationError(_(
                "Your account needs two-factor login, but has no authenticator app yet. Ask "
                "the site administrator to set one up."), code="no_device")
        if not token:
            raise forms.ValidationError(_("Enter the one-time code from your authenticator app."),
                                        code="token_required")
        allowed, _details = device.verify_is_allowed()
        if not allowed or not device.verify_token(token):
            raise forms.ValidationError(_(
                "The one-time code is wrong or has expired. Enter the code your authenticator "
                "app shows now."), code="invalid_token")
        user.otp_device = device


class TwoFactorMiddleware:
    """Refuse the admin to a session of a two-factor account that gave no one-time code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if enabled() and self.needs_code(request):
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return self.get_response(request)

    @staticmethod
    def needs_code(request):
        admin = reverse("wagtailadmin_home")
        login = reverse("wagtailadmin_login")
        path = request.path_info
        user = getattr(request, "user", None)
        return (path.startswith(admin) and not path.startswith(login) and user is not None
                and user.is_authenticated and not user.is_verified() and required_for(user))
