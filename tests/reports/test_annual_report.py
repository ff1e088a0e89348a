"""The annual report page: a scaffold to write in, live figures in a draft, figures frozen on
publishing that no later case changes, and a refresh only when the editor asks for one."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from borgerraadgiver_plugin.reports.blocks import SCAFFOLD
from borgerraadgiver_plugin.reports.models import AnnualReportPage
from borgerraadgiver_plugin.reports.snapshot import figures
from tests.factories import CaseFactory
from tests.reports import dataset

BODY = [("section", {"heading": "Statistik", "text": "<p>Årets tal.</p>"}),
        ("statistics", {"table": "inquiries_by_type", "chart": True})]


@pytest.fixture
def data(db):
    return dataset.build()


def report(home, **fields):
    page = AnnualReportPage(title="Beretning 2025", slug="beretning-2025", body=BODY,
                            period_start=datetime.date(2025, 1, 1),
                            period_end=datetime.date(2025, 12, 31), **fields)
    home.add_child(instance=page)
    return page


def complaint_row(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    row = next(tr for tr in page.select("figure.br-report-table tbody tr")
               if tr.th.get_text(strip=True) == "Klage")
    return [td.get_text(strip=True) for td in row.select("td")]


def test_a_new_report_starts_with_every_section_in_danish(db):
    body = list(AnnualReportPage().body)
    headings = [block.value["heading"] for block in body if block.block_type == "section"]
    # The list of earlier recommendations follows their section.
    follow_up = [block.block_type for block in body].index("follow_up")
    assert body[follow_up - 1].value["heading"] == "Opfølgning på tidligere anbefalinger"
    assert headings == ["Forord", "Resumé", "Om funktionen", "Statistik", "Temaer",
                        "Anbefalinger", "Opfølgning på tidligere anbefalinger", "Synlighed",
                        "Veteranindsats", "Metode"]
    assert len(headings) == len(SCAFFOLD)


def test_a_draft_shows_live_figures(home, data):
    page = report(home, live=False)
    assert page.frozen_figures is None
    assert figures(page)["tables"]["inquiries_by_type"]["rows"][2]["cells"] == [4, "<3"]
    CaseFactory(received_at=dataset.utc(2025, 5, 5, 9))
    assert figures(page)["tables"]["inquiries_by_type"]["rows"][2]["cells"] == [5, "<3"]


def test_published_figures_do_not_change_when_cases_do(client, home, data):
    page = report(home)
    page.save_revision().publish()
    page.refresh_from_db()
    frozen = page.frozen_figures
    assert frozen.data["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    # Stored with the revision that went live.
    assert frozen.revision == page.live_revision
    assert page.live_revision.content["frozen_figures"] == frozen.pk
    assert complaint_row(client.get(page.url)) == ["4", "<3"]
    CaseFactory.create_batch(3, received_at=dataset.utc(2025, 5, 5, 9))
    assert complaint_row(client.get(page.url)) == ["4", "<3"]
    # Published again without asking for a refresh: the same figures.
    page.title = "Beretning 2025 (rettet)"
    page.save_revision().publish()
    assert complaint_row(client.get(page.url)) == ["4", "<3"]
    # The editor asks for fresh figures: counted again, and the question is reset.
    page.refresh_figures = True
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.refresh_figures
    assert complaint_row(client.get(page.url)) == ["7", "<3"]


def test_the_published_report_runs_no_statistics_query(client, home, data):
    page = report(home)
    page.save_revision().publish()
    client.get(page.url)  # warm caches (site, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    assert not [query for query in queries if "borgerraadgiver_cases_case" in query["sql"]]


def test_a_block_whose_table_is_gone_says_so(client, home, data):
    page = report(home)
    page.save_revision().publish()
    page.refresh_from_db()
    frozen = page.frozen_figures
    del frozen.data["tables"]["inquiries_by_type"]
    frozen.save()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Tabellen indgår ikke længere i statistikken." in response.content.decode()


@pytest.mark.parametrize("start, end, message", [
    (datetime.date(2025, 12, 31), datetime.date(2025, 1, 1), "slutter"),
    (datetime.date(2000, 1, 1), datetime.date(2025, 12, 31), "fem år"),
])
def test_a_bad_period_is_refused(home, start, end, message):
    page = AnnualReportPage(title="Beretning", slug="b", period_start=start, period_end=end)
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=page)
    assert message in str(refused.value.message_dict["period_end"])


def test_the_editor_publishes_a_report_from_the_admin(admin_client, home, data):
    url = reverse("wagtailadmin_pages:add",
                  args=["borgerraadgiver_reports", "annualreportpage", home.pk])
    html = admin_client.get(url).content.decode()
    assert "Veteranindsats" in html and "Forord" in html  # the scaffold, in the editor
    post = nested_form_data({
        "title": "Beretning 2025", "slug": "beretning-2025", "intro": rich_text(""),
        "kind": "ANNUAL", "period_start": "2025-01-01", "period_end": "2025-12-31",
        "body": streamfield([
            ("section", {"heading": "Forord", "text": rich_text("<p>Tak.</p>")}),
            ("statistics", {"table": "inquiries_by_type", "chart": "on"}),
        ]),
        "action-publish": "action-publish",
    })
    response = admin_client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AnnualReportPage.objects.get(slug="beretning-2025")
    assert page.live and page.frozen_figures.data["tables"]["inquiries_by_type"]


def test_the_pdf_is_the_report_tagged_in_danish_with_text_to_extract(client, home, data):
    from borgerraadgiver_plugin.reports.demo import BODY as DEMO_BODY

    page = report(home)
    page.body = DEMO_BODY
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    link = BeautifulSoup(html, "html.parser").find("a", string="Hent beretningen som PDF")
    response = client.get(link["href"])
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    text = " ".join(page_.extract_text() for page_ in pdf.pages)
    assert "Beretning 2025" in text and "Opfølgning på tidligere anbefalinger" in text
    assert "Henvendelser efter type" in text and "Klage" in text
    catalog = pdf.trailer["/Root"]
    assert catalog["/Lang"] == "da"
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]


def test_each_area_has_a_short_page_from_the_same_figures(client, home, data):
    page = report(home)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    link = BeautifulSoup(html, "html.parser").find("a", string="Social og Sundhed")
    area_page = BeautifulSoup(client.get(link["href"]).content.decode(), "html.parser")
    assert area_page.h1.get_text() == "Social og Sundhed"
    sections = {section.h2.get_text(): section for section in area_page.select("section")}
    by_type = sections["Henvendelser efter område og type"]
    # Area a in 2025 as published: its guidance case "<3"; its 3 complaints are left empty so
    # that the closed area's single complaint cannot be worked out from the column total.
    assert [td.get_text() for td in by_type.select("tbody td")] == ["0", "<3", "–", "0", "0",
                                                                    "4"]
    assert client.get(page.url + "omraade/999999/").status_code == 404


def test_an_interim_status_starts_with_the_shorter_scaffold(home, db):
    status = AnnualReportPage(title="Halvårsstatus 2026", slug="halvaar-2026",
                              kind="HALF_YEAR", period_start=datetime.date(2026, 1, 1),
                              period_end=datetime.date(2026, 6, 30))
    home.add_child(instance=status)
    assert [block.value["heading"] for block in status.body if block.block_type == "section"] == [
        "Resumé", "Statistik", "Temaer", "Opfølgning på tidligere anbefalinger", "Metode"]
    # A body the editor has already written in is kept as it is.
    written = AnnualReportPage(title="Status", slug="status", kind="THREE_QUARTERS", body=BODY,
                               period_start=datetime.date(2026, 1, 1),
                               period_end=datetime.date(2026, 9, 30))
    home.add_child(instance=written)
    assert [block.block_type for block in written.body] == ["section", "statistics"]


def as_posted(block):
    """A block of the raw body as the editor's form sends it back."""
    value = block["value"]
    if block["type"] == "section":
        return "section", {"heading": value["heading"], "text": rich_text(value["text"])}
    if block["type"] == "statistics":  # an unticked checkbox sends nothing
        return "statistics", {"table": value["table"], **({"chart": "on"} if value["chart"]
                                                           else {})}
    return block["type"], ""


def test_the_editor_gets_the_interim_scaffold_from_the_admin(admin_client, home, db):
    url = reverse("wagtailadmin_pages:add",
                  args=["borgerraadgiver_reports", "annualreportpage", home.pk])
    assert admin_client.get(url).status_code == 200
    # The body as the editor's form shows it: the whole scaffold, untouched.
    untouched = [as_posted(block) for block in AnnualReportPage().body.raw_data]
    post = nested_form_data({
        "title": "Halvårsstatus 2026", "slug": "halvaar-2026", "intro": rich_text(""),
        "kind": "HALF_YEAR", "period_start": "2026-01-01", "period_end": "2026-06-30",
        "body": streamfield(untouched),
    })
    response = admin_client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = AnnualReportPage.objects.get(slug="halvaar-2026")
    assert [block.value["heading"] for block in page.get_latest_revision_as_object().body
            if block.block_type == "section"] == [
        "Resumé", "Statistik", "Temaer", "Opfølgning på tidligere anbefalinger", "Metode"]
