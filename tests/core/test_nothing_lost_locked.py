"""Nothing a citizen sends may be lost (issue 11), point 5: a database another writer keeps
locked (SQLite's single writer; a PostgreSQL table lock) gives, after a bounded wait, a Danish
"not saved, try again" page (503) with every answer kept, never a bare 500."""

import time

import pytest
from django.db import connections

from tests.sites import ensure_default_site

from .public_form_support import fill, sent_values

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


class OtherWriter:
    """A second connection to the same database that holds the write lock ``model`` needs."""

    def __init__(self, model):
        self.connection = connections.create_connection("default")
        self.cursor = self.connection.cursor()
        if self.connection.vendor == "sqlite":
            self.cursor.execute("BEGIN IMMEDIATE")
        else:
            self.cursor.execute("BEGIN")
            self.cursor.execute(f"LOCK TABLE {model._meta.db_table} IN EXCLUSIVE MODE")

    def release(self):
        self.cursor.execute("ROLLBACK")
        self.connection.close()


def test_a_locked_database_keeps_every_answer_and_the_resend_is_stored(client, target,
                                                                       settings, monkeypatch):
    settings.BORGERRAADGIVER_FORM_DB_WAIT = 0.5
    pairs = fill(target.render(client, monkeypatch=monkeypatch), target.answers)
    writer = OtherWriter(target.model)
    try:
        started = time.monotonic()
        response = target.post(client, pairs)
        waited = time.monotonic() - started
    finally:
        writer.release()
    html = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"].isdigit()
    assert "ikke gemt" in html and "prøv igen" in html
    assert waited < 5
    assert sent_values(fill(html)) == sent_values(pairs)
    assert not target.stored().exists()
    resend = target.post(client, fill(html))
    assert resend.status_code == 302 and target.stored().count() == 1


def test_the_bounded_wait_is_the_forms_alone(client, target, settings, monkeypatch):
    """After a submission the connection waits for a lock as long as it did before (SQLite's
    busy timeout is the form's only while it stores)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL bounds the wait with SET LOCAL, which ends with the transaction")
    settings.BORGERRAADGIVER_FORM_DB_WAIT = 0.5
    pairs = fill(target.render(client, monkeypatch=monkeypatch), target.answers)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        before = cursor.fetchone()[0]
    assert before != 500
    assert target.post(client, pairs).status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == before
