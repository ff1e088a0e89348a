"""The outbox screen: the e-mails the system owes people, and sending a failed one again.

Each person sees the e-mails of the kinds they may see (:mod:`..message_kinds`): the advisor the
case e-mails, the veteran coordinator the registry's notices, whichever parts are installed.
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from .. import audit, outbox
from ..admin_menu import MENU_HOOK
from ..message_kinds import visible_to
from ..models import OutboxMessage, OutboxStatus
from ..refusal import forbidden

RETRY = "retry"


def visible_messages(user):
    return OutboxMessage.objects.filter(visible_to(user))


class RetryLinkMixin:
    retry_url_name = None  # set by the viewset

    def retry_url(self, message):
        """Where ``message`` can be sent again, if it failed and the user may do that."""
        if message.status == OutboxStatus.FAILED and self.user_has_permission(RETRY):
            return reverse(self.retry_url_name, args=[quote(message.pk)])
        return None


class OutboxIndexView(RetryLinkMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(visible_to(self.request.user))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := self.retry_url(instance):
            buttons.append(MenuItem(_("Send again"), url=url, icon_name="resubmit", priority=5))
        return buttons


class OutboxInspectView(RetryLinkMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible_messages(self.request.user), pk=unquote(str(self.pk)))

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if url := self.retry_url(self.object):
            buttons.append(Button(_("Send again"), url=url, icon_name="resubmit", priority=5))
        return buttons


class RetryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """``retry/<pk>/``: GET asks, POST puts the failed e-mail back in the queue."""

    model = OutboxMessage
    template_name = "borgerraadgiver/outbox/confirm_retry.html"
    page_title = gettext_lazy("Send again")
    header_icon = "mail"
    index_url_name = None
    inspect_url_name = None

    def dispatch(self, request, pk):
        self.object = get_object_or_404(visible_messages(request.user), pk=unquote(str(pk)))
        if not self.user_has_permission(RETRY):
            audit.record_denied(request, OutboxMessage, self.object.pk)
            return forbidden(request)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse(self.index_url_name),
             "label": OutboxMessage._meta.verbose_name_plural.capitalize()},
            {"url": reverse(self.inspect_url_name, args=[quote(self.object.pk)]),
             "label": str(self.object)},
            {"url": "", "label": self.page_title},
        ]

    @property
    def back_url(self):
        return f"{reverse(self.index_url_name)}?status={OutboxStatus.FAILED}"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "message": self.object,
                "failed": self.object.status == OutboxStatus.FAILED, "back_url": self.back_url}

    def post(self, request, pk):
        if outbox.retry(self.object):
            audit.record(request.user, self.object, audit.RETRY)
            messages.success(request, _("The e-mail is back in the queue and will be sent "
                                        "again shortly."))
        else:
            messages.warning(request, _("The e-mail has not failed, so it was left as it is."))
        return redirect(self.back_url)


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    name = "borgerraadgiver_outbox"
    url_prefix = "borgerraadgiver/outbox"
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mails")
    menu_order = 900
    menu_hook = MENU_HOOK
    add_to_admin_menu = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    list_display = ["reference", "kind", "subject", "status", "attempts", "created_at"]
    list_filter = ["status", "kind"]
    search_fields = ["reference", "subject"]
    inspect_view_enabled = True
    inspect_view_fields = ["reference", "kind", "recipient", "subject", "body", "status",
                           "attempts", "next_attempt_at", "last_error", "created_at", "sent_at"]
    # Nobody is given add/change/delete on the outbox; the form exists only because
    # Wagtail's viewset wants one.
    form_fields = ["subject"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(retry_url_name=self.get_url_name("retry"),
                                              **kwargs)

    @property
    def retry_view(self):
        return self.construct_view(RetryView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(),
                path(f"retry/<{self.pk_path_converter}:pk>/", self.retry_view, name="retry")]
