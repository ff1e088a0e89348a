"""The choices the index's filters offer: the active themes, the areas and the years of notes.

They change seldom and every view of the index shows them, so they are kept in Django's cache
and dropped when a theme, an area or a note is saved or deleted (see :mod:`..cached`).
"""

from ..cached import CachedRows
from ..models import Area, Theme
from .models.notes import LearningNotePage


def filter_options():
    """``{"theme": [(pk, name)], "area": [(pk, name)], "year": [(year, year)]}``."""
    return OPTIONS.get()


def load_options():
    """The options as the database has them now (three short queries)."""
    dates = LearningNotePage.objects.order_by("date").values_list("date", flat=True)
    first, last = dates.first(), dates.last()
    return {
        "theme": list(Theme.objects.filter(active=True).values_list("pk", "name")),
        "area": list(Area.objects.values_list("pk", "name")),
        "year": [(year, year) for year in range(last.year, first.year - 1, -1)] if first else [],
    }


OPTIONS = CachedRows("borgerraadgiver_learning:filter-options", load_options,
                     [Theme, Area, LearningNotePage])
