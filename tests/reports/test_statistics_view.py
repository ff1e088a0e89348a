"""The admin's statistics screen, used as the advisor uses it: pick a period in the rendered
form, read the tables, download one."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.reports.charts import bar_chart
from borgerraadgiver_plugin.reports.statistics import compute, make_period
from borgerraadgiver_plugin.reports.statistics.engine import TABLE_IDS
from borgerraadgiver_plugin.reports.statistics.periods import presets
from tests.cases.rendered_form import rendered_form
from tests.reports import dataset

URL = "/admin/borgerraadgiver/reports/statistics/"


@pytest.fixture
def data(db):
    return dataset.build()


def submit_period(client, start, end):
    """Fill in the period form the screen renders and send it, as the browser does."""
    page = client.get(URL)
    form, values = rendered_form(page.content.decode(), "form.br-stats-period")
    assert form["method"] == "get"
    values.update(start=[start], end=[end])
    return client.get(form["action"], values)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def row_cells(page, table_id, label):
    section = page.select_one(f"#table-{table_id}")
    for row in section.select("tbody tr"):
        if row.th.get_text(strip=True) == label:
            return [cell.get_text(strip=True) for cell in row.select("td")]
    raise AssertionError(f"no row {label} in {table_id}")


def test_the_advisor_reads_every_table_of_the_chosen_year_suppressed(advisor_client, data):
    response = submit_period(advisor_client, "2025-01-01", "2025-12-31")
    assert response.status_code == 200
    page = soup(response)
    assert reverse("borgerraadgiver_reports_statistics") == URL
    assert [section["id"] for section in page.select("section.br-stats-table")] == [
        f"table-{table_id}" for table_id in TABLE_IDS]
    # The figures of test_statistics' published table, as the advisor reads them.
    assert row_cells(page, "inquiries_by_type", "Klage") == ["4", "<3"]
    assert row_cells(page, "inquiries_by_type", "I alt") == ["6", "<3"]
    assert "01.01.2025–31.12.2025" in page.select_one(".br-stats-period-title").get_text()
    # Every chart has a text alternative and its table.
    for figure in page.select("figure.br-stats-chart"):
        svg = figure.svg
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.select_one(f"#{title_id}").get_text() and svg.select_one(f"#{desc_id}")
        assert figure.find_next_sibling(class_="br-stats-scroll").table


def test_every_view_is_audit_logged_with_its_period(advisor_client, advisor, data):
    submit_period(advisor_client, "2025-01-01", "2025-12-31")
    # The screen opened on this reporting year, then showed 2025: two views logged.
    entry = ModelLogEntry.objects.filter(action=audit.VIEW, object_id="statistics").latest("pk")
    assert entry.user == advisor
    assert entry.data == {"start": "2025-01-01", "end": "2025-12-31"}
    assert entry.label == "Statistik 01.01.2025–31.12.2025"


def test_a_table_downloads_as_shown_and_the_export_is_logged(advisor_client, data):
    page = soup(submit_period(advisor_client, "2025-01-01", "2025-12-31"))
    links = page.select_one("#table-inquiries_by_type .br-stats-exports").select("a")
    response = advisor_client.get(links[0]["href"])
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming  # written as it is sent, never whole in memory
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Række", "Perioden", "Forrige periode"]
    assert ["Klage", "4", "<3"] in rows and ["Vejvisning", "0", "0"] in rows
    workbook = load_workbook(io.BytesIO(b"".join(
        advisor_client.get(links[1]["href"]).streaming_content)))
    assert ["Klage", 4, "<3"] in [list(row) for row in workbook.active.values]
    exports = ModelLogEntry.objects.filter(action=audit.EXPORT, object_id="statistics")
    assert sorted(entry.data["format"] for entry in exports) == ["csv", "xlsx"]
    assert {entry.data["table"] for entry in exports} == {"inquiries_by_type"}


@pytest.mark.parametrize("query, message", [
    ({"start": "2025-12-31", "end": "2025-01-01"}, "slutter (2025-01-01) før den begynder"),
    ({"start": "2025-02-30", "end": "2025-12-31"}, "Skriv den første dag som en dato"),
    ({"start": "2005-01-01", "end": "2025-12-31"}, "højst 1830 dage"),
    ({"start": "2025-01-01"}, "Dette felt er påkrævet"),
    ({"start": "2025-01-01", "end": "2025-12-31", "colour": "red"}, "“colour”"),
    ({"start": "2025-01-01", "end": "2025-12-31", "table": "nonsense", "export": "csv"},
     "nonsense"),
    ({"start": "2025-01-01", "end": "2025-12-31", "export": "pdf", "table": "studies"}, "pdf"),
    ({"start": "2025-01-01", "end": "2025-12-31", "export": "csv"}, "Vælg den tabel"),
])
def test_bad_periods_and_parameters_get_a_clear_message_and_no_figures(
        advisor_client, data, query, message):
    response = advisor_client.get(URL, query)
    assert response.status_code == 400
    page = soup(response)
    assert message in page.select_one("[role=alert]").get_text()
    assert not page.select("section.br-stats-table")
    assert not ModelLogEntry.objects.filter(object_id="statistics").exists()


def test_a_repeated_parameter_is_refused(advisor_client, data):
    response = advisor_client.get(f"{URL}?start=2025-01-01&start=2024-01-01&end=2025-12-31")
    assert response.status_code == 400
    assert "“start” mere end én gang" in soup(response).select_one("[role=alert]").get_text()


def test_a_period_without_cases_says_so(advisor_client, db):
    page = soup(submit_period(advisor_client, "2030-01-01", "2030-06-30"))
    section = page.select_one("#table-inquiries_by_type")
    assert "Ingen sager i disse perioder." in section.get_text()
    assert not section.select("figure")  # nothing to draw


def test_the_presets_are_links_to_their_periods(advisor_client, db):
    page = soup(advisor_client.get(URL))
    link = page.select_one(".br-stats-presets a")
    response = advisor_client.get(link["href"])
    assert response.status_code == 200 and soup(response).select("section.br-stats-table")


def test_only_the_advisor_sees_the_screen_and_the_menu_item(client, staff_member,
                                                          veteran_coordinator, advisor):
    for user in (staff_member, veteran_coordinator):
        client.force_login(user)
        assert client.get(URL).status_code == 403
    assert ModelLogEntry.objects.filter(action=audit.DENIED, object_id="statistics").exists()
    client.force_login(advisor)
    assert URL in client.get("/admin/").content.decode()  # the menu's item


def test_presets_follow_the_reporting_year():
    today = datetime.date(2026, 12, 1)
    with translation.override("en"):
        calendar_year = {str(label): period for label, period in presets(today, 1)}
    assert calendar_year["This reporting year"] == make_period(
        datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert calendar_year["Three quarters of 2026"].end == datetime.date(2026, 9, 30)
    october = [period for _label, period in presets(today, 10)]
    assert october[0] == make_period(datetime.date(2026, 10, 1), datetime.date(2027, 9, 30))
    assert october[1].start == datetime.date(2025, 10, 1)
    # In March no interim period of the year has ended yet.
    assert len(presets(datetime.date(2026, 3, 1), 1)) == 2


def test_a_chart_draws_the_published_figures_only(data):
    table = compute(make_period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
                    3).published()["inquiries_by_type"]
    chart = bar_chart(table)
    complaint = next(row for row in chart.rows if row.label == str(table.rows[2].label))
    assert [bar.text for bar in complaint.bars] == ["4", "<3"]
    assert complaint.bars[1].width == 0  # a hidden count has no bar
    assert "I alt" not in [row.label for row in chart.rows]
