"""The access-log report's export reads its rows in chunks like the listings' exports, and
neutralises what a spreadsheet would run; the statistics tables and the access-request ZIP
export a period or a request with nothing in it, and a client that goes away halfway leaves
nothing open."""

import csv
import io
import json
import tempfile
import zipfile

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit, subject_access
from tests.cases import test_access_request as access_request
from tests.factories import CaseFactory, UserFactory

from .test_unchanged_output import body

pytestmark = pytest.mark.django_db
REPORT = reverse("borgerraadgiver_access_log")
CHUNK = 3


@pytest.fixture
def small_chunks(settings):
    settings.BORGERRAADGIVER_EXPORT_CHUNK_SIZE = CHUNK


def log_uses(count):
    reader = UserFactory(username=f"laeser{count}")
    for _n in range(count):
        audit.record(reader, CaseFactory(), audit.VIEW)


def export(client):
    with CaptureQueriesContext(connection) as captured:
        data = body(client.get(REPORT, {"export": "csv"}))
    return len(captured), list(csv.reader(io.StringIO(data.decode())))


def test_the_access_log_export_reads_chunks_not_rows(advisor_client, small_chunks):
    log_uses(2 * CHUNK)
    few, rows = export(advisor_client)
    log_uses(4 * CHUNK)
    many, more_rows = export(advisor_client)
    assert len(more_rows) - len(rows) == 4 * CHUNK + 1  # the first export logged itself
    # One fetch per chunk at most; the rows' users and types come joined.
    assert many - few <= 4 + 2


def test_the_access_log_export_neutralises_formulas_and_keeps_newlines(advisor_client):
    case = CaseFactory(reference="=HYPERLINK(1)")
    audit.record(UserFactory(username="x"), case, audit.DOWNLOAD, document="a\nb")
    _count, rows = export(advisor_client)
    row = next(row for row in rows if row[4].startswith("'="))
    assert row[4] == "'=HYPERLINK(1)"
    assert row[6] == "document: a\nb"


STATISTICS = "/admin/borgerraadgiver/reports/statistics/"
PERIOD = {"start": "2025-01-01", "end": "2025-12-31", "table": "inquiries_by_type"}


def statistics_exports():
    return ModelLogEntry.objects.filter(action=audit.EXPORT, object_id="statistics")


def test_a_statistics_table_of_a_period_without_cases_exports_its_rows_as_zero(advisor_client):
    data = body(advisor_client.get(STATISTICS, {**PERIOD, "export": "csv"}))
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert rows[0] == ["Række", "Perioden", "Forrige periode"]
    assert len(rows) > 2 and all(row[1:] == ["0", "0"] for row in rows[1:])
    sheet = openpyxl.load_workbook(io.BytesIO(body(advisor_client.get(
        STATISTICS, {**PERIOD, "export": "xlsx"})))).active
    assert [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        [row[0], 0, 0] for row in rows[1:]]
    assert statistics_exports().count() == 2


def keep_the_test_connection(monkeypatch):
    # The end of a request closes the connection; the test's must stay open for the checks.
    monkeypatch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)


def test_a_statistics_export_left_halfway_is_closed_and_logged_once(advisor_client,
                                                                    monkeypatch):
    CaseFactory()
    response = advisor_client.get(STATISTICS, {**PERIOD, "export": "csv"})
    stream = iter(response.streaming_content)
    assert next(stream).startswith("Række".encode())
    keep_the_test_connection(monkeypatch)
    response.close()
    with pytest.raises(StopIteration):
        next(stream)
    assert statistics_exports().count() == 1


def test_an_access_request_zip_of_no_records_is_an_empty_list_and_logs_nothing(advisor):
    output = io.BytesIO()
    subject_access.write_zip(advisor, [], output, query="Ingen Ingensen")
    archive = zipfile.ZipFile(output)
    assert json.loads(archive.read("oplysninger.json")) == []
    assert {"sammenfatning.html", "sammenfatning.css"} <= set(archive.namelist())
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_an_access_request_zip_left_halfway_closes_its_file_and_is_logged(advisor_client,
                                                                          advisor, monkeypatch):
    cases = [CaseFactory(citizen_name="Anne Hansen") for _n in range(3)]
    files = []
    real = tempfile.TemporaryFile
    monkeypatch.setattr(tempfile, "TemporaryFile",
                        lambda *args, **kwargs: files.append(real(*args, **kwargs)) or files[-1])
    response = access_request.download(
        advisor_client, access_request.search(advisor_client, "Anne Hansen"))
    assert response.status_code == 200
    stream = iter(response.streaming_content)
    assert next(stream).startswith(b"PK")  # the first block of the ZIP
    keep_the_test_connection(monkeypatch)
    response.close()
    assert len(files) == 1 and files[0].closed  # the ZIP's file on disk: closed, so gone
    # The ZIP was whole before its first byte left: every record in it is logged.
    logged = ModelLogEntry.objects.filter(action=audit.EXPORT, user=advisor)
    assert sorted(logged.values_list("object_id", flat=True)) == sorted(
        str(case.pk) for case in cases)
