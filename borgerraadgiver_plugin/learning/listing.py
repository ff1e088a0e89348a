"""The index's list of notes, built to cost the same whatever the number of notes.

No page object is built per note: one query gives the rows of the page, one more the themes
and areas of those notes, and the filter options come from two small lookups.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Value
from django.utils.html import format_html_join

from .filters import LearningNoteFilterSet
from .models import LearningNotePage, NoteRead


@dataclass
class NoteSummary:
    """One row of the index: what the list shows of a note."""

    FIELDS = ("pk", "title", "slug", "date", "summary")

    pk: int
    title: str
    slug: str
    date: datetime.date
    summary: str
    url: str = ""
    theme_names: list = field(default_factory=list)
    area_names: list = field(default_factory=list)


def note_listing(request, index):
    """Context of the index: the filter form, one page of notes, and what was ignored."""
    years = note_years()
    filterset = LearningNoteFilterSet(request.GET, queryset=index.get_notes(), years=years)
    filterset.form.is_valid()
    themes = list(filterset.filters["theme"].queryset.values_list("pk", "name"))
    areas = list(filterset.filters["area"].queryset.values_list("pk", "name"))
    rows = filterset.qs.order_by("-date", "-pk").values_list(*NoteSummary.FIELDS)
    page_obj = Paginator(rows, index.page_size).get_page(request.GET.get("page"))
    page_obj.object_list = summaries(page_obj.object_list, index.get_url(request),
                                     dict(themes), dict(areas))
    return {
        "filter": filterset,
        "choices": filter_choices(filterset.form.cleaned_data, themes, areas, years),
        "ignored_filters": filterset.ignored_filters(),
        "is_filtered": any(request.GET.get(name) for name in filterset.filters),
        "notes": page_obj,
        "read_ids": read_ids(request.user, page_obj.object_list),
    }


def summaries(rows, index_url, theme_names, area_names):
    """Rows of ``NoteSummary.FIELDS`` as summaries with URL, themes and areas.

    Notes are children of the index, so a URL is the index URL plus the slug. The themes and
    areas of all the notes come in one query on the two link tables.
    """
    notes = {row[0]: NoteSummary(*row) for row in rows}
    for note in notes.values():
        note.url = f"{index_url}{note.slug}/"
    ThemeLink = LearningNotePage.themes.through
    AreaLink = LearningNotePage.areas.through
    links = ThemeLink.objects.filter(learningnotepage_id__in=notes).annotate(
        kind=Value("theme")).values_list("learningnotepage_id", "theme_id", "kind").union(
        AreaLink.objects.filter(learningnotepage_id__in=notes).annotate(
            kind=Value("area")).values_list("learningnotepage_id", "area_id", "kind"))
    for note_id, target_id, kind in links if notes else ():
        names = theme_names if kind == "theme" else area_names
        if target_id in names:
            getattr(notes[note_id], f"{kind}_names").append(names[target_id])
    for note in notes.values():
        note.theme_names.sort()
        note.area_names.sort()
    return list(notes.values())


def note_years():
    """The years from the first to the last note, newest first (two lookups on the index)."""
    dates = LearningNotePage.objects.order_by("date").values_list("date", flat=True)
    first, last = dates.first(), dates.last()
    return list(range(last.year, first.year - 1, -1)) if first else []


def filter_choices(cleaned, themes, areas, years):
    """The ``<option>`` elements of each filter, the chosen one selected.

    Built here rather than by a template loop: the index renders them on every request.
    """

    def rows(name, pairs):
        chosen = cleaned.get(name)
        chosen = str(getattr(chosen, "pk", chosen) or "")
        return format_html_join("", "<option value=\"{}\"{}>{}</option>", (
            (value, " selected" if str(value) == chosen else "", label)
            for value, label in pairs))

    return {"theme": rows("theme", themes), "area": rows("area", areas),
            "year": rows("year", [(year, year) for year in years]),
            "q": cleaned.get("q") or ""}


def read_ids(user, notes):
    """Which of ``notes`` the user has marked as read."""
    if not user.is_authenticated or not notes:
        return set()
    return set(NoteRead.objects.filter(user=user, note_id__in=[note.pk for note in notes])
               .values_list("note_id", flat=True))
