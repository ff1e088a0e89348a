"""Rows that change seldom but are read on nearly every request of a page, kept in Django's cache.

The cache is Redis in production, shared by all workers. Saving or deleting a row of one of the
models drops the cached value at once, and again when the transaction commits, which catches a
request that read the old rows in between. Rows read inside a transaction are not cached: it
may still roll back, and nothing would drop what it wrote. :data:`TIMEOUT` bounds how late a
worker that has only a local-memory cache of its own sees a change made in another process.
While the cache is down (it raises, or fails open and answers nothing), the rows are read from
the database on every request: slower, never an error (docs/resilience.md).
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

#: Seconds.
TIMEOUT = 60

_ALL = []


class CachedRows:
    """What ``load()`` returns, kept under ``key`` until a row of one of ``models`` changes.

    ``load`` must return something that pickles and is never ``None``. :meth:`connect` belongs
    in the owning app's ``AppConfig.ready``.
    """

    def __init__(self, key, load, models):
        self.key = key
        self.load = load
        self.models = models
        _ALL.append(self)

    def get(self):
        value = _quietly(cache.get, self.key)
        if value is None:
            value = self.load()
            if not transaction.get_connection().in_atomic_block:
                _quietly(cache.set, self.key, value, TIMEOUT)
        return value

    def forget(self, **kwargs):
        _quietly(cache.delete, self.key)
        transaction.on_commit(lambda: _quietly(cache.delete, self.key), robust=True)

    def connect(self):
        for model in self.models:
            for signal in (post_save, post_delete):
                signal.connect(self.forget, sender=model, weak=False,
                               dispatch_uid=f"{self.key}:{model._meta.label}")


def _quietly(operation, *args):
    """``operation(*args)`` on the cache, or None while the cache is down."""
    try:
        return operation(*args)
    except Exception as error:  # any backend's connection error
        logger.warning("The cache is unavailable (%s); rows are read from the database.",
                       type(error).__name__)
        return None


def forget_all():
    """Drop every cached value now (a rolled-back test transaction sends no signal)."""
    _quietly(cache.delete_many, [rows.key for rows in _ALL])
