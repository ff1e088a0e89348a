"""Staff intake (create) and editing of a case."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.snippets.views.snippets import CreateView, EditView

from ... import audit
from .. import deadlines, workflow
from ..documents import DocumentWriter
from ..models import CaseEvent
from ..models.timeline import EventKind
from .access import CaseAccessMixin


class CaseCreateView(CaseAccessMixin, CreateView):
    """Staff intake: a case from a call, letter, meeting, e-mail or outreach session."""

    inspect_url_name = None

    def save_instance(self):
        case = self.form.instance
        if case.acknowledgement_due is None:
            case.acknowledgement_due = deadlines.acknowledgement_due(
                timezone.localdate(case.received_at))
        if case.assigned_to_id is None:
            case.assigned_to = self.request.user
        with DocumentWriter() as documents:
            case = super().save_instance()
            event = CaseEvent.objects.create(
                case=case, kind=EventKind.NOTE, author=self.request.user,
                occurred_at=case.received_at,
                text=_("Registered by staff (%(channel)s).") % {
                    "channel": case.get_channel_display()},
            )
            if document := self.form.cleaned_data.get("document"):
                documents.add(document, case=case, event=event, uploaded_by=self.request.user)
            deadlines.refresh_next_deadline(case)
        return case

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])


class CaseEditView(CaseAccessMixin, EditView):
    """Editing is read-logged like inspecting, and refused on a merged case."""

    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        case = getattr(self, "object", None) or self.get_object()
        if case.is_merged:
            try:
                workflow.ensure_editable(case)
            except workflow.WorkflowRefused as refusal:
                messages.error(request, str(refusal))
            return redirect(reverse(self.inspect_url_name, args=[case.pk]))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        audit.record(request.user, self.object, audit.VIEW, screen="edit")
        return super().get(request, *args, **kwargs)

    def save_instance(self):
        case = super().save_instance()
        deadlines.refresh_next_deadline(case)
        return case
