"""Panels on the Wagtail home page: e-mails that failed or waited too long (each person sees
those they may see in the outbox), and, to whoever edits the settings, that retention is off."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import outbox
from .choices import RetentionMode
from .message_kinds import visible_to
from .models import BorgerraadgiverSettings, OutboxMessage, OutboxStatus

OUTBOX_URL = "borgerraadgiver_outbox:index"
VIEW_PERMISSION = "borgerraadgiver.view_outboxmessage"
SETTINGS_PERMISSION = "borgerraadgiver.change_borgerraadgiversettings"
SHOWN = 5


def outbox_url(status):
    return f"{reverse(OUTBOX_URL)}?status={status}"


class OutboxPanel(Component):
    """A panel about the e-mails of one outbox status, with a link to them in the outbox."""

    status = None

    def __init__(self, messages):
        self.messages = messages

    def get_context_data(self, parent_context=None):
        return {"count": self.messages.count(), "link": outbox_url(self.status),
                **self.details()}

    def details(self):
        return {}


class FailedMailPanel(OutboxPanel):
    name = "borgerraadgiver_outbox_failures"
    order = 53
    template_name = "borgerraadgiver/panels/failed_mail.html"
    status = OutboxStatus.FAILED

    def details(self):
        return {"failed": list(self.messages[:SHOWN])}


class DelayedMailPanel(OutboxPanel):
    """E-mails waiting too long: nothing has failed yet, but nothing is being sent either."""

    name = "borgerraadgiver_outbox_delayed"
    order = 54
    template_name = "borgerraadgiver/panels/delayed_mail.html"
    status = OutboxStatus.PENDING

    def details(self):
        return {"oldest": self.messages.first()}


class RetentionOffPanel(Component):
    """Nothing is anonymised until the municipality has chosen what retention does."""

    name = "borgerraadgiver_retention_off"
    order = 52
    template_name = "borgerraadgiver/panels/retention_off.html"

    def get_context_data(self, parent_context=None):
        return {"link": reverse("wagtailsettings:edit",
                                args=["borgerraadgiver", "borgerraadgiversettings"])}


def panels_for(user):
    panels = []
    if (user.has_perm(SETTINGS_PERMISSION)
            and BorgerraadgiverSettings.current().retention_mode == RetentionMode.OFF):
        panels.append(RetentionOffPanel())
    if not user.has_perm(VIEW_PERMISSION):
        return panels
    failed = OutboxMessage.objects.filter(visible_to(user), status=OutboxStatus.FAILED)
    if failed.exists():
        panels.append(FailedMailPanel(failed))
    waiting = outbox.delayed().filter(visible_to(user))
    if waiting.exists():
        panels.append(DelayedMailPanel(waiting))
    return panels
