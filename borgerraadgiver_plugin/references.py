"""Human case references, ``BR-YYYY-NNNN``: gap-free per year, safe under concurrency.

The counter row is incremented with a single ``UPDATE ... SET last_number = last_number + 1``
inside the caller's transaction. That statement takes the row lock on PostgreSQL and the write
lock on SQLite at once, so concurrent submissions queue instead of reading the same number; and
because the increment rolls back with the transaction that failed to store the case, no number
is ever skipped.
"""

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
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_reference() must run inside transaction.atomic()")
    prefix = prefix or conf.get("BORGERRAADGIVER_REFERENCE_PREFIX")
    year = reference_year(moment)
    counters = ReferenceCounter.objects.filter(prefix=prefix, year=year)
    if not counters.update(last_number=F("last_number") + 1):
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(prefix=prefix, year=year, last_number=1)
            return format_reference(prefix, year, 1)
        except IntegrityError:
            # Another transaction created this year's counter first; queue behind it.
            counters.update(last_number=F("last_number") + 1)
    number = counters.values_list("last_number", flat=True).get()
    return format_reference(prefix, year, number)
