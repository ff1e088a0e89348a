"""Retention of bookings: a booking's name and contact are emptied a fixed time after its
session (``BORGERRAADGIVER_BOOKING_KEEP_DAYS``, 30 days by default), whatever became of it.

By then the advisor has met the citizen, and a matter worth keeping is a case of its own (made
from the booking), kept by the case's own retention. The row stays with its session and slot,
so the session keeps its count of bookings for the annual report. The day-before reminder in
the outbox is emptied with it, and the receipt and cancellation links stop working.
"""

import datetime

from django.core import serializers
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ... import audit, conf, dates
from ...models import OutboxMessage
from ...public_forms import new_receipt_token
from ...retention import Source, write_json
from ..models.outreach import OutreachBooking
from .reminders import dedupe_key

PERSONAL_FIELDS = ("name", "phone", "email")


def keep_days():
    return conf.get("BORGERRAADGIVER_BOOKING_KEEP_DAYS")


def due(cutoff=None, now=None):
    """Bookings whose session ended more than ``keep_days()`` ago, not yet anonymised. The
    case retention's ``cutoff`` (years) does not apply: bookings are kept for days."""
    limit = (now or timezone.now()) - datetime.timedelta(days=keep_days())
    return OutreachBooking.objects.filter(session__ends_at__lt=limit,
                                          anonymised_at__isnull=True).order_by("slot_start", "pk")


@transaction.atomic
def anonymise(booking, user=None):
    booking = OutreachBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.anonymised_at:
        return booking, False
    for name in PERSONAL_FIELDS:
        setattr(booking, name, "")
    booking.receipt_token = new_receipt_token()
    booking.cancel_token = new_receipt_token()
    booking.submission_key = None
    booking.anonymised_at = timezone.now()
    booking.save()
    OutboxMessage.objects.filter(dedupe_key=dedupe_key(booking)).update(
        recipient="", subject="", body="", last_error="", dedupe_key=None)
    audit.scrub(booking)
    audit.record(user, booking, audit.ANONYMISE)
    return booking, True


def describe(booking):
    return _("booking %(number)s, %(day)s") % {
        "number": booking.pk, "day": dates.show(timezone.localtime(booking.slot_start))}


def export(booking, folder):
    return write_json(folder, f"booking-{booking.pk}",
                      serializers.serialize("python", [booking]))


def source():
    return Source(due=due, describe=describe, anonymise=anonymise, export=export)
