"""The filters of the learning-note index: theme, area, year and free text, kept in the URL.

A value the filter does not recognise (an unknown theme, a year with no notes, a malformed
number) is ignored and reported back to the reader; it never fails the page.

A plain form rather than a django-filter FilterSet: the index builds it on every request, and
a FilterSet deep-copies its filters and builds a form class each time, and its model choice
filters fetch the chosen theme and area with a query of their own. Here the choices are the
(cached) pairs the index shows anyway, so checking a value costs no query.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_SEARCH_LENGTH = 200


class NoteFilterForm(forms.Form):
    """The index's filter parameters; ``options`` are the choices the index offers."""

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_SEARCH_LENGTH)
    theme = forms.TypedChoiceField(label=_("Theme"), required=False, coerce=int,
                                   empty_value=None)
    area = forms.TypedChoiceField(label=_("Area"), required=False, coerce=int,
                                  empty_value=None)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int,
                                  empty_value=None)

    def __init__(self, data=None, *, options, **kwargs):
        super().__init__(data, **kwargs)
        for name in ("theme", "area", "year"):
            self.fields[name].choices = options[name]

    def filter(self, notes):
        """``notes`` narrowed by every filter that was given and understood."""
        self.is_valid()  # a value that is not understood is left out of cleaned_data
        cleaned = self.cleaned_data
        if cleaned.get("theme") is not None:
            notes = notes.filter(themes=cleaned["theme"])
        if cleaned.get("area") is not None:
            notes = notes.filter(areas=cleaned["area"])
        if cleaned.get("year") is not None:
            notes = notes.filter(date__year=cleaned["year"])
        return search(notes, cleaned.get("q") or "")

    def ignored_filters(self):
        """Labels of the parameters that were given but could not be used."""
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]


def search(notes, value):
    """Notes whose title, summary or body contains ``value`` (spaces collapsed)."""
    value = " ".join(value.split())
    if not value:
        return notes
    return notes.filter(Q(title__icontains=value) | Q(summary__icontains=value)
                        | Q(body_text__icontains=value))
