"""The index's list of notes, built to cost the same whatever the number of notes.

No page object is built per note: one query counts the notes, one gives the rows of the page,
one more the themes and areas of those notes; the filter options are cached
(``filter_options``). Where the ORM's own cost per query was a large part of the page's time,
a short query is written out (``tag_links``).
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.utils.dates import MONTHS
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .filter_options import filter_options
from .filters import NoteFilterSet
from .models.notes import LearningNotePage
from .models.reads import NoteRead

#: A condition every note meets. With it SQLite (which, unlike PostgreSQL, keeps no statistics
#: unless ANALYZE is run) walks the index on ``date`` newest first and stops after one page,
#: and counts from that index, instead of reading and sorting every page of the tree.
#: PostgreSQL sees a condition true of every row and plans as without it.
EVERY_DATE = {"date__gte": datetime.date.min}


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
    date_label: str = ""
    theme_names: list = field(default_factory=list)
    area_names: list = field(default_factory=list)


def note_listing(request, index):
    """Context of the index: the filter form, one page of notes, and what was ignored."""
    options = filter_options()
    filterset = NoteFilterSet(request.GET, index.get_notes().filter(**EVERY_DATE),
                              options=options)
    rows = filterset.qs.order_by("-date", "-pk").values_list(*NoteSummary.FIELDS)
    page_obj = Paginator(rows, index.page_size).get_page(request.GET.get("page"))
    page_obj.object_list = summaries(page_obj.object_list, index.get_url(request),
                                     dict(options["theme"]), dict(options["area"]))
    return {
        "filter": filterset,
        "choices": filter_choices(filterset.form.cleaned_data, options),
        "ignored_filters": filterset.ignored_filters(),
        "is_filtered": any(request.GET.get(name) for name in filterset.filters),
        "notes": page_obj,
        "read_ids": read_ids(request.user, page_obj.object_list),
    }


def summaries(rows, index_url, theme_names, area_names):
    """Rows of ``NoteSummary.FIELDS`` as summaries with URL, date, themes and areas.

    Notes are children of the index, so a URL is the index URL plus the slug. Only themes and
    areas among ``theme_names`` and ``area_names`` (the ones the filters offer) are shown.
    """
    notes = {row[0]: NoteSummary(*row) for row in rows}
    months = {}
    for note in notes.values():
        note.url = f"{index_url}{note.slug}/"
        note.date_label = date_label(note.date, months)
    for note_id, target_id, is_area in tag_links(list(notes)):
        names = area_names if is_area else theme_names
        if target_id in names:
            note = notes[note_id]
            (note.area_names if is_area else note.theme_names).append(names[target_id])
    for note in notes.values():
        note.theme_names.sort()
        note.area_names.sort()
    return list(notes.values())


def date_label(day, months):
    """``day`` as the ``date`` filter writes it with "j. F Y" ("1. marts 2026").

    Written out because the filter looked the format up again for each note; ``months`` keeps
    the translated month names of one listing.
    """
    if day.month not in months:
        months[day.month] = str(MONTHS[day.month])
    return f"{day.day}. {months[day.month]} {day.year:04d}"


def tag_links(note_ids):
    """``(note id, theme or area id, is_area)`` for the notes, from the two link tables.

    Written out: the ORM's union of two filtered querysets cost ten times the query itself.
    """
    if not note_ids:
        return []
    quote = connection.ops.quote_name
    marks = ", ".join(["%s"] * len(note_ids))
    parts = []
    for number, (through, target) in enumerate(
            ((LearningNotePage.themes.through, "theme"), (LearningNotePage.areas.through, "area"))):
        table = quote(through._meta.db_table)
        note_column = quote(through._meta.get_field("learningnotepage").column)
        target_column = quote(through._meta.get_field(target).column)
        # Only quoted names and placeholders go into the text; the ids are parameters.
        parts.append(f"SELECT {note_column}, {target_column}, {number} FROM {table} "  # noqa: S608 # nosec B608 - quoted names only
                     f"WHERE {note_column} IN ({marks})")
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), [*note_ids, *note_ids])
        return cursor.fetchall()


def filter_choices(cleaned, options):
    """The ``<option>`` elements of each filter, the chosen one selected.

    Built here rather than by a template loop: the index renders them on every request.
    """

    def rows(name):
        chosen = cleaned.get(name)
        return mark_safe("".join(  # noqa: S308 # nosec B308 B703 - numbers, and labels escaped
            f'<option value="{value}"{" selected" if value == chosen else ""}>'
            f"{escape(label)}</option>"
            for value, label in options[name]))

    return {"theme": rows("theme"), "area": rows("area"), "year": rows("year"),
            "q": cleaned.get("q") or ""}


def read_ids(user, notes):
    """Which of ``notes`` the user has marked as read."""
    if not user.is_authenticated or not notes:
        return set()
    return set(NoteRead.objects.filter(user=user, note_id__in=[note.pk for note in notes])
               .values_list("note_id", flat=True))
