"""The .ics files: RFC 5545 as the icalendar package reads it, Europe/Copenhagen with its
VTIMEZONE, the right local times on both sides of a daylight-saving change, and a cancelled
session that says so."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.factories import OutreachSessionFactory

pytestmark = pytest.mark.django_db

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def at(*args):
    return datetime.datetime(*args, tzinfo=COPENHAGEN)


@pytest.fixture
def around_the_change(db):
    """14–16 on the Tuesdays before and after summer time starts (29 March 2037)."""
    return (OutreachSessionFactory(starts_at=at(2037, 3, 24, 14), ends_at=at(2037, 3, 24, 16)),
            OutreachSessionFactory(starts_at=at(2037, 3, 31, 14), ends_at=at(2037, 3, 31, 16),
                                   cancelled=True, cancellation_note="Aflyst pga. sygdom."))


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_the_feed_has_every_upcoming_session_at_its_local_time_across_summer_time(
        client, outreach_page, around_the_change):
    calendar = parse(client.get(f"{outreach_page.url}kalender/"))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Europe/Copenhagen"]
    assert {sub.name for sub in zones[0].subcomponents} >= {"STANDARD", "DAYLIGHT"}
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    for event in events:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert event["DTSTART"].params["TZID"] == "Europe/Copenhagen"
        assert (start.hour, end.hour) == (14, 16)
        assert str(start.tzinfo) == "Europe/Copenhagen"
    winter, summer = (event.decoded("DTSTART") for event in events)
    assert winter.utcoffset() == datetime.timedelta(hours=1)
    assert summer.utcoffset() == datetime.timedelta(hours=2)
    assert [str(event["STATUS"]) for event in events] == ["CONFIRMED", "CANCELLED"]
    assert str(events[1]["SUMMARY"]).startswith("Aflyst: ")
    assert "Aflyst pga. sygdom." in str(events[1]["DESCRIPTION"])
    assert "Store Heddinge Bibliotek, Ved Hallen 2" in str(events[0]["LOCATION"])
    assert len({str(event["UID"]) for event in events}) == 2


def test_one_session_has_its_own_file_and_an_unknown_one_is_404(client, outreach_page,
                                                                around_the_change):
    winter, _summer = around_the_change
    response = client.get(f"{outreach_page.url}{winter.pk}/kalender/")
    assert f'filename="traeffetid-{winter.pk}.ics"' in response["Content-Disposition"]
    events = parse(response).walk("VEVENT")
    assert len(events) == 1 and events[0].decoded("DTSTART") == winter.starts_at
    assert client.get(f"{outreach_page.url}999999/kalender/").status_code == 404


def test_ended_sessions_leave_the_feed(client, outreach_page):
    now = timezone.now()
    OutreachSessionFactory(starts_at=now - datetime.timedelta(days=1, hours=2),
                           ends_at=now - datetime.timedelta(days=1))
    assert parse(client.get(f"{outreach_page.url}kalender/")).walk("VEVENT") == []
