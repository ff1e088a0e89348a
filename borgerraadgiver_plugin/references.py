"""Human case references, ``BR-YYYY-NNNN``: gap-free per year, safe under concurrency.

The counter row is incremented with a single ``UPDATE ... SET last_number = last_number + 1``
inside the caller's transaction. That statement takes the row lock on PostgreSQL and the write
lock on SQLite at once, so concurrent submissions queue instead of reading the same number; and
because the increment rolls back with the transaction that failed to store the case, no number
is ever skipped. Where the database can (PostgreSQL, SQLite 3.35 and later) the statement also
returns the new number (``UPDATE ... RETURNING``), so taking a reference is one round trip; the
number read is the one this transaction wrote, under the lock it still holds.
"""

import sqlite3

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import conf
from .models import ReferenceCounter


def reference_year(moment=None):
    """The year a reference belongs to, in the municipality's time (Europe/Copenhagen)."""
    return timezone.localtime(moment or timezone.now()).year


def format_reference(prefix, year, number):
    return f"{prefix}-{year}-{number:04d}"


def next_reference(moment=None, prefix=None):
    """Take the next reference. Must run inside the transaction that stores the case."""
    return take_references(moment, 1, prefix)[0]


def take_references(moment, count, prefix=None):
    """Take ``count`` consecutive references of ``moment``'s year in one step (an import of
    many cases). Must run inside the transaction that stores the cases."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("references must be taken inside transaction.atomic()")
    prefix = prefix or conf.get("BORGERRAADGIVER_REFERENCE_PREFIX")
    year = reference_year(moment)
    last = _increment_returning(connection, prefix, year, count)
    if last is None:
        last = _increment(prefix, year, count)
    return [format_reference(prefix, year, number) for number in range(last - count + 1,
                                                                        last + 1)]


def _increment(prefix, year, count):
    counters = ReferenceCounter.objects.filter(prefix=prefix, year=year)
    if not counters.update(last_number=F("last_number") + count):
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(prefix=prefix, year=year, last_number=count)
            return count
        except IntegrityError:
            # Another transaction created this year's counter first; queue behind it.
            counters.update(last_number=F("last_number") + count)
    return counters.values_list("last_number", flat=True).get()


def _supports_returning(connection):
    if connection.vendor == "postgresql":
        return True
    return connection.vendor == "sqlite" and sqlite3.sqlite_version_info >= (3, 35)


def _increment_returning(connection, prefix, year, count):
    """The incremented number in one statement; ``None`` when this year's counter does not
    exist yet or the database cannot return from an UPDATE (then the ORM path above runs)."""
    if not _supports_returning(connection):
        return None
    meta = ReferenceCounter._meta
    quote = connection.ops.quote_name
    column = quote(meta.get_field("last_number").column)
    # Only quoted names from the model's own metadata are formatted in; values are bound.
    sql = (f"UPDATE {quote(meta.db_table)} SET {column} = {column} + %s "  # noqa: S608 # nosec B608
           f"WHERE {quote(meta.get_field('prefix').column)} = %s "
           f"AND {quote(meta.get_field('year').column)} = %s RETURNING {column}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [count, prefix, year])
        row = cursor.fetchone()
    return row[0] if row else None
