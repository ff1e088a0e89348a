"""A dashboard panel for the advisor: e-mails the outbox gave up on, so none fails silently."""

from wagtail.admin.ui.components import Component

from ..models import OutboxMessage, OutboxStatus
from .downloads import PERMISSION


class FailedMailPanel(Component):
    name = "borgerraadgiver_failed_mail"
    template_name = "borgerraadgiver_cases/panels/failed_mail.html"
    order = 90
    shown = 10

    def get_context_data(self, parent_context):
        failed = OutboxMessage.objects.filter(status=OutboxStatus.FAILED).order_by("-created_at")
        return {"messages": list(failed[:self.shown]), "count": failed.count()}


def add_panel(request, panels):
    if request.user.has_perm(PERMISSION) and OutboxMessage.objects.filter(
            status=OutboxStatus.FAILED).exists():
        panels.append(FailedMailPanel())
