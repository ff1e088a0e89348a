"""Admin screens of the learning part: recommendations and the reads report."""

import re

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from .. import audit
from ..admin_menu import MENU_HOOK, PluginSnippetViewSet
from ..models import Area, Theme
from ..refusal import forbidden
from . import drafts, read_counts, recommendations
from .models import LearningNotePage, NoteRead, Recommendation, RecommendationSource

CASE_VIEW_PERMISSION = "borgerraadgiver_cases.view_case"
READS_PERMISSION = "borgerraadgiver_learning.view_noteread"


class RecommendationCreateView(CreateView):
    def get_initial(self):
        """``?source_case=<id>`` (the link from a case) fills in the case, its area and source.

        Ignored when malformed, unknown, or when the user may not see cases.
        """
        from ..cases.models import Case

        initial = super().get_initial()
        raw = self.request.GET.get("source_case", "")
        if re.fullmatch(r"[0-9]{1,18}", raw) and self.request.user.has_perm(CASE_VIEW_PERMISSION):
            case = Case.objects.filter(pk=int(raw)).first()
            if case is not None:
                initial.update(source_case=case.pk, source=RecommendationSource.CASE,
                               area=case.area_id)
        return initial

    def save_instance(self):
        instance = super().save_instance()
        recommendations.record_status(instance, self.request.user)
        return instance


class RecommendationEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        recommendations.record_status(instance, self.request.user)
        return instance


class RecommendationInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "status_changes":
            return _("Status history")
        if field_name == "follow_up":
            return _("Follow-up")
        return super().get_field_label(field_name, field)

    def get_follow_up_display_value(self):
        return self.object.follow_up().label

    def get_status_changes_display_value(self):
        changes = self.object.status_changes.select_related("changed_by")
        if not changes:
            return "-"
        return format_html("<ol>{}</ol>", format_html_join(
            "", "<li>{} – {}{}</li>",
            ((f"{change.changed_at:%d-%m-%Y %H:%M}", change.get_status_display(),
              f": {change.comment}" if change.comment else "") for change in changes),
        ))


class RecommendationViewSet(PluginSnippetViewSet):
    admin_path = "learning/recommendations"
    model = Recommendation
    icon = "pick"
    menu_order = 300
    menu_hook = MENU_HOOK
    add_view_class = RecommendationCreateView
    edit_view_class = RecommendationEditView
    inspect_view_class = RecommendationInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["text", "kind", "area", "source", "issued_on", "addressee",
                           "due_on", "status", "follow_up", "implemented_on", "evidence",
                           "decline_reason", "response", "council_response", "status_changes"]
    list_display = ["text", "area", "kind", "status", "issued_on", "due_on",
                    Column("follow_up_label", label=_("Follow-up"),
                           accessor=lambda recommendation: recommendation.follow_up().label)]
    list_filter = ["status", "kind", "source", "area"]
    search_fields = ["text", "addressee", "response"]
    ordering = ["-issued_on"]

    def case_action(self, case, user):
        """The "Add recommendation" button on a case (``cases``' ``CASE_ACTIONS_HOOK``): the
        new recommendation starts from the case, its area and source."""
        if not self.permission_policy.user_has_permission(user, "add"):
            return None
        return {"label": _("Add recommendation"),
                "url": f"{reverse(self.get_url_name('add'))}?source_case={case.pk}"}

    panels = [
        FieldPanel("text"),
        MultiFieldPanel([
            FieldPanel("kind"),
            FieldPanel("area"),
            FieldPanel("addressee"),
            FieldPanel("source"),
            FieldPanel("source_case", permission=CASE_VIEW_PERMISSION),
            FieldPanel("issued_on"),
            FieldPanel("due_on"),
        ], heading=_("Recommendation")),
        MultiFieldPanel([
            FieldPanel("status"),
            FieldPanel("implemented_on"),
            FieldPanel("evidence"),
            FieldPanel("decline_reason"),
            FieldPanel("response"),
            FieldPanel("council_response"),
        ], heading=_("Follow-up")),
    ]


class ReadsReportView(WagtailAdminTemplateMixin, TemplateView):
    """Reads per note and per area: counts only. Superusers may open the readers of a note."""

    template_name = "borgerraadgiver_learning/admin/reads_report.html"
    page_title = _("Reads of learning notes")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(READS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(notes=read_counts.counts_per_note(), areas=read_counts.counts_per_area(),
                       show_readers=self.request.user.is_superuser)
        return context


class NoteReadersView(WagtailAdminTemplateMixin, TemplateView):
    """Who read one note: for superusers only (the advisor sees counts)."""

    template_name = "borgerraadgiver_learning/admin/note_readers.html"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        self.note = get_object_or_404(LearningNotePage, pk=kwargs["note_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Readers of “%(title)s”") % {"title": self.note.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        audit.record(self.request.user, self.note, audit.VIEW, what="readers")
        context.update(note=self.note, report_url=reverse("borgerraadgiver_learning_reads"),
                       reads=NoteRead.objects.filter(note=self.note)
                       .select_related("user").order_by("-read_at"))
        return context


@require_POST
def start_note_view(request):
    """Start a draft learning note from a pattern (``theme`` and optional ``area`` by id) and
    open it in the page editor."""
    index = drafts.index_for(request.user)
    if index is None:
        audit.record_denied(request, LearningNotePage)
        return forbidden(request)
    theme = Theme.objects.filter(pk=_id(request.POST.get("theme"))).first()
    area = Area.objects.filter(pk=_id(request.POST.get("area"))).first()
    if theme is None:
        messages.error(request, _("The pattern's theme no longer exists; no note was started."))
        back = request.POST.get("back", "")
        safe = url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})
        return redirect(back if safe else "wagtailadmin_home")
    note = drafts.start_note(index, request.user, theme, area)
    messages.success(request, _("A draft learning note has been started. Write it, check it "
                                "for personal data and publish it when it is ready."))
    return redirect("wagtailadmin_pages:edit", note.pk)


def _id(value):
    return int(value) if value and re.fullmatch(r"[0-9]{1,18}", value) else None
