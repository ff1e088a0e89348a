"""Office hours in Debian's chromium: axe-core finds nothing serious or critical on the
sessions list, the booking form, its error state and the receipt; and a citizen finds the next
session on the complaint page, books it and gets the receipt, and the advisor sees the booking
among the day's bookings in the admin and makes it a case."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case, OutreachBooking, OutreachPage
from borgerraadgiver_plugin.choices import Channel
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import ComplaintFormPageFactory, OutreachSessionFactory, UserFactory
from tests.sites import ensure_default_site

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


@pytest.fixture
def places(site, groups):
    home = site.root_page.specific
    complaint_page = ComplaintFormPageFactory(parent=home)
    outreach_page = home.add_child(instance=OutreachPage(title="Træffetider",
                                                         slug="traeffetider"))
    booking = OutreachSessionFactory()
    OutreachSessionFactory(place_name="Stevns Rådhus", address="Køgevej 1, 4660 Store Heddinge",
                           kind="DROP_IN", starts_at=booking.starts_at + datetime.timedelta(days=2),
                           ends_at=booking.ends_at + datetime.timedelta(days=2),
                           public_note="Spørg i Borgerservice.")
    OutreachSessionFactory(place_name="Hårlev Bibliotek", cancelled=True,
                           cancellation_note="Aflyst på grund af sygdom.",
                           starts_at=booking.starts_at + datetime.timedelta(days=7),
                           ends_at=booking.ends_at + datetime.timedelta(days=7))
    return complaint_page, outreach_page, booking


def book_button(tab):
    with tab.expect_navigation():
        tab.click("form.br-form button[type=submit]")


def test_sessions_booking_form_error_state_and_receipt_have_no_serious_axe_violations(
        journey, places):
    _complaint_page, outreach_page, _booking = places
    journey.goto(outreach_page.url)
    assert "Aflyst." in journey.page.inner_text("main")
    assert axe_violations(journey.page) == []
    journey.step("sessions")

    journey.page.get_by_role("link", name="Book en tid").first.click()
    journey.page.wait_for_load_state()
    assert axe_violations(journey.page) == []
    journey.step("booking-form")

    book_button(journey.page)
    assert journey.page.title().startswith("Fejl: ")
    assert journey.page.locator("#br-error-summary a").count() >= 2
    assert axe_violations(journey.page) == []
    journey.step("booking-error-state")

    journey.page.check("#id_slot_0")
    journey.page.fill("#id_name", "Birthe Madsen")
    journey.page.fill("#id_phone", "20 30 40 50")
    book_button(journey.page)
    journey.page.wait_for_url("**/kvittering/**")
    assert "Din tid er booket" in journey.page.inner_text("main")
    assert axe_violations(journey.page) == []
    journey.step("booking-receipt")


def test_a_citizen_books_the_next_session_from_the_complaint_page_and_the_advisor_sees_it(
        journey, places):
    complaint_page, _outreach_page, session = places
    UserFactory(username="rikke", password="rigtig-hemmelig", groups=[ADVISOR_GROUP])
    tab = journey.page

    journey.goto(complaint_page.url)
    sessions = tab.locator("section.br-outreach")
    assert "Store Heddinge Bibliotek" in sessions.inner_text()
    assert "tirsdag" in sessions.inner_text() and "kl. 14–16" in sessions.inner_text()
    sessions.scroll_into_view_if_needed()
    journey.step("complaint-page-sessions")
    sessions.get_by_role("link", name="Book en tid").first.click()
    tab.wait_for_load_state()

    tab.get_by_label("kl. 14.30").check()
    tab.get_by_label("Dit navn").fill("Birthe Madsen")
    tab.get_by_label("E-mail").fill("birthe@example.invalid")
    book_button(tab)
    tab.wait_for_url("**/kvittering/**")
    receipt = tab.inner_text("main")
    assert "Din tid er booket" in receipt and "kl. 14.30" in receipt
    assert tab.get_by_role("link", name="Afmeld min tid").count() == 1
    journey.step("receipt")
    booking = OutreachBooking.objects.get()
    assert timezone.localtime(booking.slot_start).strftime("%H:%M") == "14:30"

    journey.log_in("rikke", "rigtig-hemmelig")
    day = timezone.localdate(session.starts_at).isoformat()
    journey.goto(f"/admin/borgerraadgiver/cases/outreach-bookings/?day={day}")
    assert "Birthe Madsen" in tab.inner_text("main")
    journey.step("admin-bookings-of-the-day")
    tab.get_by_role("button", name="Opret sag").click()
    tab.wait_for_load_state()
    case = Case.objects.get()
    assert case.channel == Channel.OUTREACH and case.citizen_name == "Birthe Madsen"
    assert tab.locator("input[name=citizen_name]").input_value() == "Birthe Madsen"
    journey.step("admin-case-from-booking")
