"""The access-log report's export reads its rows in chunks like the listings' exports, and
neutralises what a spreadsheet would run; the access-request ZIP holds every record's part."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from borgerraadgiver_plugin import audit
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
