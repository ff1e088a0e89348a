"""The filters of the learning-note index: theme, area, year and free text, kept in the URL.

A value the filter does not recognise (an unknown theme, a year with no notes, a malformed
number) is ignored and reported back to the reader; it never fails the page.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import Area, Theme

MAX_SEARCH_LENGTH = 200


class LearningNoteFilterSet(django_filters.FilterSet):
    """Filters a queryset of learning notes; ``years`` are the years that have notes."""

    q = django_filters.CharFilter(label=_("Search"), method="search",
                                  max_length=MAX_SEARCH_LENGTH)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.filter(active=True),
        empty_label=_("All themes"),
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area"), field_name="areas", queryset=Area.objects.all(),
        empty_label=_("All areas"),
    )
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="date__year",
                                       empty_label=_("All years"))

    def __init__(self, data=None, queryset=None, *, years=(), **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), year) for year in years]

    def search(self, queryset, name, value):
        value = " ".join(value.split())
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value)
                               | Q(body_text__icontains=value))

    def ignored_filters(self):
        """Labels of the parameters that were given but could not be used."""
        return [str(self.filters[name].label) for name in self.form.errors
                if name in self.filters]
