"""What a citizen is told about a session, and the rules of its slots, without HTTP."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import SessionKind
from borgerraadgiver_plugin.cases.outreach import sessions
from tests.factories import OutreachBookingFactory, OutreachSessionFactory

pytestmark = pytest.mark.django_db


def local(*args):
    return timezone.make_aware(datetime.datetime(*args))


def test_the_date_line_is_danish_with_weekday_day_month_and_hours():
    session = OutreachSessionFactory.build(starts_at=local(2027, 2, 2, 14),
                                           ends_at=local(2027, 2, 2, 16))
    now = local(2027, 1, 5, 9)
    assert sessions.when(session, now) == "tirsdag 2. februar kl. 14–16"


def test_the_date_line_has_minutes_when_there_are_some_and_the_year_when_not_this_year():
    session = OutreachSessionFactory.build(starts_at=local(2027, 3, 3, 9, 30),
                                           ends_at=local(2027, 3, 3, 11, 15))
    assert sessions.when(session, local(2026, 12, 1)) == "onsdag 3. marts 2027 kl. 9.30–11.15"


def test_slots_fill_the_session_and_capacity_limits_the_bookings():
    session = OutreachSessionFactory.build(starts_at=local(2027, 2, 2, 14),
                                           ends_at=local(2027, 2, 2, 15, 50), slot_minutes=30)
    assert [s.strftime("%H:%M") for s in map(timezone.localtime, session.slot_starts())] == [
        "14:00", "14:30", "15:00"]
    assert session.places == 3
    session.capacity = 2
    assert session.places == 2


def test_a_session_must_end_after_it_starts_and_fit_one_slot():
    session = OutreachSessionFactory.build(starts_at=local(2027, 2, 2, 14),
                                           ends_at=local(2027, 2, 2, 14))
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert "ends_at" in error.value.message_dict
    session.ends_at = local(2027, 2, 2, 14, 10)
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert "slot_minutes" in error.value.message_dict


def test_a_cancelled_session_must_tell_citizens_so():
    session = OutreachSessionFactory.build(cancelled=True)
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert "cancellation_note" in error.value.message_dict


def test_why_a_session_cannot_be_booked():
    now = timezone.now()
    assert sessions.why_not_bookable(OutreachSessionFactory(), now) is None
    assert sessions.why_not_bookable(OutreachSessionFactory(kind=SessionKind.DROP_IN),
                                     now) == "kind"
    assert sessions.why_not_bookable(OutreachSessionFactory(cancelled=True), now) == "cancelled"
    past = OutreachSessionFactory(starts_at=now - datetime.timedelta(days=2),
                                  ends_at=now - datetime.timedelta(days=2, hours=-2))
    assert sessions.why_not_bookable(past, now) == "past"
    full = OutreachSessionFactory(capacity=1)
    OutreachBookingFactory(session=full)
    assert sessions.why_not_bookable(full, now) == "full"


def test_a_cancelled_booking_frees_its_slot():
    session = OutreachSessionFactory(capacity=1)
    booking = OutreachBookingFactory(session=session)
    assert sessions.free_slots(session) == []
    booking.cancelled_at = timezone.now()
    booking.save()
    assert len(sessions.free_slots(session)) == 4


def test_the_upcoming_list_keeps_cancelled_sessions_and_leaves_out_ended_ones():
    now = timezone.now()
    cancelled = OutreachSessionFactory(cancelled=True, cancellation_note="Aflyst pga. sygdom.")
    open_one = OutreachSessionFactory(starts_at=cancelled.starts_at + datetime.timedelta(days=7),
                                      ends_at=cancelled.ends_at + datetime.timedelta(days=7))
    OutreachSessionFactory(starts_at=now - datetime.timedelta(hours=3),
                           ends_at=now - datetime.timedelta(hours=1))
    listed = sessions.upcoming(now=now)
    assert [item.session for item in listed] == [cancelled, open_one]
    assert [item.bookable for item in listed] == [False, True]
