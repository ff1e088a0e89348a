"""The choices the index's filters offer: the active themes, the areas and the years of notes.

They change seldom and every view of the index shows them, so they are kept in Django's cache
(Redis in production, shared by all workers) for a minute at most, and dropped at once when a
theme, an area or a note is saved or deleted.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ..models import Area, Theme
from .models import LearningNotePage

CACHE_KEY = "borgerraadgiver_learning:filter-options"
#: Seconds; bounds how late another worker with its own local cache sees a change.
TIMEOUT = 60


def filter_options():
    """``{"theme": [(pk, name)], "area": [(pk, name)], "year": [(year, year)]}``."""
    options = cache.get(CACHE_KEY)
    if options is None:
        options = load_options()
        cache.set(CACHE_KEY, options, TIMEOUT)
    return options


def load_options():
    """The options as the database has them now (three short queries)."""
    dates = LearningNotePage.objects.order_by("date").values_list("date", flat=True)
    first, last = dates.first(), dates.last()
    return {
        "theme": list(Theme.objects.filter(active=True).values_list("pk", "name")),
        "area": list(Area.objects.values_list("pk", "name")),
        "year": [(year, year) for year in range(last.year, first.year - 1, -1)] if first else [],
    }


def forget_options(**kwargs):
    """Drop the cached options now and again when the transaction commits.

    The second time catches a request that read the old rows between the save and the commit.
    """
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def connect():
    """Forget the options whenever a theme, an area or a note changes (``AppConfig.ready``)."""
    for model in (Theme, Area, LearningNotePage):
        for signal in (post_save, post_delete):
            signal.connect(forget_options, sender=model,
                           dispatch_uid=f"borgerraadgiver_learning_options_{model.__name__}")
