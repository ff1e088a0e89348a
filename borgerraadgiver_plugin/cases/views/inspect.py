"""The case as one page: facts, deadlines, timeline, forwardings, links and the next steps."""

import datetime
from functools import cached_property

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.views.snippets import InspectView

from ... import audit, dates
from ...choices import CaseStatus
from .. import deadlines, similar, workflow
from ..advisors import advisor_name
from ..models import CaseLink
from .access import CaseAccessMixin
from .actions import ACTIONS

#: Other parts add buttons to a case's next steps with this hook (the learning part's "Add
#: recommendation"): ``fn(case, user)`` returns ``{"label": ..., "url": ...}``, or None to add
#: nothing for this case or user.
CASE_ACTIONS_HOOK = "register_borgerraadgiver_case_action"

#: Steps offered on an open case, in the order an advisor usually takes them.
OPEN_STEPS = ["triage", "event", "consent", "representative", "acknowledge", "forward", "answer",
              "statement-request", "statement-received", "conclude", "pause", "resume",
              "extend", "close", "link", "similar", "merge"]


class CaseInspectView(CaseAccessMixin, InspectView):
    page_title = gettext_lazy("Case overview")
    action_url_name = None  # set by the viewset
    inspect_url_name = None
    template_name = "borgerraadgiver_cases/admin/inspect.html"

    def get(self, request, *args, **kwargs):
        audit.record(request.user, self.object, audit.VIEW, screen="inspect")
        return super().get(request, *args, **kwargs)

    def get_field_display_value(self, field_name, field):
        # Wagtail would print True/False, None and English date formats.
        value = getattr(self.object, field_name, None)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, datetime.date):
            return dates.show(value)
        if isinstance(value, get_user_model()):
            return advisor_name(value)
        shown = super().get_field_display_value(field_name, field)
        return "-" if shown in (None, "") else shown

    def documents(self):
        """Every file on the case, the citizen's own uploads included."""
        return self.object.documents.select_related("event", "uploaded_by")

    def steps(self):
        case = self.object
        # The person's rights apply to a merged duplicate too; no workflow step does.
        rights = [] if case.anonymised_at else [
            "lift-restriction" if case.restricted_at else "restrict", "erase"]
        if case.status == CaseStatus.MERGED:
            return self.own_steps(rights)
        names = ["reopen", "event", "link"] if case.status == CaseStatus.CLOSED else OPEN_STEPS
        if not case.anonymised_at:
            names = [*names, "lift-hold" if case.legal_hold else "hold"]
        if case.paused_at:
            names = [name for name in names if name != "pause"]
        else:
            names = [name for name in names if name != "resume"]
        if case.acknowledged_at:
            names = [name for name in names if name != "acknowledge"]
        if case.consent_contact_unit:
            names = [name for name in names if name != "consent"]
        if not case.forwardings.filter(answered_on__isnull=True).exists():
            names = [name for name in names if name != "answer"]
        if not case.statement_requested_on or case.statement_received_on:
            names = [name for name in names if name != "statement-received"]
        if not self.similar_cases:
            names = [name for name in names if name != "similar"]
        return self.own_steps([*names, *rights]) + self.registered_actions()

    def own_steps(self, names):
        return [{"label": ACTIONS[name].label,
                 "url": reverse(self.action_url_name, args=[self.object.pk, name])}
                for name in names]

    @cached_property
    def similar_cases(self):
        return similar.similar_cases(self.object)

    def registered_actions(self):
        """The buttons other parts add with :data:`CASE_ACTIONS_HOOK`, after the case's own."""
        actions = (fn(self.object, self.request.user) for fn in hooks.get_hooks(CASE_ACTIONS_HOOK))
        return [action for action in actions if action]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        events = (case.events.select_related("author").prefetch_related("documents")
                  .order_by("-occurred_at", "-id"))
        context.update({
            "case": case,
            "events": events,
            "documents": self.documents(),
            "forwardings": case.forwardings.select_related("unit"),
            "open_deadlines": deadlines.open_deadlines(case),
            "today": timezone.localdate(),
            "handling_methods": case.handling_methods.all(),
            "letters": case.letters.select_related("outbox_message", "document"),
            "links_from": CaseLink.objects.filter(case=case).select_related("other"),
            "links_to": CaseLink.objects.filter(other=case).select_related("case"),
            "merged_cases": case.merged_cases.all(),
            "same_person": workflow.same_person_cases(case).unrestricted()[:20],
            "similar_cases": self.similar_cases,
            "steps": self.steps(),
            "representative": case.representative if case.has_representative else None,
            "power_of_attorney": case.power_of_attorney() if case.has_representative else None,
            "recommendations": list(case.recommendations.all())
            if hasattr(case, "recommendations") else [],
            "inspect_url_name": self.inspect_url_name,
        })
        return context
