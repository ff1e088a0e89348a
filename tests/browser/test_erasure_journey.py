"""Erasure on request and restriction in chromium: the advisor erases one case on the
citizen's request after reading what goes, and restricts another, which leaves the listing
until the restriction is lifted. Only links, buttons and the fields the pages show are used."""

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from tests.factories import CaseFactory

from .test_advisor_journey import open_step, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_case(journey, reference):
    journey.goto("/admin/borgerraadgiver/cases/")
    journey.page.get_by_role("link", name=reference, exact=True).click()
    journey.page.wait_for_load_state()


def test_advisor_erases_one_case_and_restricts_then_lifts_another(journey, site, rikke):
    page = journey.page
    erased = CaseFactory(closed=True, closed_at=timezone.now(), citizen_name="Karen Holm",
                         citizen_email="karen@example.invalid", outcome="NOT_UPHELD")
    restricted = CaseFactory(open=True, citizen_name="Ole Dam")
    journey.log_in("rikke", "rigtig-hemmelig")

    open_case(journey, erased.reference)
    open_step(page, "Slet på anmodning")
    assert "kan ikke fortrydes" in page.inner_text("main")
    journey.step("erase-confirm")
    page.get_by_label("Begrundelse").fill("Borgerens anmodning af 1. december, imødekommet")
    page.get_by_label("Besluttet af").fill("Databeskyttelsesrådgiveren")
    submit(page)
    assert "Sæt kryds" in page.inner_text("main")  # the tick is needed
    journey.step("erase-not-confirmed")
    page.get_by_label("Jeg forstår").check()
    submit(page)
    main = page.inner_text("main")
    assert "Slettet på anmodning" in main and "Databeskyttelsesrådgiveren" in main
    assert "Karen Holm" not in page.content()
    journey.step("erased-overview")

    open_case(journey, restricted.reference)
    open_step(page, "Begræns brugen")
    journey.step("restrict-form")
    page.get_by_label("Begrundelse").fill("Borgeren bestrider oplysningernes rigtighed")
    submit(page)
    assert "Begrænset" in page.inner_text("main")
    journey.step("restricted-overview")
    journey.goto("/admin/borgerraadgiver/cases/")
    listing = page.inner_text("main")
    assert restricted.reference not in listing and erased.reference in listing
    journey.step("listing-without-restricted")

    # The restricted cases have a listing of their own, in the listing's menu.
    page.locator("button[aria-label=Handlinger]:has(svg.icon-dots-horizontal)").first.click()
    page.get_by_role("link", name="Begrænsede sager").click()
    page.wait_for_load_state()
    assert restricted.reference in page.inner_text("main")
    journey.step("restricted-listing")
    page.get_by_role("link", name=restricted.reference, exact=True).click()
    page.wait_for_load_state()
    open_step(page, "Ophæv begrænsningen")
    page.get_by_label("Begrundelse").fill("Oplysningerne er rettet")
    submit(page)
    journey.step("restriction-lifted")
    journey.goto("/admin/borgerraadgiver/cases/")
    assert restricted.reference in page.inner_text("main")
    journey.step("listing-with-lifted")
    assert Case.objects.get(pk=restricted.pk).restricted_at is None
    assert Case.objects.get(pk=erased.pk).erased_at
