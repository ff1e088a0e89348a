"""The booking rules without HTTP: a taken, unknown or begun slot is refused; a cancelled
booking frees its slot; cancelling has a deadline; a booking becomes one case only."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.cases.outreach import booking
from borgerraadgiver_plugin.public_forms import Rejected
from tests.factories import OutreachBookingFactory, OutreachSessionFactory

pytestmark = pytest.mark.django_db


def book(session, slot, name="Birthe Madsen"):
    with transaction.atomic():
        return booking.book(session.pk, slot, name, phone="20 30 40 50")


def test_a_taken_slot_is_refused_and_freed_again_by_a_cancellation(session):
    first = book(session, session.starts_at)
    with pytest.raises(Rejected) as refused:
        book(session, session.starts_at, name="En anden")
    assert refused.value.field == "slot"
    assert booking.cancel(first)
    assert book(session, session.starts_at, name="En anden").name == "En anden"


def test_a_time_that_is_not_a_slot_of_the_session_is_refused(session):
    with pytest.raises(Rejected):
        book(session, session.starts_at + datetime.timedelta(minutes=7))
    with pytest.raises(Rejected):
        book(session, session.ends_at)


def test_a_begun_booking_cannot_be_cancelled():
    now = timezone.now()
    session = OutreachSessionFactory(starts_at=now - datetime.timedelta(minutes=5),
                                     ends_at=now + datetime.timedelta(hours=1))
    started = OutreachBookingFactory(session=session)
    assert not booking.can_be_cancelled(started)
    assert not booking.cancel(started)


def test_a_booking_becomes_one_case(session, advisor):
    made = OutreachBookingFactory(session=session)
    case, created = booking.make_case(made, advisor)
    again, created_again = booking.make_case(made, advisor)
    assert created and not created_again and again == case
    assert Case.objects.count() == 1 and case.reference.startswith("BR-")
