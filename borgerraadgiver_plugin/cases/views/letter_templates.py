"""The letter templates (brevskabeloner) under the "Borgerrådgiver" menu, with Wagtail's
preview panel showing a template as a letter to an invented citizen."""

from django.utils.translation import gettext_lazy as _

from ...admin_menu import MENU_HOOK, PluginSnippetViewSet
from ..models import LetterTemplate


class LetterTemplateViewSet(PluginSnippetViewSet):
    model = LetterTemplate
    admin_path = "cases/letter-templates"
    icon = "mail"
    menu_label = _("Letter templates")
    menu_order = 130
    menu_hook = MENU_HOOK
    list_display = ["name", "subject"]
    search_fields = ["name", "subject", "body"]
