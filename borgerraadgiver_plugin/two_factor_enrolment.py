"""Setting up one's own authenticator app, the recovery codes, and removing or replacing the app.

The rules of the admin's *Totrinslogin* screen (:mod:`.views.two_factor`). A new key lives in
the person's session until they prove, with a code from the app, that the app holds it; only then
is it stored as their confirmed device, any older device of theirs goes, and ten recovery codes
are made. The codes are shown once and each works once at the login instead of a code from the
app (django-otp's static tokens). Removing or replacing the app asks for a current code, so a
session left open cannot be used to take the account's second factor over. Every change is
written to the audit log on the account.
"""

from base64 import b32encode, b64encode
from binascii import unhexlify

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from . import audit

DEVICE_NAME = "authenticator app"

#: The session key of a key shown to the person but not yet confirmed by a code.
SESSION_KEY = "borgerraadgiver_two_factor_pending"
RECOVERY_NAME = "recovery codes"
RECOVERY_COUNT = 10
#: The length of the app's codes (django-otp's default, which every app shows).
DIGITS = 6



def device_for(user):
    """``user``'s confirmed authenticator app, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_key(session):
    """The hex key waiting for its first code, made (and kept in the session) when none is."""
    if not session.get(SESSION_KEY):
        session[SESSION_KEY] = default_key()
    return session[SESSION_KEY]


def forget_pending(session):
    session.pop(SESSION_KEY, None)


def unsaved_device(user, key):
    """The device ``key`` would become: its ``config_url`` is what the app reads."""
    return TOTPDevice(user=user, key=key, name=DEVICE_NAME, confirmed=False)


def manual_key(key):
    """The key as the app asks for it when typed in: base32, in groups of four."""
    text = b32encode(unhexlify(key)).decode()
    return " ".join(text[index:index + 4] for index in range(0, len(text), 4))


def qr_code(url):
    """``url`` as a QR code, an SVG ``data:`` address for an ``<img>`` (the CSP allows
    ``data:`` images, no inline code), or None when the ``qrcode`` package is not installed
    (the screen then shows the key to type in only)."""
    try:
        import qrcode
        import qrcode.image.svg
    except ImportError:
        return None
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return "data:image/svg+xml;base64," + b64encode(image.to_string()).decode()


def _verified_step(key, token):
    """The time step at which ``token`` is the code of ``key`` (one step of clock drift
    either way), else None."""
    token = (token or "").strip().replace(" ", "")
    if not token.isdigit() or len(token) != DIGITS:
        return None
    totp = TOTP(unhexlify(key))
    if totp.verify(int(token), tolerance=1):
        return totp.t()  # with the drift that matched
    return None


def confirm(user, key, token):
    """Store ``key`` as ``user``'s authenticator app when ``token`` is its current code.

    Returns ``(device, recovery_codes)``, or None when the code is wrong (nothing changes).
    The older app and recovery codes stop working in the same transaction."""
    step = _verified_step(key, token)
    if step is None:
        return None
    with transaction.atomic():
        replaced = TOTPDevice.objects.filter(user=user).delete()[0] > 0
        # ``last_t``: the code just typed cannot be used again at the login.
        device = TOTPDevice.objects.create(user=user, key=key, name=DEVICE_NAME,
                                           confirmed=True, last_t=step)
        codes = new_recovery_codes(user)
        _log(user, audit.TWO_FACTOR_ENROLLED, replaced=replaced)
    return device, codes


def new_recovery_codes(user):
    """Ten new one-time codes for ``user`` (the old ones stop working), as plain text: this
    is the only time they can be shown."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _index in range(RECOVERY_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def use_code(user, token):
    """The device ``token`` is a current code of (the app, else a recovery code, which is then
    used up), or None. Both kinds are throttled by django-otp after failures."""
    token = (token or "").strip().replace(" ", "")
    if not token:
        return None
    device = device_for(user)
    if device is not None and device.verify_is_allowed()[0] and device.verify_token(token):
        return device
    recovery = StaticDevice.objects.filter(user=user, confirmed=True).first()
    if recovery is not None and recovery.verify_token(token.lower()):
        _log(user, audit.TWO_FACTOR_RECOVERY_USED, left=recovery_codes_left(user))
        return recovery
    return None


def _log(user, action, **data):
    # The account itself, not the lazy ``request.user`` (django-otp wraps it twice, and
    # Wagtail's log finds no log model for the wrapper).
    account = get_user_model().objects.get(pk=user.pk)
    audit.record(account, account, action, **data)


def remove(user):
    """Remove ``user``'s authenticator app and recovery codes."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        _log(user, audit.TWO_FACTOR_REMOVED)

