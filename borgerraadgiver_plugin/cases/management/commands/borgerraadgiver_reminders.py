from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from ...outreach.reminders import send_booking_reminders
from ...reminders import send_due_reminders
from ...scanning import rescan_pending


class Command(BaseCommand):
    help = ("Queue due deadline reminders to the advisor and tomorrow's office hours reminders "
            "to citizens in the outbox, and scan attachments that wait for the virus scanner "
            "again (safe to run often).")

    def handle(self, *args, **options):
        scanned = rescan_pending()
        if scanned:
            self.stdout.write(_("%(count)s attachments were scanned again.") % {
                "count": scanned})
        booked = send_booking_reminders()
        if booked:
            self.stdout.write(_("%(count)s office hours reminders queued.") % {"count": booked})
        report = send_due_reminders()
        if not report.recipients:
            self.stderr.write(_("No advisor e-mail or notification address is set; no "
                                "reminders were queued."))
            return
        self.stdout.write(_("%(queued)s reminders queued, %(skipped)s already sent.") % {
            "queued": report.queued, "skipped": report.skipped})
