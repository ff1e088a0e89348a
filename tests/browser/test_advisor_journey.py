"""The advisor's day in chromium (issue 10): a citizen sends a complaint with an attachment
through the real form page; the advisor logs in through the admin login form, finds the case
on the dashboard with its deadline, reads it, opens the attachment and takes it through every
step to the end and back, then exports the listing. Only links, buttons and the fields the
pages show are used."""

import csv
import io
import re

import pytest
from django.utils import timezone

from borgerraadgiver_plugin import dates
from borgerraadgiver_plugin.cases import deadlines
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.choices import CaseStatus, CriticismLevel, InquiryType, UpheldValue
from tests.browser.support import open_step, submit
from tests.sites import ensure_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]

ATTACHMENT = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" \
             b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
ACCOUNT = "Min mor har ikke fået hjemmehjælp i tre uger, og ingen svarer, når jeg ringer."


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def section_text(page, heading_id):
    return page.locator(f"section:has(#{heading_id})").inner_text()


def test_advisor_takes_a_web_complaint_from_arrival_to_reopened(
        journey, form_page, area, rikke, tmp_path):
    page = journey.page

    # The citizen sends the complaint form with a decision letter attached.
    journey.goto(form_page.url)
    page.check("input[name=inquiry_type][value=COMPLAINT]")
    page.check(f"input[name=area][value='{area.pk}']")
    page.fill("#id_account", ACCOUNT)
    page.fill("#id_name", "Birthe Skov")
    page.fill("#id_email", "birthe@example.invalid")
    page.check("#id_consent_contact_unit")
    page.set_input_files("input[name=attachments]", files=[{
        "name": "afgoerelse.pdf", "mimeType": "application/pdf", "buffer": ATTACHMENT}])
    journey.step("citizen-form-filled")
    page.click("button[type=submit]")
    page.wait_for_url("**/kvittering/**")
    case = Case.objects.get()
    assert case.reference in page.inner_text("main")
    journey.step("citizen-receipt")
    due = dates.show(case.acknowledgement_due)
    assert case.next_deadline == case.acknowledgement_due

    # The advisor logs in; the new case is on the dashboard with its deadline.
    journey.log_in("rikke", "rigtig-hemmelig")
    panel = page.locator("section:has(#borgerraadgiver_untriaged-heading)")
    assert case.reference in panel.inner_text() and due in panel.inner_text()
    journey.step("dashboard")

    # ... and in the listing, which the panel links to.
    panel.get_by_role("link", name=re.compile("oversigten")).click()
    page.wait_for_load_state()
    row = page.locator("tr", has_text=case.reference)
    assert due in row.inner_text()
    journey.step("listing-untriaged")

    # The overview shows what the citizen wrote, and the attachment opens.
    page.go_back()
    page.locator("section:has(#borgerraadgiver_untriaged-heading)").get_by_role(
        "link", name=case.reference).click()
    page.wait_for_load_state()
    facts = section_text(page, "case-facts")
    assert ACCOUNT in facts and "Birthe Skov" in facts and "birthe@example.invalid" in facts
    journey.step("overview-new")
    with page.expect_download() as download_info:
        page.locator("section:has(#case-documents)").get_by_role(
            "link", name="afgoerelse.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "afgoerelse.pdf"
    assert open(download.path(), "rb").read() == ATTACHMENT

    # Triage: the form shows the case's own type and area; sent as it is.
    open_step(page, "Visitation")
    assert page.input_value("select[name=inquiry_type]") == InquiryType.COMPLAINT
    assert page.input_value("select[name=area]") == str(area.pk)
    journey.step("triage-form")
    submit(page)
    case.refresh_from_db()
    assert (case.inquiry_type, case.area_id, case.status) == (
        InquiryType.COMPLAINT, area.pk, CaseStatus.OPEN)
    journey.step("overview-triaged")

    # Forward to the unit: the case's area is chosen, the date is today.
    open_step(page, "Videresend til enheden")
    assert page.input_value("select[name=unit]") == str(area.pk)
    assert page.input_value("input[name=sent_on]") == timezone.localdate().isoformat()
    page.fill("input[name=contact_person]", "Teamleder Hansen")
    journey.step("forward-form")
    submit(page)
    answer_due = dates.show(deadlines.forwarding_due(timezone.localdate()))
    assert answer_due in section_text(page, "case-forwardings")
    assert answer_due in section_text(page, "case-deadlines")
    journey.step("overview-forwarded")

    # The unit's answer, upheld in part.
    open_step(page, "Registrér enhedens svar")
    page.select_option("select[name=upheld]", UpheldValue.PARTLY_UPHELD)
    journey.step("answer-form")
    submit(page)
    assert str(UpheldValue.PARTLY_UPHELD.label) in section_text(page, "case-forwardings")
    journey.step("overview-answered")

    # The investigation: a statement is requested, then recorded.
    open_step(page, "Anmod om redegørelse")
    page.fill("textarea[name=questions]", "Hvorfor har borgeren ikke fået svar?")
    journey.step("statement-request-form")
    submit(page)
    journey.step("overview-statement-requested")
    open_step(page, "Redegørelse modtaget")
    assert page.input_value("input[name=received_on]") == timezone.localdate().isoformat()
    journey.step("statement-received-form")
    submit(page)
    journey.step("overview-statement-received")

    # The advisor's statement with a criticism level, visible on the overview afterwards.
    open_step(page, "Borgerrådgiverens udtalelse")
    page.fill("textarea[name=statement]", "Enheden burde have svaret borgeren for længst.")
    page.select_option("select[name=criticism_level]", CriticismLevel.KRITISABELT)
    page.fill("textarea[name=request_to_act]", "Svar borgerne inden for fristen.")
    journey.step("conclusion-form")
    submit(page)
    conclusion = section_text(page, "case-conclusion")
    assert "Enheden burde have svaret borgeren for længst." in conclusion
    assert str(CriticismLevel.KRITISABELT.label) in conclusion
    journey.step("overview-concluded")

    # Closing offers what the case already says; reopening needs a reason.
    open_step(page, "Afslut sagen")
    assert page.input_value("select[name=outcome]") != ""
    journey.step("close-form")
    submit(page)
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    journey.step("overview-closed")
    open_step(page, "Genåbn sagen")
    page.fill("textarea[name=reason]", "Borgeren har sendt nye oplysninger.")
    journey.step("reopen-form")
    submit(page)
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN
    journey.step("overview-reopened")

    # The advisor takes the case: the dropdown names the advisors, not usernames.
    page.get_by_role("button", name=re.compile("Flere|handlinger", re.I)).first.click()
    page.get_by_role("link", name="Rediger").click()
    page.wait_for_load_state()
    options = page.locator("select[name=assigned_to] option").all_inner_texts()
    assert "Rikke Rådgiver" in options and "rikke" not in options
    page.select_option("select[name=assigned_to]", label="Rikke Rådgiver")
    journey.step("edit-form")
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_load_state()
    case.refresh_from_db()
    assert case.assigned_to == rikke
    journey.step("after-edit")

    # The listing, searched for the case, exported with names and text.
    page.get_by_role("button", name="Borgerrådgiver").click()
    page.get_by_role("list", name="Borgerrådgiver").get_by_role(
        "link", name="Sager", exact=True).click()
    page.wait_for_load_state()
    page.fill("input[name=q]", case.reference)
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    # The listing swaps its results in as the search is typed as well as sent: wait until no
    # swap is pending, or the export menu opened below is replaced under the click.
    page.wait_for_load_state("networkidle")
    assert due in page.locator("tr", has_text=case.reference).inner_text()
    journey.step("listing-searched")
    page.get_by_role("button", name=re.compile("Flere|handlinger", re.I)).first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent CSV med navne og tekst").click()
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(),
                                            encoding="utf-8-sig").read())))
    assert [row[0] for row in rows[1:]] == [case.reference]
    assert any("Birthe Skov" in cell for cell in rows[1])
    journey.step("listing-exported")
