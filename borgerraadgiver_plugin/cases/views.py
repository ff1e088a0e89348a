"""Admin screens for cases. Business rules live in the models and rule modules, not here."""

from wagtail.snippets.views.snippets import SnippetViewSet

from ..admin_menu import MENU_HOOK
from .models import Case


class CaseViewSet(SnippetViewSet):
    model = Case
    icon = "folder-open-inverse"
    menu_order = 100
    menu_hook = MENU_HOOK
    list_display = ["reference", "received_at", "inquiry_type", "area", "status"]
    list_filter = ["status", "inquiry_type", "channel"]
    search_fields = ["reference"]
    ordering = ["-received_at"]
    inspect_view_enabled = True
