"""Front-end views of the note index and the editor's messages. Thin: rules live elsewhere."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from ..models import Area
from . import listing, recommendations
from .models.notes import LearningNotePage
from .personal_data import scan_note


def subpage_url(request, page, name, *args):
    return page.get_url(request) + page.reverse_subpage(name, args=args)


def note_listing(request, index):
    """Context of the index: the filter form, one page of notes, and what was ignored."""
    context = listing.note_listing(request, index)
    context["recommendations_url"] = subpage_url(request, index, "recommendations")
    return context


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
