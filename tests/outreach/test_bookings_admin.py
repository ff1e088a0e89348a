"""The advisor's side: the day's bookings under /admin/borgerraadgiver/cases/outreach-bookings/,
a booking turned into a case with channel "outreach" in one step, the day-before reminder,
the statistics table and the annual report's office hours."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases import outbox_kinds
from borgerraadgiver_plugin.cases.models import Case, OutreachBooking
from borgerraadgiver_plugin.cases.outreach.reminders import send_booking_reminders
from borgerraadgiver_plugin.choices import Channel
from borgerraadgiver_plugin.models import OutboxMessage
from borgerraadgiver_plugin.reports.statistics import compute, make_period
from tests.cases.admin_helpers import url
from tests.cases.rendered_form import form_data
from tests.factories import CaseFactory, OutreachBookingFactory, OutreachSessionFactory

pytestmark = pytest.mark.django_db

URL = "/admin/borgerraadgiver/cases/outreach-bookings/"


def test_the_day_view_lists_the_bookings_and_a_booking_becomes_an_outreach_case(
        advisor_client, session):
    booking = OutreachBookingFactory(session=session)
    day = timezone.localdate(session.starts_at).isoformat()
    response = advisor_client.get(f"{URL}?day={day}")
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Birthe Madsen" in page.text and "20 30 40 50" in page.text
    assert audit.VIEW in {entry.action for entry in audit.ModelLogEntry.objects.all()}
    form = page.select_one(f'form[action="{URL}{booking.pk}/case/"]')
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    created = advisor_client.post(form["action"], data)
    case = Case.objects.get()
    assert created.status_code == 302
    assert created["Location"] == reverse("borgerraadgiver_cases_case:edit", args=[case.pk])
    assert (case.channel, case.citizen_name, case.citizen_phone, case.citizen_email) == (
        Channel.OUTREACH, "Birthe Madsen", "20 30 40 50", "birthe@example.invalid")
    assert case.outreach_session == session and case.acknowledgement_due
    assert OutreachBooking.objects.get().case == case
    again = advisor_client.post(form["action"], data)  # a second click: the same case
    assert again["Location"] == created["Location"] and Case.objects.count() == 1
    listed = advisor_client.get(f"{URL}?day={day}").content.decode()
    assert case.reference in listed


def test_today_is_shown_without_a_day_and_a_bad_day_is_a_400(advisor_client):
    assert advisor_client.get(URL).status_code == 200
    assert advisor_client.get(f"{URL}?day=31-31-2026").status_code == 400


def test_staff_without_the_case_permission_are_refused(client, staff_member, session):
    booking = OutreachBookingFactory(session=session)
    client.force_login(staff_member)
    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}{booking.pk}/case/").status_code == 403
    assert not Case.objects.exists()


def test_the_advisor_adds_a_session_in_the_snippet_admin(advisor_client):
    add = "/admin/borgerraadgiver/cases/outreach-sessions/add/"
    response = advisor_client.get(add)
    assert response.status_code == 200
    created = advisor_client.post(add, {
        "place_name": "Sundhedshuset Stevns", "address": "Hårlev Bygade 45, 4652 Hårlev",
        "starts_at": "2037-02-03 14:00", "ends_at": "2037-02-03 16:00", "kind": "BOOKING",
        "slot_minutes": "20", "capacity": "", "public_note": "", "cancellation_note": "",
    })
    assert created.status_code == 302, created.content.decode()[:3000]
    listing = advisor_client.get("/admin/borgerraadgiver/cases/outreach-sessions/")
    assert "Sundhedshuset Stevns" in listing.content.decode()


def test_the_reminder_the_day_before_says_time_and_place_only_and_is_sent_once(session):
    booking = OutreachBookingFactory(session=session)
    OutreachBookingFactory(session=session, email="", slot_start=session.starts_at
                           + datetime.timedelta(minutes=30))  # phone only: no e-mail to send
    day_before = timezone.localdate(session.starts_at) - datetime.timedelta(days=1)
    assert send_booking_reminders(day_before - datetime.timedelta(days=1)) == 0
    assert send_booking_reminders(day_before) == 1
    assert send_booking_reminders(day_before) == 0
    message = OutboxMessage.objects.get()
    assert message.kind == outbox_kinds.OUTREACH_REMINDER
    assert message.recipient == booking.email
    assert "kl. 14" in message.body and "Store Heddinge Bibliotek" in message.body
    assert "Birthe" not in message.body + message.subject


def test_the_reminders_command_queues_the_booking_reminders(session, site, monkeypatch):
    OutreachBookingFactory(session=session)
    day_before = timezone.localdate(session.starts_at) - datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: day_before)
    out = StringIO()
    call_command("borgerraadgiver_reminders", stdout=out, stderr=StringIO())
    assert OutboxMessage.objects.filter(kind=outbox_kinds.OUTREACH_REMINDER).count() == 1


def test_a_cancelled_booking_or_session_gets_no_reminder(session):
    OutreachBookingFactory(session=session, cancelled_at=timezone.now())
    day_before = timezone.localdate(session.starts_at) - datetime.timedelta(days=1)
    assert send_booking_reminders(day_before) == 0


def test_the_outreach_table_counts_sessions_bookings_and_inquiries_by_place():
    def held(day, place="Store Heddinge Bibliotek", **extra):
        start = timezone.make_aware(datetime.datetime(2025, *day, 14))
        return OutreachSessionFactory(place_name=place, starts_at=start,
                                      ends_at=start + datetime.timedelta(hours=2), **extra)

    library, town_hall = held((3, 4)), held((5, 6), place="Stevns Rådhus")
    held((6, 3), cancelled=True, cancellation_note="Aflyst.")  # never held: not counted
    last_year = held((3, 5))
    last_year.starts_at = last_year.starts_at.replace(year=2024)
    last_year.ends_at = last_year.ends_at.replace(year=2024)
    last_year.save()
    for minutes in (0, 30, 60):
        OutreachBookingFactory(session=library, slot_start=library.starts_at
                               + datetime.timedelta(minutes=minutes))
    OutreachBookingFactory(session=library, cancelled_at=timezone.now(),
                           slot_start=library.starts_at + datetime.timedelta(minutes=90))
    for _n in range(4):
        CaseFactory(channel=Channel.OUTREACH, outreach_session=town_hall,
                    received_at=town_hall.starts_at)
    table = compute(make_period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
                    threshold=3).published(["outreach"])["outreach"]
    rows = {row.code: row.cells for row in table.rows}
    assert rows["Store Heddinge Bibliotek"] == [1, 3, 0, 1, 0, 0]
    assert rows["Stevns Rådhus"] == [1, 0, 4, 0, 0, 0]
    assert rows["TOTAL"] == [2, 3, 4, 1, 0, 0]


def test_an_inquiry_taken_at_a_drop_in_session_is_registered_with_it_on_the_edit_form(
        advisor_client, session):
    case = CaseFactory(channel=Channel.OUTREACH)
    data = form_data(advisor_client, url("edit", case.pk))
    assert data["outreach_session"] == [""]
    data["outreach_session"] = [str(session.pk)]
    response = advisor_client.post(url("edit", case.pk), data)
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).outreach_session == session
