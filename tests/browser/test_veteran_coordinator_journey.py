"""The veteran coordinator's day in chromium: a citizen asks to be contacted on the public page;
the coordinator takes the contact from the dashboard, records a consent and the unit the contact
deals with, logs a coordination meeting (refused until it names the unit), refers to
Veterancentret, sees the follow-up due, and when the consent is withdrawn anonymises the
contact after confirming. Every step goes through the rendered pages."""

import datetime
import re

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import VeteranContactPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CITIZEN = "Søren Jørgensen"


@pytest.fixture
def request_page(home, settings):
    # The request page's "too fast" check would take the browser for a bot.
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0
    return VeteranContactPageFactory(parent=home)


def click(page, role, name):
    page.get_by_role(role, name=name).click()
    page.wait_for_load_state()


def field(page, role, name):
    """The form field labelled ``name`` (Wagtail's panels carry the same label as headings)."""
    return page.locator("main").get_by_role(role, name=name, exact=True)


def fill_date(page, name, value):
    page.locator(f"[name={name}]").fill(value)
    # A click outside closes the date picker, which would cover the next fields and buttons.
    page.locator("h1").first.click()


def registration_consent_row(page):
    """The prefix of the consent row the edit form shows for the registration consent."""
    scopes = page.locator("select[name^=consents-][name$=-scope]")
    for index in range(scopes.count()):
        if scopes.nth(index).input_value() == "VETERAN_REGISTRY":
            return scopes.nth(index).get_attribute("name").removesuffix("-scope")
    raise AssertionError("no registration consent on the form")


def show(page, selector):
    """Scroll what the step is about into view: the admin scrolls inside its own layout."""
    page.locator(selector).scroll_into_view_if_needed()


def in_days(days):
    """A date as Wagtail's date picker shows it and a Danish user types it (WAGTAIL_DATE_FORMAT)."""
    return (timezone.localdate() + datetime.timedelta(days=days)).strftime("%d.%m.%Y")


def test_coordinator_takes_a_request_from_contact_to_anonymisation(
        journey, request_page, veteran_coordinator):
    page = journey.page
    # A citizen asks to be contacted.
    journey.goto(request_page.url)
    page.get_by_label("Dit navn").fill(CITIZEN)
    page.get_by_label("Telefon").fill("56 50 10 20")
    page.get_by_label("Hvad vil du gerne tale om?").fill("Job efter udsendelsen.")
    page.get_by_label("Jeg giver samtykke").check()
    journey.step("citizen-fills-in-the-request")
    click(page, "button", "Send henvendelsen")
    reference = VeteranContact.objects.get().reference
    assert reference in page.inner_text("main")
    journey.step("citizen-receipt")

    # The coordinator logs in and takes the new contact from the dashboard.
    journey.log_in(veteran_coordinator.username, "pw")
    panel = page.locator("#veteran-coordinator-content")
    assert CITIZEN in panel.inner_text()
    journey.step("dashboard-shows-the-new-request")
    panel.get_by_role("link", name=CITIZEN).click()
    page.wait_for_load_state()
    assert "Kontaktanmodning på hjemmesiden" in page.inner_text("main")
    assert "Job efter udsendelsen." in page.inner_text("main")
    journey.step("contact-from-the-request-page")

    # Records the consent to talk to Veterancentret about the contact.
    click(page, "link", "Rediger")
    assert page.locator("[name=name]").input_value() == CITIZEN
    assert page.locator("[name=consents-0-given_on]").input_value() == in_days(0)
    journey.step("edit-form-holds-the-contact")
    click(page, "button", "Tilføj samtykke")
    page.locator("[name=consents-1-scope]").select_option(label="Kontakt med navngivne "
                                                                  "samarbejdspartnere")
    page.locator("[name=consents-1-parties]").fill("Veterancentret")
    fill_date(page, "consents-1-given_on", in_days(0))
    page.locator("[name=consents-1-channel]").select_option(label="Telefon")
    # And the unit the contact deals with, which the coordination meeting will name.
    click(page, "button", "Tilføj kontakt i kommunen")
    page.locator("[name=touchpoints-0-unit]").fill("Jobcenter Stevns")
    journey.step("consent-filled-in")
    click(page, "button", "Gem")
    consents = page.locator("#vc-consents").locator("xpath=..")
    assert "Kontakt med navngivne samarbejdspartnere: Veterancentret" in consents.inner_text()
    show(page, "#vc-consents")
    journey.step("consent-recorded")

    # Logs a coordination meeting with a follow-up in three days.
    click(page, "link", "Registrér et koordineringsmøde")
    assert page.locator("[name=kind]").input_value() == "COORDINATION_MEETING"
    field(page, "textbox", "Deltagere").fill("Jobcenter Stevns")
    field(page, "textbox", "Notat").fill("Plan for praktik aftalt.")
    fill_date(page, "follow_up", in_days(3))
    journey.step("meeting-filled-in")
    click(page, "button", "Gem")
    # A coordination meeting names the units that took part: none named, it is refused.
    assert "Nævn mindst én kommunal enhed, der deltog i mødet." in page.inner_text("main")
    journey.step("meeting-without-unit-refused")
    page.locator("main").get_by_label("Jobcenter Stevns", exact=True).check()
    click(page, "button", "Gem")
    activities = page.locator("#vc-activities").locator("xpath=..").inner_text()
    assert "Koordineringsmøde" in activities and "Plan for praktik aftalt." in activities
    show(page, "#vc-activities")
    journey.step("meeting-logged")

    # Refers the contact to Veterancentret.
    click(page, "link", "Henvis til en samarbejdspartner")
    page.locator("[name=partner]").select_option(label="Veterancentret")
    journey.step("referral-filled-in")
    click(page, "button", "Gem")
    referrals = page.locator("#vc-referrals").locator("xpath=..").inner_text()
    assert "Veterancentret" in referrals
    show(page, "#vc-referrals")
    journey.step("referred-to-veterancentret")

    # Sees the follow-up due this week, on the dashboard and in the registry's list.
    journey.goto("/admin/")
    due = page.locator("#veteran-coordinator-content").inner_text()
    follow_up = timezone.localdate() + datetime.timedelta(days=3)
    assert CITIZEN in due
    assert f"{follow_up:%d.%m.%Y}" in due
    journey.step("follow-up-due-on-the-dashboard")
    click(page, "link", "Alle opfølgninger, der forfalder")
    assert CITIZEN in page.locator("main table").inner_text()
    journey.step("follow-ups-due-in-the-registry")

    # The contact withdraws the registration consent; the coordinator anonymises them.
    page.locator("main table tr", has_text=CITIZEN).get_by_role("link", name="Rediger").click()
    page.wait_for_load_state()
    row = registration_consent_row(page)
    fill_date(page, f"{row}-withdrawn_on", in_days(0))
    show(page, f"[name={row}-withdrawn_on]")
    journey.step("consent-withdrawn-filled-in")
    click(page, "button", "Gem")
    assert "Samtykket til registrering er trukket tilbage" in page.inner_text("main")
    journey.step("anonymisation-offered")
    click(page, "link", "Anonymisér kontakten …")
    assert "Det kan ikke fortrydes" in page.inner_text("main")
    assert VeteranContact.objects.get().name == CITIZEN, "asking changes nothing"
    journey.step("anonymisation-confirmation")
    click(page, "button", "Ja, anonymisér kontakten")
    main = page.inner_text("main")
    assert "Kontakten er anonymiseret" in main or "anonymiseret" in main
    assert CITIZEN not in main and "56 50 10 20" not in main
    assert re.search(r"Koordineringsmøde", main), "the activity stays counted"
    journey.step("contact-anonymised")
    contact = VeteranContact.objects.get()
    assert contact.anonymised_at and contact.name == "Anonymiseret"
