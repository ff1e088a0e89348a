"""The one "Borgerrådgiver" admin menu every part of the plugin adds its screens to, and the one
scheme of admin URLs they share."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .columns import YesNoColumn
from .models import Area, ReferralBody, Theme

#: Viewsets of other parts join the menu by setting ``menu_hook = MENU_HOOK``.
MENU_HOOK = "register_borgerraadgiver_menu_item"
#: Every admin URL of the plugin lies under ``/admin/borgerraadgiver/``.
ADMIN_PATH = "borgerraadgiver"


class PluginSnippetViewSet(SnippetViewSet):
    """A snippet viewset on the plugin's scheme of admin URLs: its screens at
    ``/admin/borgerraadgiver/<admin_path>/``, its chooser at ``<admin_path>/choose/``, and URL
    names in the namespace ``<app label>_<model name>`` (``..._chooser`` for the chooser)."""

    #: English words in the plural, the part first: "areas", "learning/recommendations".
    admin_path = None

    @cached_property
    def url_prefix(self):
        return f"{ADMIN_PATH}/{self.admin_path}"

    @cached_property
    def url_namespace(self):
        return f"{self.app_label}_{self.model_name}"

    def get_chooser_admin_base_path(self):
        return f"{self.url_prefix}/choose"

    def get_chooser_admin_url_namespace(self):
        return f"{self.url_namespace}_chooser"


class AreaViewSet(PluginSnippetViewSet):
    admin_path = "areas"
    model = Area
    icon = "site"
    menu_order = 800
    menu_hook = MENU_HOOK
    list_display = ["name", "committee", "valid_from", "valid_to",
                    YesNoColumn("is_external", Area)]
    list_filter = ["is_external"]
    search_fields = ["name", "committee"]


class ThemeViewSet(PluginSnippetViewSet):
    admin_path = "themes"
    model = Theme
    icon = "tag"
    menu_order = 810
    menu_hook = MENU_HOOK
    list_display = ["name", "code", YesNoColumn("active", Theme)]
    list_filter = ["active"]
    search_fields = ["name", "code"]


class ReferralBodyViewSet(PluginSnippetViewSet):
    admin_path = "referral-bodies"
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
