"""The day-before reminder of a booking, through the outbox: the time and the place, nothing
else (no name, no matter). Only a booking with an e-mail address gets one; each once."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from ...outbox import queue_message
from .. import outbox_kinds
from ..models.outreach import OutreachBooking
from .sessions import slot_label, when, where

KIND = outbox_kinds.OUTREACH_REMINDER


def dedupe_key(booking):
    return f"outreach-reminder:{booking.pk}"


def due_tomorrow(today):
    start = timezone.make_aware(datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time.min))
    return (OutreachBooking.objects.active()
            .filter(slot_start__gte=start, slot_start__lt=start + datetime.timedelta(days=1),
                    session__cancelled=False, anonymised_at__isnull=True)
            .exclude(email="").select_related("session"))


def send_booking_reminders(today=None):
    """Queue tomorrow's reminders; returns how many were queued (sent ones are skipped)."""
    today = today or timezone.localdate()
    queued = 0
    with override("da"):
        for booking in due_tomorrow(today):
            body = "\n\n".join([
                _("A reminder of your time with the citizen advisor tomorrow:"),
                f"{when(booking.session)}, {slot_label(booking.slot_start)}\n"
                f"{where(booking.session)}",
                _("If you cannot come, please use the cancellation link on your receipt, or "
                  "call us."),
            ])
            if queue_message(KIND, booking.email, _("Reminder: the citizen advisor tomorrow"),
                             body, dedupe_key=dedupe_key(booking)):
                queued += 1
    return queued
