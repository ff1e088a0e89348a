"""The access-log report as the advisor and the data protection officer use it: who used which
record, filtered through the rendered filter form, downloaded as CSV; refused to anyone else."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.provisioning import DPO_GROUP, VETERAN_GROUP
from tests.cases.admin_helpers import url as case_url
from tests.cases.rendered_form import rendered_form
from tests.factories import CaseFactory, UserFactory, VeteranContactFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("borgerraadgiver_access_log")
RESULTS = reverse("borgerraadgiver_access_log_results")


@pytest.fixture
def uses(advisor_client, advisor):
    """The advisor opens one case; a colleague downloads from another and views a veteran."""
    opened, other = CaseFactory(), CaseFactory()
    assert advisor_client.get(case_url("edit", opened.pk)).status_code == 200
    colleague = UserFactory(username="kollega", first_name="Karen", last_name="Kollega")
    audit.record(colleague, other, audit.DOWNLOAD, document=7)
    audit.record(colleague, VeteranContactFactory(), audit.VIEW)
    return opened, other


def rows(html):
    soup = BeautifulSoup(html, "html.parser")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in soup.select("table.listing tbody tr")]


def test_the_advisor_finds_the_report_in_the_menu_and_sees_who_used_which_record(
        advisor_client, uses):
    opened, other = uses
    home = advisor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT in home and "Adgangslog" in home
    response = advisor_client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Adgangslog" in page
    found = rows(page)
    by_record = {row[4]: row for row in found}
    assert by_record[str(opened)][1] == "advisor"
    assert by_record[str(opened)][2] == "Vist"
    assert by_record[str(other)][1] == "Karen Kollega"
    assert by_record[str(other)][2] == "Hentet"
    assert by_record[str(other)][6] == "document: 7"



def filter_form(client):
    return rendered_form(client.get(REPORT).content.decode(), f'form[action="{RESULTS}"]')[1]


def test_the_advisor_filters_by_record_and_user_through_the_rendered_form(
        advisor_client, advisor, uses):
    opened, _other = uses
    data = filter_form(advisor_client)
    data["record"] = [str(opened)]
    data["user"] = [str(advisor.pk)]
    found = rows(advisor_client.get(RESULTS, data).content.decode())
    assert [(row[1], row[4]) for row in found] == [("advisor", str(opened))]


def test_the_advisor_filters_by_action_and_object_id(advisor_client, uses):
    _opened, other = uses
    data = filter_form(advisor_client)
    data["action"] = [audit.DOWNLOAD]
    data["record"] = [str(other.pk)]
    found = rows(advisor_client.get(RESULTS, data).content.decode())
    assert [(row[2], row[4]) for row in found] == [("Hentet", str(other))]


def test_a_period_with_no_uses_says_so_in_danish(advisor_client, uses):
    data = filter_form(advisor_client)
    data["timestamp_from"], data["timestamp_to"] = ["2020-01-01"], ["2020-12-31"]
    page = advisor_client.get(RESULTS, data).content.decode()
    assert rows(page) == []
    assert "Ingen brug af oplysninger passer til filtrene." in page


def test_the_advisor_downloads_the_filtered_log_as_csv_and_the_export_is_logged(
        advisor_client, advisor, uses):
    opened, _other = uses
    page = advisor_client.get(REPORT, {"record": str(opened)}).content.decode()
    link = BeautifulSoup(page, "html.parser").select_one('a[href*="export=csv"]')
    assert "Hent CSV" in link.get_text()
    response = advisor_client.get(link["href"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="adgangslog-')
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0] == ["Tidspunkt", "Bruger", "Handling", "Type", "Sag eller registrering",
                        "Id", "Detaljer"]
    assert [row[1:6] for row in table[1:]] == [
        ["advisor", "Vist", "Sag", str(opened), str(opened.pk)]]
    export = ModelLogEntry.objects.get(action=audit.EXPORT, object_id="access-log")
    assert export.user == advisor
    assert export.data == {"format": "csv", "filters": {"record": [str(opened)]}}


def test_opening_the_report_is_itself_logged(advisor_client, advisor):
    advisor_client.get(REPORT)
    entry = ModelLogEntry.objects.get(action=audit.VIEW, object_id="access-log")
    assert (entry.user, entry.label) == (advisor, "Adgangslog")
    assert "Adgangslog" in [row[4] for row in rows(advisor_client.get(REPORT).content.decode())]


def test_a_staff_member_is_refused_with_403(client, staff_member):
    client.force_login(staff_member)
    response = client.get(REPORT)
    assert response.status_code == 403
    assert ModelLogEntry.objects.filter(action=audit.DENIED).exists()


def test_the_veteran_coordinator_is_refused_and_the_attempt_logged(client, groups):
    coordinator = UserFactory(username="koordinator", groups=[VETERAN_GROUP])
    client.force_login(coordinator)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(REPORT).status_code == 403
    assert client.get(RESULTS).status_code == 403
    assert client.get(REPORT, {"export": "csv"}).status_code == 403
    denied = ModelLogEntry.objects.filter(action=audit.DENIED, object_id="access-log",
                                          user=coordinator)
    assert denied.count() == 3


def test_the_data_protection_officer_sees_the_log_but_not_the_cases(client, groups, uses):
    opened, _other = uses
    officer = UserFactory(username="dpo", groups=[DPO_GROUP])
    client.force_login(officer)
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()
    assert str(opened) in [row[4] for row in rows(client.get(REPORT).content.decode())]
    assert client.get(case_url("edit", opened.pk)).status_code == 403


def test_the_xlsx_download_holds_the_same_rows(advisor_client, uses):
    from openpyxl import load_workbook

    opened, _other = uses
    response = advisor_client.get(REPORT, {"record": str(opened), "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Tidspunkt", "Bruger", "Handling"]
    assert [row[1:5] for row in values[1:]] == [["advisor", "Vist", "Sag", str(opened)]]


@pytest.mark.parametrize("query", [
    {"timestamp_from": "not-a-date"}, {"user": "abc"}, {"action": "wagtail.delete"},
    {"record": "' OR 1=1 --"}, {"record": "%_*"}, {"export": "pdf"}, {"p": "999"}, {"p": "x"},
])
def test_bad_filters_never_break_the_report(advisor_client, uses, query):
    """A malformed filter is ignored or matches nothing; a wildcard is a literal."""
    page = advisor_client.get(REPORT, query)
    assert page.status_code == 200
    found = rows(page.content.decode())
    if "record" in query:
        assert found == []
    assert advisor_client.get(RESULTS, query).status_code == 200

