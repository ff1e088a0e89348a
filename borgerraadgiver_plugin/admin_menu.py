"""The one "Borgerrådgiver" admin menu every part of the plugin adds its screens to."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .columns import YesNoColumn
from .models import Area, ReferralBody, Theme

#: Viewsets of other parts join the menu by setting ``menu_hook = MENU_HOOK``.
MENU_HOOK = "register_borgerraadgiver_menu_item"


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_order = 800
    menu_hook = MENU_HOOK
    list_display = ["name", "committee", "valid_from", "valid_to",
                    YesNoColumn("is_external", Area)]
    list_filter = ["is_external"]
    search_fields = ["name", "committee"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_order = 810
    menu_hook = MENU_HOOK
    list_display = ["name", "code", YesNoColumn("active", Theme)]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class ReferralBodyViewSet(SnippetViewSet):
    model = ReferralBody
    icon = "link-external"
    menu_order = 820
    menu_hook = MENU_HOOK
    list_display = ["name", "code", "phone", "appeal_deadline"]
    search_fields = ["name", "handles"]


class BorgerraadgiverMenu(SnippetViewSetGroup):
    menu_label = _("Citizen advisor")
    menu_name = "borgerraadgiver"
    menu_icon = "group"
    menu_order = 150
    submenu_hook = MENU_HOOK
    items = ()
