"""Booking a slot, cancelling it, and turning a booking into a case.

:func:`book` runs inside the public form's transaction. It locks the session's row
(PostgreSQL; SQLite's writer lock is taken at BEGIN IMMEDIATE), checks again that the
session can be booked and the slot is free, and stores the booking; a unique constraint on
(session, slot) for live bookings is the last guard, so a slot is never booked twice however
many people press "Book" at once. A refusal found here is a
:class:`~borgerraadgiver_plugin.public_forms.Rejected`: the form comes back with the reason.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ...choices import CaseStatus, Channel, InquiryType, RequesterRole
from ...public_forms import Rejected
from .. import deadlines
from ..models.case import Case, ContactPreference
from ..models.outreach import OutreachBooking, OutreachSession
from .sessions import NOT_BOOKABLE, why_not_bookable

SLOT_TAKEN = _("Someone booked this time a moment ago. Choose another time.")


def book(session_id, slot_start, name, phone="", email="", key=None, now=None):
    """Store a booking of ``slot_start`` in the session; :class:`Rejected` when the session
    cannot be booked (any more) or the slot is taken. The same ``key`` (the rendered form and
    its answers) twice returns the first booking."""
    if key and (existing := OutreachBooking.objects.filter(submission_key=key).first()):
        return existing
    now = now or timezone.now()
    session = OutreachSession.objects.select_for_update().filter(pk=session_id).first()
    if session is None:
        raise Rejected(NOT_BOOKABLE["past"])
    reason = why_not_bookable(session, now)
    if reason is not None:
        raise Rejected(NOT_BOOKABLE[reason], "slot" if reason == "full" else None)
    if slot_start not in session.slot_starts() or slot_start <= now:
        raise Rejected(_("Choose one of the times shown."), "slot")
    if session.bookings.active().filter(slot_start=slot_start).exists():
        raise Rejected(SLOT_TAKEN, "slot")
    try:
        with transaction.atomic():
            return OutreachBooking.objects.create(
                session=session, slot_start=slot_start, name=name, phone=phone, email=email,
                submission_key=key)
    except IntegrityError:
        if key and (existing := OutreachBooking.objects.filter(submission_key=key).first()):
            return existing
        raise Rejected(SLOT_TAKEN, "slot") from None


def cancel(booking, now=None):
    """Cancel ``booking`` (the citizen's link); the slot is free again. False if it was
    cancelled already or the session has begun."""
    now = now or timezone.now()
    if booking.cancelled_at or booking.slot_start <= now:
        return False
    return bool(OutreachBooking.objects.filter(pk=booking.pk, cancelled_at__isnull=True)
                .update(cancelled_at=now))


def can_be_cancelled(booking, now=None):
    return not booking.cancelled_at and booking.slot_start > (now or timezone.now())


@transaction.atomic
def make_case(booking, user=None, now=None):
    """A new case with channel "outreach" from ``booking``: the name and contact carried
    over, the session linked (it counts the inquiry). A booking turned into a case already
    gives that case back. Returns ``(case, created)``."""
    booking = OutreachBooking.objects.select_for_update().select_related("session").get(
        pk=booking.pk)
    if booking.case_id:
        return booking.case, False
    now = now or timezone.now()
    case = Case(
        received_at=now, channel=Channel.OUTREACH, status=CaseStatus.NEW,
        requester_role=RequesterRole.CITIZEN, inquiry_type=InquiryType.GUIDANCE,
        citizen_name=booking.name, citizen_email=booking.email, citizen_phone=booking.phone,
        contact_preference=ContactPreference.PHONE if booking.phone else ContactPreference.EMAIL,
        outreach_session=booking.session,
        acknowledgement_due=deadlines.acknowledgement_due(timezone.localdate(now)),
    )
    case.save()
    booking.case = case
    booking.save(update_fields=["case"])
    log(case, "wagtail.create", user=user)
    return case, True
