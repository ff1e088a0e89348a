"""The exported files of a small fixed dataset are exactly what they were before exports
streamed: CSV byte for byte, XLSX cell for cell. Regenerate the fixtures only from code whose
output is known good: ``REGENERATE_EXPORT_FIXTURES=1 pytest tests/exports``."""

import datetime
import json
import os
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest

from tests.cases.admin_helpers import url as case_url
from tests.veterans import helpers as veteran_helpers

from .dataset import build_cases, build_contacts

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
REGENERATE = os.environ.get("REGENERATE_EXPORT_FIXTURES") == "1"


def body(response):
    assert response.status_code == 200, response.status_code
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


def cell_values(data):
    sheet = openpyxl.load_workbook(BytesIO(data)).active
    return [[cell.isoformat() if isinstance(cell, datetime.date | datetime.time) else cell
             for cell in row] for row in sheet.iter_rows(values_only=True)]


def check(name, actual):
    path = FIXTURES / name
    if REGENERATE:
        path.write_bytes(actual)
    assert actual == path.read_bytes()


def check_xlsx(name, data):
    check(name, json.dumps(cell_values(data), ensure_ascii=False, indent=1).encode())


@pytest.mark.parametrize("query, name", [
    ({"export": "csv"}, "cases.csv"),
    ({"export": "csv", "with_text": "1"}, "cases_with_text.csv"),
    ({"export": "csv", "with_text": "1", "ordering": "status"}, "cases_by_status.csv"),
])
def test_case_csv_is_byte_for_byte_unchanged(advisor_client, query, name):
    build_cases()
    check(name, body(advisor_client.get(case_url("list"), query)))


def test_case_xlsx_cells_are_unchanged(advisor_client):
    build_cases()
    check_xlsx("cases_with_text.xlsx.json", body(advisor_client.get(
        case_url("list"), {"export": "xlsx", "with_text": "1"})))


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_veteran_registry_export_is_unchanged(coordinator_client, export_format):
    build_contacts()
    data = body(coordinator_client.get(veteran_helpers.url("veterancontact", "index"),
                                       {"export": export_format}))
    if export_format == "csv":
        check("veterans.csv", data)
    else:
        check_xlsx("veterans.xlsx.json", data)
