"""Two of the advisor's journeys in chromium (issue 15): importing an earlier case log from
the case list (upload, preview, confirm, see the imported cases), and choosing a similar
earlier case while triaging a new one. Only links, buttons and fields the pages show are
used; each screen is a screenshot."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case, CaseLink
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import AreaFactory, CaseFactory, UserFactory
from tests.sites import ensure_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXAMPLE = Path(__file__).resolve().parents[2] / "example_site" / "import"
TEXT = "Afgørelsen om hjemmehjælp blev truffet uden partshøring og uden begrundelse."


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


@pytest.fixture
def rikke(groups, site):
    return UserFactory(username="rikke", password="rigtig-hemmelig", first_name="Rikke",
                       last_name="Rådgiver", groups=[ADVISOR_GROUP])


@pytest.fixture
def stevns_areas(groups):
    for name in ("Center for Børn & Læring", "Center for Sundhed & Omsorg",
                 "Jobcenter Stevns", "Plan, Miljø og Teknik"):
        AreaFactory(name=name)
    AreaFactory(name="Center for Økonomi, HR & IT", valid_to=datetime.date(2024, 8, 31))


def test_advisor_imports_the_sample_log_from_the_case_list(journey, rikke, stevns_areas):
    page = journey.page
    journey.log_in("rikke", "rigtig-hemmelig")
    journey.goto("/admin/borgerraadgiver/cases/")
    page.get_by_role("button", name=re.compile("Flere|handlinger", re.I)).first.click()
    page.get_by_role("link", name="Importér en sagslog").click()
    page.wait_for_load_state()
    journey.step("import-upload")
    page.set_input_files("input[name=file]", str(EXAMPLE / "borgerraadgiver_log_2023.csv"))
    page.set_input_files("input[name=mapping]", str(EXAMPLE / "mapping.toml"))
    page.get_by_role("button", name="Kontrollér filen").click()
    page.wait_for_load_state()
    journey.step("import-preview")
    assert "alle 24 rækker kan importeres" in page.inner_text("body")
    assert Case.objects.count() == 0
    page.get_by_role("button", name="Importér sagerne").click()
    page.wait_for_load_state()
    journey.step("import-done")
    assert Case.objects.exclude(original_reference="").count() == 24
    first = Case.objects.order_by("received_at").first()
    page.get_by_role("link", name=first.reference, exact=True).click()
    page.wait_for_load_state()
    journey.step("imported-case")
    assert "2023-" in page.inner_text("body") and first.reference in page.inner_text("body")


def test_advisor_links_a_similar_earlier_case_while_triaging(journey, rikke):
    page = journey.page
    earlier = CaseFactory(received_at=timezone.now() - datetime.timedelta(days=90),
                          account=TEXT, citizen_name="Bent Jensen",
                          citizen_email="bent@example.invalid")
    case = CaseFactory(account=TEXT)
    journey.log_in("rikke", "rigtig-hemmelig")
    journey.goto(f"/admin/borgerraadgiver/cases/inspect/{case.pk}/")
    page.locator("#case-similar").scroll_into_view_if_needed()
    journey.step("overview-similar")
    assert earlier.reference in page.locator("section:has(#case-similar)").inner_text()
    page.locator("section:has(#case-steps)").get_by_role(
        "link", name="Visitation", exact=True).click()
    page.wait_for_load_state()
    choice = page.get_by_label(earlier.reference, exact=False)
    choice.scroll_into_view_if_needed()
    journey.step("triage-similar")
    body = page.inner_text("body")
    assert earlier.reference in body and "Bent" not in body and TEXT not in body
    choice.check()
    page.locator("#w-editor-form button[type=submit], form button[type=submit]").last.click()
    page.wait_for_load_state()
    page.locator("#case-links").scroll_into_view_if_needed()
    journey.step("overview-linked")
    assert CaseLink.objects.filter(case=case, other=earlier).exists()
    assert earlier.reference in page.locator("section:has(#case-links)").inner_text()
