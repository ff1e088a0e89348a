"""What a citizen sees of their case behind the receipt link (the private status page).

Four plain states, the same words the advisor would use on the phone: modtaget, under
behandling, venter på svar fra forvaltningen, afsluttet; and the date the next step is expected,
counted in working days. Nothing else leaves the case: no internal notes, no staff names, not the
citizen's own text, no documents. A case merged into another shows the status of the case it was
merged into. The link dies when the case is anonymised (a new token).
"""

import datetime
import hmac
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import CaseStatus
from ..models import BorgerraadgiverSettings
from ..outbox import queue_message
from . import deadlines, outbox_kinds
from .models.case import Case

RECEIVED = "received"
IN_PROGRESS = "in_progress"
AWAITING_UNIT = "awaiting_unit"
CLOSED = "closed"

LABELS = {
    RECEIVED: _("Received"),
    IN_PROGRESS: _("In progress"),
    AWAITING_UNIT: _("Waiting for an answer from the administration"),
    CLOSED: _("Closed"),
}

_STATES = {
    CaseStatus.NEW: RECEIVED,
    CaseStatus.OPEN: IN_PROGRESS,
    CaseStatus.AWAITING_CITIZEN: IN_PROGRESS,
    CaseStatus.AWAITING_UNIT: AWAITING_UNIT,
    CaseStatus.CLOSED: CLOSED,
}

#: The deadlines that say when each state's next step is expected.
_EXPECTED_BY = {
    RECEIVED: {deadlines.ACKNOWLEDGEMENT},
    IN_PROGRESS: {deadlines.CITIZEN, deadlines.ACKNOWLEDGEMENT},
    AWAITING_UNIT: {deadlines.FORWARDING, deadlines.STATEMENT},
}

#: Fields the status reads; the status page loads nothing else of a case.
FIELDS = ("pk", "reference", "receipt_token", "received_at", "status", "merged_into",
          "acknowledgement_due", "acknowledged_at", "statement_due", "statement_received_on",
          "paused_at", "citizen_reply_due", "closed_at", "suggested_rejection_reason",
          "age_limit_exceeded", "citizen_email")


@dataclass(frozen=True)
class PublicStatus:
    code: str
    expected_on: datetime.date | None = None
    working_days_left: int | None = None
    closed_on: datetime.date | None = None
    #: The advisor is waiting for the citizen (the case is paused for their answer).
    awaiting_citizen: bool = False

    @property
    def label(self):
        return LABELS[self.code]

    @property
    def is_overdue(self):
        return self.working_days_left is not None and self.working_days_left < 0


def followed(case):
    """``case``, or the case it was merged into (through any chain of merges)."""
    seen = {case.pk}
    while case.status == CaseStatus.MERGED and case.merged_into_id not in seen | {None}:
        seen.add(case.merged_into_id)
        case = Case.objects.only(*FIELDS).get(pk=case.merged_into_id)
    return case


def public_status(case, today=None, calendar=None):
    """The :class:`PublicStatus` of ``case`` on ``today``."""
    case = followed(case)
    today = today or timezone.localdate()
    code = _STATES.get(case.status, IN_PROGRESS)
    if code == CLOSED:
        closed = timezone.localdate(case.closed_at) if case.closed_at else None
        return PublicStatus(CLOSED, closed_on=closed)
    expected = next((deadline.due for deadline in deadlines.open_deadlines(case)
                     if deadline.kind in _EXPECTED_BY[code]), None)
    if expected is None:
        return PublicStatus(code, awaiting_citizen=bool(case.paused_at))
    calendar = calendar or BorgerraadgiverSettings.current().calendar
    return PublicStatus(code, expected_on=expected,
                        working_days_left=calendar.between(today, expected),
                        awaiting_citizen=bool(case.paused_at))


def send_link_again(reference, email, link_for, now=None):
    """Queue the status link of the case with ``reference`` to its own address, if ``email``
    is that address: the citizen's, or the representative's who wrote for them. Returns
    whether a link was queued; the page answers the same either way. At most one such e-mail
    per case and hour, so the form cannot flood an inbox."""
    case = (Case.objects.filter(reference__iexact=reference.strip(), anonymised_at__isnull=True)
            .only(*FIELDS).first())
    representative = getattr(case, "representative", None) if case is not None else None
    addresses = [case.citizen_email if case else "",
                 representative.email if representative is not None else ""]
    wanted = email.strip().casefold().encode()
    recipient = next((address for address in addresses if address and hmac.compare_digest(
        address.casefold().encode(), wanted)), None)
    if recipient is None:
        return False
    hour = (now or timezone.now()).strftime("%Y%m%d%H")
    return queue_message(
        kind=outbox_kinds.STATUS_LINK, recipient=recipient,
        reference=case.reference, dedupe_key=f"status-link:{case.pk}:{hour}",
        subject=gettext("The link to your inquiry %(reference)s") % {"reference": case.reference},
        body=gettext(
            "You asked for the link to your inquiry %(reference)s. It shows where your case "
            "stands:\n\n%(link)s\n\nKeep the link to yourself. If you did not ask for it, "
            "you can ignore this e-mail.\n\nThis e-mail was sent automatically. Do not reply "
            "with personal information.") % {"reference": case.reference, "link": link_for(case)},
    ) is not None
