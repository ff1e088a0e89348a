from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PlainCase


class PlainCaseViewSet(SnippetViewSet):
    """A stock listing with the case listing's columns: the benchmark's baseline."""

    model = PlainCase
    add_to_admin_menu = False
    list_display = ["reference", "received_at", "inquiry_type", "area", "status",
                    "next_deadline", "assigned_to"]


register_snippet(PlainCaseViewSet)
