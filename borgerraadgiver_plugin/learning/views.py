"""Front-end views of the intranet pages and the editor's messages. Thin: rules live elsewhere."""

import datetime
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from ..models import Area
from . import reads, recommendations
from .filters import LearningNoteFilterSet
from .models import LearningNotePage, NoteRead
from .personal_data import scan_note


def note_listing(request, index):
    """Context of the index: the filter form, one page of notes, and what was ignored."""
    notes = index.get_notes()
    years = note_years()
    filterset = LearningNoteFilterSet(request.GET, queryset=notes, years=years)
    # Only what the list shows: a small sort, and no page objects to build per note.
    listing = filterset.qs.order_by("-date", "-pk").values_list(*NoteSummary.FIELDS)
    page_obj = Paginator(listing, index.page_size).get_page(request.GET.get("page"))
    page_obj.object_list = notes_with_tags(page_obj.object_list, index.get_url(request))
    read_ids = set()
    if request.user.is_authenticated and page_obj.object_list:
        read_ids = set(NoteRead.objects.filter(
            user=request.user, note_id__in=[note.pk for note in page_obj.object_list],
        ).values_list("note_id", flat=True))
    return {
        "filter": filterset,
        "choices": filter_choices(filterset, years),
        "ignored_filters": filterset.ignored_filters(),
        "is_filtered": any(request.GET.get(name) for name in filterset.filters),
        "notes": page_obj,
        "read_ids": read_ids,
        "recommendations_url": subpage_url(request, index, "recommendations"),
    }


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


def notes_with_tags(rows, index_url):
    """Summaries of the notes (rows of ``NoteSummary.FIELDS``) with their themes and areas.

    Notes are children of the index, so each URL is the index URL plus the slug. Two light
    queries fetch the names of themes and areas for the whole page of notes.
    """
    notes = [NoteSummary(*row) for row in rows]
    ids = [note.pk for note in notes]
    for note in notes:
        note.url = f"{index_url}{note.slug}/"
    for attribute, relation in (("theme_names", "themes"), ("area_names", "areas")):
        through = getattr(LearningNotePage, relation).through
        target = "theme" if relation == "themes" else "area"
        names = {}
        for note_id, name in (through.objects.filter(learningnotepage_id__in=ids)
                              .order_by(f"{target}__name")
                              .values_list("learningnotepage_id", f"{target}__name")):
            names.setdefault(note_id, []).append(name)
        for note in notes:
            setattr(note, attribute, names.get(note.pk, []))
    return notes


def note_years():
    """The years from the first to the last note, newest first.

    Two lookups on the date index rather than a scan of every note: the index stays as fast
    with 2,000 notes as with 20.
    """
    dates = LearningNotePage.objects.order_by("date").values_list("date", flat=True)
    first, last = dates.first(), dates.last()
    return list(range(last.year, first.year - 1, -1)) if first else []


def filter_choices(filterset, years):
    """Options of the filter form as plain (value, label, selected) rows for the template."""
    filterset.form.is_valid()
    cleaned = filterset.form.cleaned_data

    def rows(name, pairs):
        chosen = cleaned.get(name)
        chosen = str(getattr(chosen, "pk", chosen) or "")
        return [(str(value), label, str(value) == chosen) for value, label in pairs]

    return {
        "theme": rows("theme", filterset.filters["theme"].queryset.values_list("pk", "name")),
        "area": rows("area", filterset.filters["area"].queryset.values_list("pk", "name")),
        "year": rows("year", [(year, year) for year in years]),
        "q": cleaned.get("q") or "",
    }


def subpage_url(request, page, name, *args):
    return page.get_url(request) + page.reverse_subpage(name, args=args)


def recommendations_overview(request, index):
    return index.render(
        request, template="borgerraadgiver_learning/recommendations_overview.html",
        context_overrides={"areas": [
            (area, subpage_url(request, index, "area_recommendations", area.pk))
            for area in recommendations.open_counts_per_area()
        ]},
    )


def area_recommendations(request, index, area_id):
    area = get_object_or_404(Area, pk=area_id)
    return index.render(
        request, template="borgerraadgiver_learning/area_recommendations.html",
        context_overrides={"area": area,
                           "overview_url": subpage_url(request, index, "recommendations"),
                           "recommendations": recommendations.open_for_area(area)},
    )


def note_context(request, note):
    links = note.recommendation_links.all()
    if hasattr(links, "select_related"):
        links = links.select_related("recommendation__area")
    return {
        "recommendations": [link.recommendation for link in links],
        "read": reads.read_of(note, request.user),
        "mark_read_url": subpage_url(request, note, "mark_read"),
    }


def mark_read(request, note):
    """One POST, no JavaScript: the reader's "I have read this" button. Repeating is harmless."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    note_url = note.get_url(request)
    if not request.user.is_authenticated:
        return redirect_to_login(note_url)
    reads.mark_read(note, request.user)
    return redirect(f"{note_url}#laest")


def warn_on_draft(request, page):
    """After a draft is saved: warn when the note could not be published as it stands."""
    if not isinstance(page, LearningNotePage) or not request.accepts("text/html"):
        return
    problems = scan_note(page)
    if problems:
        messages.warning(request, _(
            "The draft is saved, but it cannot be published while it contains personal "
            "data. %(problems)s"
        ) % {"problems": " ".join(str(problem.message) for problem in problems)})


def refuse_bulk_publish(request, action_type, objects, action):
    """Bulk publishing from the page listing skips the editor's form: check each note here."""
    if action_type != "publish":
        return None
    refused = []
    for page in objects:
        page = page.specific
        revision = page.get_latest_revision() if isinstance(page, LearningNotePage) else None
        if revision is not None and scan_note(revision.as_object()):
            refused.append(page.title)
    if not refused:
        return None
    messages.error(request, _(
        "Nothing was published: these learning notes contain personal data: %(titles)s. "
        "Open each note to see where."
    ) % {"titles": ", ".join(refused)})
    return redirect(action.next_url)
