from base64 import b32encode

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...two_factor import new_device


class Command(BaseCommand):
    help = gettext_lazy(
        "Give an account a new authenticator key for two-factor login (any old key stops "
        "working) and print it: the otpauth:// address for the app, and the key to type in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username})
        if not user.exists():
            raise CommandError(_("No account with the username %(username)s.")
                               % {"username": username}, returncode=2)
        device = new_device(user.get())
        self.stdout.write(_("Authenticator key for %(username)s (give it to that person "
                            "only):") % {"username": username})
        self.stdout.write(b32encode(device.bin_key).decode())
        self.stdout.write(device.config_url)
