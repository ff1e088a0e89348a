"""A read-only view of the outbox, so the advisor can see e-mails that could not be sent."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from ...admin_menu import MENU_HOOK
from ...models import OutboxMessage


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    name = "borgerraadgiver_outbox"
    url_prefix = "borgerraadgiver/outbox"
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    menu_order = 900
    menu_hook = MENU_HOOK
    add_to_admin_menu = True
    list_display = ["reference", "kind", "subject", "status", "attempts", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "subject"]
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "kind", "recipient", "subject", "body", "status",
                           "attempts", "next_attempt_at", "last_error", "created_at", "sent_at"]
    # Nobody is given add/change/delete on the outbox; the form exists only because
    # Wagtail's viewset wants one.
    form_fields = ["subject"]
