"""Letters and the case file in chromium: the advisor writes a letter template (a wrong
placeholder is refused by name), writes a letter from it on a case, edits and previews it,
sends it and sees it and its delivery receipt on the timeline; then produces the case file,
journalised, and reads it. Only links, buttons and the fields the pages show are used."""

import io

import pytest
from pypdf import PdfReader

from borgerraadgiver_plugin.cases.models import Letter
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import CaseFactory, UserFactory
from tests.sites import ensure_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


@pytest.fixture
def rikke(groups):
    return UserFactory(username="rikke", password="rigtig-hemmelig", first_name="Rikke",
                       last_name="Rådgiver", groups=[ADVISOR_GROUP])


def click(page, role, name):
    page.get_by_role(role, name=name, exact=True).first.click()
    page.wait_for_load_state()


def test_advisor_writes_previews_and_sends_a_letter_then_produces_the_case_file(
        journey, site, area, rikke):
    case = CaseFactory(open=True, area=area, citizen_name="Anne Hansen",
                       citizen_address="Hovedgaden 1\n4660 Store Heddinge")
    page = journey.page
    journey.log_in("rikke", "rigtig-hemmelig")

    # A template with a misspelt placeholder is refused, naming it; corrected, it is saved.
    journey.goto("/admin/borgerraadgiver/cases/letter-templates/add/")
    page.fill("#id_name", "Kvittering")
    page.fill("#id_subject", "Kvittering for din henvendelse {sagsnummer}")
    page.fill("#id_body", "Kære {fornavn}\n\nTak for din henvendelse af {modtaget}.\n\n"
                          "Med venlig hilsen\n{raadgiver}")
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "Ukendt flettefelt {fornavn}" in page.inner_text("body")
    journey.step("template-refused")
    page.fill("#id_body", "Kære {navn}\n\nTak for din henvendelse af {modtaget}.\n\n"
                          "Med venlig hilsen\n{raadgiver}")
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_load_state()
    journey.step("template-saved")

    # From the case overview: write the letter from the template, edit, preview, send.
    journey.goto(f"/admin/borgerraadgiver/cases/inspect/{case.pk}/")
    page.locator("section:has(#case-steps)").get_by_role("link", name="Skriv et brev").click()
    page.wait_for_load_state()
    page.select_option("#id_template", label="Kvittering")
    click(page, "button", "Brug skabelon")
    assert page.input_value("#id_subject") == f"Kvittering for din henvendelse {case.reference}"
    page.fill("#id_body", page.input_value("#id_body").replace(
        "Med venlig hilsen", "Vi vender tilbage inden for 10 arbejdsdage.\n\nMed venlig hilsen"))
    click(page, "button", "Forhåndsvisning")
    preview = page.locator("section:has(#letter-preview)").inner_text()
    assert "Kære Anne Hansen" in preview and "Hovedgaden 1" in preview
    assert "inden for 10 arbejdsdage" in preview and "Rikke Rådgiver" in preview
    page.locator("#letter-preview").scroll_into_view_if_needed()
    journey.step("letter-preview")
    click(page, "button", "Send brevet")
    assert "sat i kø til afsendelse" in page.inner_text("body")

    # Delivered by the file backend straight after the commit: letter and receipt are shown.
    letters = page.locator("section:has(#case-letters)").inner_text()
    assert f"Kvittering for din henvendelse {case.reference}" in letters
    assert "leveret" in letters.lower()
    timeline = page.locator("section:has(#case-timeline)").inner_text()
    assert "Leveringskvittering" in timeline and "Brev til borgeren" in timeline
    page.locator("#case-letters").scroll_into_view_if_needed()
    journey.step("letter-on-timeline")
    letter = Letter.objects.get()
    assert letter.delivered_at and letter.document.original_name in timeline

    # The case file, journalised.
    page.locator("section:has(#case-steps)").get_by_role("link", name="Sagsakt (PDF)").click()
    page.wait_for_load_state()
    page.fill("#id_journal_number", "27.12.00-A00-1-26")
    journey.step("case-file-form")
    with page.expect_download() as download:
        page.get_by_role("button", name="Dan sagsakten").click()
    pdf = download.value.path().read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert f"Sagsakt {case.reference}" in text and "inden for 10 arbejdsdage" in text
    journey.goto(f"/admin/borgerraadgiver/cases/inspect/{case.pk}/")
    timeline = page.locator("section:has(#case-timeline)").inner_text()
    assert "som 27.12.00-A00-1-26" in timeline and "Sagsakt dannet" in timeline
    page.locator("#case-timeline").scroll_into_view_if_needed()
    journey.step("journalised")
