"""Deadlines on a case, in Danish working days from the advisor's settings (domain.md §10.2).

Four clocks run on a case: the acknowledgement of receipt, the unit's answer to a forwarded
complaint, the unit's statement in an investigation and the citizen's answer while the case is
paused for them. ``Case.next_deadline`` holds the earliest open one, so the listing can show,
sort and filter by it without a query per row; :func:`refresh_next_deadline` keeps it current.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import CaseStatus
from ..models import BorgerraadgiverSettings

ACKNOWLEDGEMENT = "acknowledgement"
FORWARDING = "forwarding"
STATEMENT = "statement"
CITIZEN = "citizen"

LABELS = {
    ACKNOWLEDGEMENT: _("Acknowledgement of receipt"),
    FORWARDING: _("The unit's answer"),
    STATEMENT: _("The unit's statement"),
    CITIZEN: _("The citizen's answer"),
}


@dataclass(frozen=True)
class Deadline:
    kind: str
    due: datetime.date
    forwarding_id: int | None = None

    @property
    def label(self):
        return LABELS[self.kind]

    def is_overdue(self, today=None):
        return self.due < (today or timezone.localdate())


def current_settings():
    return BorgerraadgiverSettings.current()


def _working_days_after(day, setting, settings=None):
    """``day`` plus the number of working days the advisor's ``setting`` names."""
    settings = settings or current_settings()
    return settings.calendar.add(day, getattr(settings, setting))


def acknowledgement_due(received_on, settings=None):
    return _working_days_after(received_on, "acknowledgement_days", settings)


def hearing_due(received_on, settings=None):
    """The citizen's comments on the unit's statement (partshøring) are due."""
    return _working_days_after(received_on, "citizen_hearing_days", settings)


def forwarding_due(sent_on, settings=None):
    return _working_days_after(sent_on, "forwarding_answer_days", settings)


def forwarding_reminder_on(sent_on, settings=None):
    return _working_days_after(sent_on, "forwarding_reminder_days", settings)


def statement_due(asked_on, settings=None):
    return _working_days_after(asked_on, "investigation_statement_days", settings)


def citizen_reply_due(asked_on, settings=None):
    return _working_days_after(asked_on, "citizen_inactivity_days", settings)


def open_deadlines(case):
    """Every deadline on ``case`` still waiting for something, earliest first."""
    if case.status in CaseStatus.ended():
        return []
    found = []
    if case.acknowledgement_due and not case.acknowledged_at:
        found.append(Deadline(ACKNOWLEDGEMENT, case.acknowledgement_due))
    if case.pk:
        for forwarding in case.forwardings.filter(answered_on__isnull=True):
            found.append(Deadline(FORWARDING, forwarding.due_on, forwarding.pk))
    if case.statement_due and not case.statement_received_on:
        found.append(Deadline(STATEMENT, case.statement_due))
    if case.paused_at and case.citizen_reply_due:
        found.append(Deadline(CITIZEN, case.citizen_reply_due))
    return sorted(found, key=lambda deadline: deadline.due)


def refresh_next_deadline(case, save=True):
    deadlines = open_deadlines(case)
    case.next_deadline = deadlines[0].due if deadlines else None
    if save and case.pk:
        type(case).objects.filter(pk=case.pk).update(next_deadline=case.next_deadline)
    return case.next_deadline


def week_bounds(today=None):
    today = today or timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    return monday, monday + datetime.timedelta(days=6)


def due_this_week_q(today=None):
    today = today or timezone.localdate()
    _monday, sunday = week_bounds(today)
    return Q(next_deadline__gte=today, next_deadline__lte=sunday)


def overdue_q(today=None):
    return Q(next_deadline__lt=today or timezone.localdate())
