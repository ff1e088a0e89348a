"""The coordinator coordinates across units in chromium (issue 19): the dashboard panel shows a
next step agreed with a unit, the coordination overview finds the veteran with no coordination
meeting for ten weeks, a meeting naming no unit is refused, a meeting with two units is logged
with a follow-up, and the per-unit view lists the unit's veterans. Only what the pages show."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.veterans.models import MunicipalTouchpoint
from tests.factories import AreaFactory, VeteranActivityFactory, VeteranContactFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click(page, role, name, within=None):
    (within or page.locator("main")).get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state()


@pytest.fixture
def registry(groups):
    today = timezone.localdate()
    job, housing, health = (AreaFactory(name=name) for name in (
        "Jobcenter Stevns", "Center for Bolig", "Sundhed og Omsorg"))
    jens = VeteranContactFactory(name="Jens Mikkelsen")
    for area, person, step, days in ((job, "Bente Kjær", "", None),
                                     (housing, "Ole Brandt", "Afklare midlertidig bolig", 3),
                                     (health, "Rikke Lind", "", None)):
        MunicipalTouchpoint.objects.create(
            contact=jens, area=area, contact_person=person,
            since=today - datetime.timedelta(weeks=20), next_step=step,
            next_step_on=today + datetime.timedelta(days=days) if days else None)
    VeteranActivityFactory(contact=jens, kind="COORDINATION_MEETING",
                           date=today - datetime.timedelta(weeks=10))
    lars = VeteranContactFactory(name="Lars Poulsen")
    for area in (job, housing):
        MunicipalTouchpoint.objects.create(contact=lars, area=area, contact_person="Pia Holm")
    VeteranActivityFactory(contact=lars, kind="COORDINATION_MEETING",
                           date=today - datetime.timedelta(weeks=2))
    return {"jens": jens, "lars": lars, "job": job, "housing": housing}


def test_coordinator_finds_the_veteran_who_needs_coordination_and_logs_a_meeting(
        journey, registry, veteran_coordinator):
    page = journey.page
    journey.log_in(veteran_coordinator.username, "pw")
    panel = page.locator("#veteran-coordinator-content")
    assert "Center for Bolig: Afklare midlertidig bolig" in panel.inner_text()
    journey.step("dashboard-next-step-due")

    click(page, "link", "Koordineringsoverblik", within=panel)
    main = page.locator("main").inner_text()
    assert "Jens Mikkelsen" in main and "Lars Poulsen" not in main
    assert "Bente Kjær" in main and "Sundhed og Omsorg" in main
    journey.step("overview-default-eight-weeks")

    # Everyone in touch with several units, the Jobcenter only.
    page.fill("input[name=weeks]", "0")
    page.select_option("select[name=area]", label="Jobcenter Stevns")
    click(page, "button", "Vis")
    main = page.locator("main").inner_text()
    assert "Jens Mikkelsen" in main and "Lars Poulsen" in main
    journey.step("overview-filtered")

    # A bad number of weeks is explained.
    page.fill("input[name=weeks]", "-3")
    click(page, "button", "Vis")
    assert "Skriv et antal uger fra 0 til 260." in page.locator("main").inner_text()
    journey.step("overview-bad-weeks")

    page.fill("input[name=weeks]", "8")
    page.select_option("select[name=area]", label="Alle enheder")
    click(page, "button", "Vis")
    row = page.locator("tr", has_text="Jens Mikkelsen")
    row.get_by_role("link", name="Registrér et koordineringsmøde").click()
    page.wait_for_load_state()
    boxes = page.locator("input[name=touchpoints]")
    assert boxes.count() == 3

    # Naming no unit is refused.
    for index in range(boxes.count()):
        boxes.nth(index).uncheck()
    journey.step("meeting-no-unit")
    click(page, "button", "Registrér mødet")
    assert "Nævn mindst én kommunal enhed" in page.locator("main").inner_text()
    assert not registry["jens"].activities.filter(date=timezone.localdate()).exists()
    journey.step("meeting-no-unit-refused")

    # Two units, a note and a follow-up in two weeks.
    page.get_by_label("Jobcenter Stevns").check()
    page.get_by_label("Center for Bolig").check()
    page.get_by_label("Notat").fill("Fælles plan for job og bolig.")
    follow_up = timezone.localdate() + datetime.timedelta(days=14)
    page.fill("input[name=follow_up]", follow_up.isoformat())
    journey.step("meeting-filled-in")
    click(page, "button", "Registrér mødet")
    messages = page.locator(".messages").inner_text()
    assert "Koordineringsmøde registreret med Jobcenter Stevns, Center for Bolig." in messages
    assert follow_up.strftime("%d.%m.%Y") in messages
    row = page.locator("tr", has_text="Jens Mikkelsen")
    assert timezone.localdate().strftime("%d.%m.%Y") in row.inner_text()
    journey.step("meeting-logged")

    # The per-unit view lists the unit's veterans.
    click(page, "link", "Center for Bolig", within=row)
    main = page.locator("main").inner_text()
    assert "Jens Mikkelsen" in main and "Lars Poulsen" in main
    journey.step("per-unit-view")
    click(page, "link", "Alle enheder")
    assert "Jobcenter Stevns" in page.locator("main").inner_text()
    journey.step("units-counts")

    # The contact's own page shows the meeting with its units and the follow-up.
    journey.goto(f"/admin/borgerraadgiver/veterans/contacts/inspect/{registry['jens'].pk}/")
    activities = page.locator("#vc-activities").locator("xpath=..").inner_text()
    assert "Fælles plan for job og bolig." in activities and "Center for Bolig" in activities
    page.locator("#vc-activities").scroll_into_view_if_needed()
    journey.step("contact-with-meeting")
