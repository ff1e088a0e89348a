"""Exports read their rows in chunks: queries grow by chunks, not rows; a client that goes away
stops the reading and leaves no cursor open; bad input never gives a 500."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit, streaming
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.cases.admin_helpers import url as case_url
from tests.factories import CaseFactory, ThemeFactory, UserFactory, VeteranContactFactory
from tests.veterans import helpers as veteran_helpers

from .test_unchanged_output import body

pytestmark = pytest.mark.django_db
CHUNK = 3
CONTACTS = veteran_helpers.url("veterancontact", "index")


@pytest.fixture
def small_chunks(settings):
    settings.BORGERRAADGIVER_EXPORT_CHUNK_SIZE = CHUNK


def make_cases(count):
    theme = ThemeFactory()
    for _n in range(count):
        CaseFactory().themes.add(theme)


def export_queries(client, address, query):
    with CaptureQueriesContext(connection) as captured:
        data = body(client.get(address, query))
    return len(captured), data


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_case_export_queries_grow_by_chunk_not_by_row(advisor_client, small_chunks,
                                                      export_format):
    make_cases(2 * CHUNK)
    few, _data = export_queries(advisor_client, case_url("list"), {"export": export_format})
    make_cases(4 * CHUNK)  # three times the rows, four more chunks
    many, _data = export_queries(advisor_client, case_url("list"), {"export": export_format})
    # Per chunk: its themes (prefetch) and its audit entries (one insert); the rows themselves
    # come from one cursor.
    assert many - few <= 2 * 4
    assert ModelLogEntry.objects.filter(action=audit.EXPORT).count() == 2 * CHUNK + 6 * CHUNK


def test_veteran_export_queries_grow_by_chunk_not_by_row(coordinator_client, small_chunks):
    for n in range(2 * CHUNK):
        VeteranContactFactory(name=f"Veteran {n}")
    few, _data = export_queries(coordinator_client, CONTACTS, {"export": "csv"})
    for n in range(4 * CHUNK):
        VeteranContactFactory(name=f"Veteran {n}")
    many, data = export_queries(coordinator_client, CONTACTS, {"export": "csv"})
    # Per chunk: consents, need areas (prefetches) and the audit insert.
    assert many - few <= 3 * 4
    assert len(list(csv.reader(io.StringIO(data.decode())))) == 1 + 6 * CHUNK


def open_cursors():
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_cursors")
        return cursor.fetchone()[0]


def test_a_client_that_goes_away_stops_the_reading_and_leaves_no_cursor(
        advisor_client, advisor, small_chunks, monkeypatch):
    make_cases(5 * CHUNK)
    before = open_cursors()
    response = advisor_client.get(case_url("list"), {"export": "csv"})
    stream = iter(response.streaming_content)
    next(stream)  # the headings
    next(stream)  # the first chunk
    # The end of a request closes the connection; the test's must stay open for the checks.
    monkeypatch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
    response.close()
    with pytest.raises(StopIteration):
        next(stream)
    assert open_cursors() == before
    # Only what was read is logged as exported: one chunk, not the five.
    assert ModelLogEntry.objects.filter(action=audit.EXPORT, user=advisor).count() == CHUNK


def test_chunks_closed_early_close_the_cursor(small_chunks):
    make_cases(3 * CHUNK)
    from borgerraadgiver_plugin.cases.models import Case

    before = open_cursors()
    reader = streaming.chunks(Case.objects.prefetch_related("themes").order_by("pk"))
    first = next(reader)
    assert len(first) == CHUNK and all(len(case.themes.all()) == 1 for case in first)
    if before is not None:
        assert open_cursors() == before + 1  # a server-side cursor on PostgreSQL
    reader.close()
    assert open_cursors() == before


def test_an_export_without_the_export_permission_is_refused_and_logged(client, advisor):
    CaseFactory()
    reader = UserFactory(username="reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_case"))
    client.force_login(reader)
    for export_format in ("csv", "xlsx"):
        response = client.get(case_url("list"), {"export": export_format})
        assert response.status_code == 403
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=reader).count() == 2
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT).exists()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_malformed_filter_is_ignored_with_a_message_not_a_500(advisor_client,
                                                                export_format):
    case = CaseFactory()
    response = advisor_client.get(case_url("list"), {"received_from": "31-31-31",
                                                     "area": "x'; --", "export": export_format})
    assert response.status_code == 200
    data = body(response)
    if export_format == "csv":
        assert case.reference.encode() in data


def test_an_unmatched_filter_gives_the_message_for_xlsx_too(advisor_client):
    CaseFactory()
    response = advisor_client.get(case_url("list"), {"q": "ingen-sag-hedder-sådan",
                                                     "export": "xlsx"}, follow=True)
    assert response.status_code == 200
    assert "intet at eksportere" in response.content.decode()


def test_veteran_registry_bad_filter_and_empty_export(coordinator_client, groups):
    response = coordinator_client.get(CONTACTS, {"role": "NO_SUCH_ROLE", "export": "csv"})
    assert response.status_code in (200, 302)
    VeteranContact.objects.all().delete()
    data = body(coordinator_client.get(CONTACTS, {"export": "csv"}))
    assert len(list(csv.reader(io.StringIO(data.decode())))) == 1  # the headings only
