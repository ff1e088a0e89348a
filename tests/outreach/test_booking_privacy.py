"""A booking's name and contact are personal data: retention empties them
BORGERRAADGIVER_BOOKING_KEEP_DAYS (30) days after the session, the counts stay, the links die;
an access request finds them until then."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin import subject_access
from borgerraadgiver_plugin.cases.models import OutreachBooking
from borgerraadgiver_plugin.cases.outreach.reminders import send_booking_reminders
from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings, OutboxMessage
from borgerraadgiver_plugin.retention import run
from tests.factories import OutreachBookingFactory, OutreachSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def retention_on(site, groups):
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    settings.save()


def session_ended(days_ago):
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return OutreachSessionFactory(starts_at=end - datetime.timedelta(hours=2), ends_at=end)


def test_retention_empties_bookings_thirty_days_after_the_session_and_keeps_the_count(
        retention_on, client, outreach_page):
    old = OutreachBookingFactory(session=session_ended(31))
    recent = OutreachBookingFactory(session=session_ended(29))
    send_booking_reminders(timezone.localdate(old.slot_start) - datetime.timedelta(days=1))
    assert OutboxMessage.objects.filter(recipient=old.email).exists()
    receipt = f"{outreach_page.url}kvittering/{old.receipt_token}/"
    assert client.get(receipt).status_code == 200

    assert run().done == 1

    old.refresh_from_db()
    assert (old.name, old.phone, old.email) == ("", "", "") and old.anonymised_at
    assert old.session.bookings.count() == 1  # the count stays
    assert not OutboxMessage.objects.filter(recipient="birthe@example.invalid").exists()
    assert client.get(receipt).status_code == 404
    assert OutreachBooking.objects.get(pk=recent.pk).name == "Birthe Madsen"
    assert run().done == 0


def test_the_period_is_a_setting(retention_on, settings):
    settings.BORGERRAADGIVER_BOOKING_KEEP_DAYS = 60
    OutreachBookingFactory(session=session_ended(31))
    assert run().done == 0


def test_an_access_request_finds_a_booking_by_name_e_mail_or_phone(advisor):
    OutreachBookingFactory(session=session_ended(2))
    for query in ("Birthe Madsen", "birthe@example.invalid", "20304050"):
        found = subject_access.search(advisor, query)
        kinds = [str(record.kind) for record in found.records]
        assert "Booking af træffetid" in kinds, query
