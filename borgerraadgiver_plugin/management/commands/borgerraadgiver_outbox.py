from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...outbox import deliver_due


class Command(BaseCommand):
    help = gettext_lazy(
        "Send the e-mails in the outbox that are due (retries included). Safe to run from cron "
        "every few minutes, beside or instead of a task worker."
    )

    def handle(self, *args, **options):
        sent, failed = deliver_due()
        self.stdout.write(_("Sent %(sent)s, will retry or gave up on %(failed)s.")
                          % {"sent": sent, "failed": failed})
