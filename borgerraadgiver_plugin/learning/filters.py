"""The filters of the learning-note index: theme, area, year and free text, kept in the URL.

A value the filter does not recognise (an unknown theme, a year with no notes, a malformed
number) is ignored and reported back to the reader; it never fails the page.

The theme, area and year filters take their choices from the (cached) options the index shows
anyway, as plain typed choices rather than model choices, so checking a value costs no query.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_SEARCH_LENGTH = 200


def _choice(label, field_name, lookup_expr="exact"):
    return django_filters.TypedChoiceFilter(
        label=label, field_name=field_name, lookup_expr=lookup_expr, coerce=int,
        empty_value=None,
    )


class NoteFilterSet(django_filters.FilterSet):
    """The index's filters; ``options`` are the (value, label) choices the index offers."""

    q = django_filters.CharFilter(label=_("Search"), method="search_text",
                                  max_length=MAX_SEARCH_LENGTH)
    theme = _choice(_("Theme"), "themes")
    area = _choice(_("Area"), "areas")
    year = _choice(_("Year"), "date", "year")

    def __init__(self, data=None, queryset=None, *, options, **kwargs):
        super().__init__(data, queryset, **kwargs)
        for name in ("theme", "area", "year"):
            self.filters[name].extra["choices"] = options[name]

    def search_text(self, notes, name, value):
        return search(notes, value)

    def ignored_filters(self):
        """Labels of the parameters that were given but could not be used."""
        return [str(self.filters[name].label) for name in self.form.errors
                if name in self.filters]


def search(notes, value):
    """Notes whose title, summary or body contains ``value`` (spaces collapsed)."""
    value = " ".join(value.split())
    if not value:
        return notes
    return notes.filter(Q(title__icontains=value) | Q(summary__icontains=value)
                        | Q(body_text__icontains=value))
