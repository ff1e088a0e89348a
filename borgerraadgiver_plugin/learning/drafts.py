"""A learning note started from a pattern the statistics found: a draft with the theme and the
area ticked, for the advisor to write. Nothing personal goes into it, only vocabulary names."""

from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from .models.notes import LearningNotePage
from .models.pages import LearningNoteIndexPage


def index_for(user):
    """The first learning-note index ``user`` may add notes to, or None."""
    for index in LearningNoteIndexPage.objects.order_by("path"):
        if index.permissions_for_user(user).can_add_subpage():
            return index
    return None


def start_note(index, user, theme, area=None):
    """Save a draft note under ``index`` about ``theme`` (in ``area``) and return it."""
    names = {"theme": theme.name, "area": area.name if area else ""}
    title = (_("Pattern: %(theme)s in %(area)s") if area else _("Pattern: %(theme)s")) % names
    note = LearningNotePage(
        title=title, slug=find_available_slug(index, slugify(title)[:200] or "moenster"),
        summary=_("Draft: more complaints about %(theme)s than in the period before. Describe "
                  "the pattern and what the units can learn from it.") % names,
        body=[("text", format_html("<p>{}</p>", _(
            "Write the pattern, an anonymised example and the recommendation here. No names "
            "or CPR numbers.")))],
        owner=user, live=False,
    )
    note.themes = [theme]
    note.areas = [area] if area else []
    index.add_child(instance=note)
    note.save_revision(user=user)
    return note
