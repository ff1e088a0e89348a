"""The example site's embedded SQLite database: writers queue, readers go on (WAL)."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_embedded_database_uses_write_ahead_logging():
    if connection.vendor != "sqlite":
        pytest.skip("only the embedded SQLite default is configured here")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
