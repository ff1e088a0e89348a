"""CSV/XLSX export of the filtered case listing: safe cells, text only on request, audited."""

import datetime
from io import BytesIO

import openpyxl
import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from tests.factories import AreaFactory, CaseFactory

from .admin_helpers import url

pytestmark = pytest.mark.django_db


def content(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def test_csv_export_holds_the_filtered_cases_and_is_audited(advisor_client, advisor):
    area, other = AreaFactory(), AreaFactory()
    wanted = [CaseFactory(area=area) for _n in range(3)]
    hidden = CaseFactory(area=other)
    response = advisor_client.get(url("list"), {"area": area.pk, "export": "csv"})
    assert response.status_code == 200
    body = content(response).decode()
    assert all(case.reference in body for case in wanted)
    assert hidden.reference not in body
    assert "Anne Hansen" not in body  # free text only when chosen
    logged = ModelLogEntry.objects.filter(action=audit.EXPORT, user=advisor)
    assert sorted(entry.object_id for entry in logged) == sorted(str(c.pk) for c in wanted)


def test_export_neutralises_spreadsheet_formulas_in_csv(advisor_client):
    CaseFactory(citizen_name="=HYPERLINK(\"http://evil\")", account="+1+1")
    response = advisor_client.get(url("list"), {"export": "csv", "with_text": "1"})
    body = content(response).decode()
    assert "'=HYPERLINK" in body and "'+1+1" in body
    assert "\n=HYPERLINK" not in body and ",=HYPERLINK" not in body


def test_export_neutralises_spreadsheet_formulas_in_xlsx(advisor_client):
    CaseFactory(citizen_name="@SUM(A1:A2)", account="-2+3")
    response = advisor_client.get(url("list"), {"export": "xlsx", "with_text": "1"})
    sheet = openpyxl.load_workbook(BytesIO(content(response))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'@SUM(A1:A2)" in values and "'-2+3" in values


def test_exporting_an_empty_result_gives_a_message(advisor_client):
    CaseFactory()
    may = timezone.make_aware(datetime.datetime(2001, 5, 1))
    CaseFactory(received_at=may)
    response = advisor_client.get(url("list"), {"received_from": "1990-01-01",
                                                "received_to": "1990-01-31",
                                                "export": "csv"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain
    assert "intet at eksportere" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_listing_offers_export_with_and_without_free_text(advisor_client):
    CaseFactory()
    body = advisor_client.get(url("list")).content.decode()
    assert "export=csv" in body and "with_text=1" in body


def test_export_with_text_holds_names_and_accounts_when_chosen(advisor_client):
    CaseFactory(citizen_name="Birthe Skov", account="Om skolebussen")
    body = content(advisor_client.get(url("list"), {"export": "csv", "with_text": "1"})).decode()
    assert "Birthe Skov" in body and "Om skolebussen" in body
