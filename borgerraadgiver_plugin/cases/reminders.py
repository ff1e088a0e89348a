"""Deadline reminders to the advisor, through the outbox, each sent once.

A reminder's ``dedupe_key`` names the case, the deadline and its due date, so a job that runs
every few minutes queues each reminder once, and an extended deadline earns a new one. The
body carries the reference and a generic sentence only: no names, no text from the case.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .. import dates
from ..choices import CaseStatus
from ..outbox import queue_message
from . import deadlines, outbox_kinds
from .models import Case, CaseEvent, Forwarding
from .models.timeline import EventKind

KIND = outbox_kinds.REMINDER


@dataclass
class ReminderReport:
    queued: int = 0
    skipped: int = 0
    recipients: tuple = ()


def recipients(settings):
    addresses = [settings.advisor_email] if settings.advisor_email else []
    return addresses or settings.notification_addresses


def _due_reminders(today, settings):
    """``(case, key, subject, sentence, forwarding)`` for every reminder due ``today``."""
    open_cases = Case.objects.open()
    for case in open_cases.filter(acknowledgement_due__lte=today, acknowledged_at__isnull=True):
        yield case, f"ack:{case.pk}:{case.acknowledgement_due}", _(
            "Acknowledgement overdue"), _("Receipt of the case has not been acknowledged; it "
                                          "was due %(due)s."), case.acknowledgement_due, None
    forwardings = Forwarding.objects.filter(answered_on__isnull=True).exclude(
        case__status__in=CaseStatus.ended()).select_related("case")
    for forwarding in forwardings:
        remind_on = deadlines.forwarding_reminder_on(forwarding.sent_on, settings)
        if forwarding.due_on < today:
            yield forwarding.case, f"fwd-overdue:{forwarding.pk}:{forwarding.due_on}", _(
                "Forwarding unanswered"), _("The unit has not answered the forwarded case; the "
                                            "answer was due %(due)s."), forwarding.due_on, None
        elif remind_on <= today and forwarding.reminded_at is None:
            yield forwarding.case, f"fwd-remind:{forwarding.pk}:{forwarding.due_on}", _(
                "Remind the unit"), _("Time to remind the unit of the forwarded case; the "
                                      "answer is due %(due)s."), forwarding.due_on, forwarding
    for case in open_cases.filter(statement_due__lt=today, statement_received_on__isnull=True):
        yield case, f"statement:{case.pk}:{case.statement_due}", _("Statement overdue"), _(
            "The unit's statement was due %(due)s."), case.statement_due, None
    for case in open_cases.filter(paused_at__isnull=False, citizen_reply_due__lt=today):
        yield case, f"citizen:{case.pk}:{case.citizen_reply_due}", _(
            "Citizen has not answered"), _("The citizen has not answered since the case was "
                                           "paused; it may be closed. The answer was due "
                                           "%(due)s."), case.citizen_reply_due, None


def send_due_reminders(today=None, settings=None):
    today = today or timezone.localdate()
    settings = settings or deadlines.current_settings()
    report = ReminderReport(recipients=tuple(recipients(settings)))
    if not report.recipients:
        return report
    with override("da"):
        for case, key, subject, sentence, due, forwarding in _due_reminders(today, settings):
            body = "\n\n".join([
                _("Case %(reference)s") % {"reference": case.reference},
                sentence % {"due": dates.show(due)},
                _("Open the case in the administration to see what needs doing."),
            ])
            with transaction.atomic():
                queued = [queue_message(KIND, address, f"{subject}: {case.reference}", body,
                                        reference=case.reference,
                                        dedupe_key=f"reminder:{key}:{address}"[:120])
                          for address in report.recipients]
                if any(queued):
                    CaseEvent.objects.create(case=case, kind=EventKind.REMINDER, text=subject)
                if forwarding is not None and any(queued):
                    Forwarding.objects.filter(pk=forwarding.pk).update(reminded_at=timezone.now())
            if any(queued):
                report.queued += 1
            else:
                report.skipped += 1
    return report
