"""The bookings' part of an access request: bookings under the person's name, e-mail or phone."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...subject_access import Record, Source, phone_q, text_q
from ..models.outreach import OutreachBooking
from .sessions import slot_label, when, where

PERMISSION = "borgerraadgiver_cases.view_case"


class BookingSource(Source):
    label = _("Office hours bookings")
    permission = PERMISSION

    def find(self, query):
        bookings, by_phone = phone_q(OutreachBooking.objects.all(), query, "phone")
        bookings = (bookings.filter(text_q(query, "name", "email") | by_phone)
                    .filter(anonymised_at__isnull=True).select_related("session", "case"))
        return [booking_record(booking) for booking in bookings]


def booking_record(booking):
    session = booking.session
    details = [
        (_("Session"), f"{when(session)}, {slot_label(booking.slot_start)}"),
        (_("Place"), where(session)),
        (_("Name"), booking.name),
        (_("E-mail"), booking.email),
        (_("Phone"), booking.phone),
        (_("Booked"), timezone.localtime(booking.created_at).isoformat(timespec="minutes")),
        (_("Cancelled"), timezone.localtime(booking.cancelled_at).isoformat(timespec="minutes")
         if booking.cancelled_at else ""),
        (_("Case"), booking.case.reference if booking.case else ""),
    ]
    return Record(
        key=f"outreach-booking:{booking.pk}", kind=_("Office hours booking"),
        reference=str(booking), instance=booking, name=booking.name, email=booking.email,
        phone=booking.phone, matched=[_("booking")],
        details=[(label, value) for label, value in details if value],
        data={"session": where(session), "slot_start": booking.slot_start,
              "name": booking.name, "email": booking.email, "phone": booking.phone,
              "created_at": booking.created_at, "cancelled_at": booking.cancelled_at})
