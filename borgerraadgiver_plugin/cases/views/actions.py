"""One admin screen per workflow step: a form, then the rule in :mod:`..workflow`."""

from dataclasses import dataclass

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import erasure as rights
from ... import rights_forms
from .. import admin_forms, survey, workflow
from .. import erasure as case_erasure
from ..models import Case, ComplaintFormPage
from .access import CaseAccessMixin, refuse

CHANGE_PERMISSION = "borgerraadgiver_cases.change_case"


@dataclass(frozen=True)
class Action:
    label: str
    form_class: type
    perform: callable
    message: str
    #: A page of its own (e.g. a confirmation that says what goes), else Wagtail's form page.
    template_name: str = ""
    #: Allowed on a duplicate merged into another case (which no workflow step may change).
    on_merged: bool = False
    #: ``fn(case)`` -> extra context for the page (what an erasure removes).
    context: callable = None


def _triage(case, user, data):
    workflow.triage(case, user, inquiry_type=data["inquiry_type"], origin=data["origin"],
                    area=data["area"], themes=data["themes"],
                    within_remit=data["within_remit"],
                    rejection_reason=data["rejection_reason"],
                    referral_bodies=data["referral_bodies"])
    if data.get("similar"):
        workflow.link(case, data["similar"], user)


def _close(case, user, data):
    workflow.close(case, user, outcome=data["outcome"], methods=data["methods"])
    if data["send_survey"]:
        survey.invite(case, ComplaintFormPage.survey_link)


ACTIONS = {
    "triage": Action(gettext_lazy("Triage"), admin_forms.TriageForm, _triage,
                     gettext_lazy("The case is triaged.")),
    "consent": Action(gettext_lazy("Record consent"), admin_forms.ConsentForm,
                      lambda c, u, d: workflow.record_consent(c, u, d["wording"]),
                      gettext_lazy("The consent is recorded.")),
    "representative": Action(
        gettext_lazy("Representative and power of attorney"), admin_forms.RepresentativeForm,
        lambda c, u, d: workflow.record_representative(c, u, **d),
        gettext_lazy("The representative and the power of attorney are recorded.")),
    "event": Action(gettext_lazy("Add to the timeline"), admin_forms.EventForm,
                    lambda c, u, d: workflow.add_event(c, u, **d),
                    gettext_lazy("The entry is added to the timeline.")),
    "acknowledge": Action(gettext_lazy("Acknowledge receipt"), admin_forms.EmptyForm,
                          lambda c, u, d: workflow.acknowledge(c, u),
                          gettext_lazy("Receipt is acknowledged.")),
    "forward": Action(gettext_lazy("Forward to the unit"), admin_forms.ForwardForm,
                      lambda c, u, d: workflow.forward(c, u, **d),
                      gettext_lazy("The case is forwarded.")),
    "answer": Action(gettext_lazy("Record the unit's answer"), admin_forms.AnswerForm,
                     lambda c, u, d: workflow.record_answer(
                         d["forwarding"], u, answered_on=d["answered_on"], upheld=d["upheld"]),
                     gettext_lazy("The answer is recorded.")),
    "statement-request": Action(
        gettext_lazy("Request a statement"), admin_forms.StatementRequestForm,
        lambda c, u, d: workflow.request_statement(c, u, **d),
        gettext_lazy("The statement is requested.")),
    "statement-received": Action(
        gettext_lazy("Statement received"), admin_forms.StatementReceivedForm,
        lambda c, u, d: workflow.record_statement(c, u, **d),
        gettext_lazy("The statement is recorded.")),
    "conclude": Action(gettext_lazy("The advisor's statement"), admin_forms.ConclusionForm,
                       lambda c, u, d: workflow.conclude_investigation(c, u, **d),
                       gettext_lazy("The advisor's statement is recorded.")),
    "pause": Action(gettext_lazy("Pause: waiting for the citizen"), admin_forms.ReasonForm,
                    lambda c, u, d: workflow.pause(c, u, **d),
                    gettext_lazy("The case is paused.")),
    "resume": Action(gettext_lazy("Resume"), admin_forms.EmptyForm,
                     lambda c, u, d: workflow.resume(c, u),
                     gettext_lazy("The case is resumed.")),
    "extend": Action(gettext_lazy("Extend a deadline"), admin_forms.ExtendForm,
                     lambda c, u, d: workflow.extend(c, u, **d),
                     gettext_lazy("The deadline is extended.")),
    "close": Action(gettext_lazy("Close the case"), admin_forms.CloseForm, _close,
                    gettext_lazy("The case is closed.")),
    "reopen": Action(gettext_lazy("Reopen the case"), admin_forms.ReasonForm,
                     lambda c, u, d: workflow.reopen(c, u, **d),
                     gettext_lazy("The case is reopened.")),
    "hold": Action(gettext_lazy("Legal hold"), admin_forms.ReasonForm,
                   lambda c, u, d: workflow.hold(c, u, **d),
                   gettext_lazy("The case is under a legal hold: retention will not "
                                "anonymise it.")),
    "lift-hold": Action(gettext_lazy("Lift the legal hold"), admin_forms.ReasonForm,
                        lambda c, u, d: workflow.lift_hold(c, u, **d),
                        gettext_lazy("The legal hold is lifted.")),
    "erase": Action(gettext_lazy("Erase on request"), rights_forms.ErasureForm,
                    lambda c, u, d: case_erasure.erase(c, u, reason=d["reason"],
                                                       decided_by=d["decided_by"]),
                    gettext_lazy("The case's personal data is erased. The case stays in the "
                                 "statistics without it."),
                    template_name="borgerraadgiver_cases/admin/erase.html", on_merged=True,
                    context=case_erasure.what_goes),
    "restrict": Action(gettext_lazy("Restrict use"), rights_forms.RestrictionForm,
                       lambda c, u, d: rights.restrict(c, u, reason=d["reason"]),
                       gettext_lazy("The case is restricted: it is kept, but hidden from "
                                    "listings, exports and lists until the restriction is "
                                    "lifted."),
                       template_name="borgerraadgiver/admin/restrict.html",
                       on_merged=True),
    "lift-restriction": Action(gettext_lazy("Lift the restriction"),
                               rights_forms.RestrictionForm,
                               lambda c, u, d: rights.lift_restriction(c, u,
                                                                       reason=d["reason"]),
                               gettext_lazy("The restriction is lifted: the case is listed "
                                            "again."),
                               template_name="borgerraadgiver/admin/restrict.html",
                               on_merged=True),
    "link": Action(gettext_lazy("Link to another case"), admin_forms.LinkForm,
                   lambda c, u, d: workflow.link(c, d["reference"], u, d["kind"]),
                   gettext_lazy("The cases are linked.")),
    "similar": Action(gettext_lazy("Link a similar earlier case"), admin_forms.SimilarCaseForm,
                      lambda c, u, d: workflow.link(c, d["other"], u),
                      gettext_lazy("The cases are linked.")),
    "merge": Action(gettext_lazy("Merge into another case"), admin_forms.OtherCaseForm,
                    lambda c, u, d: workflow.merge(c, d["reference"], u),
                    gettext_lazy("The case is merged.")),
}


class CaseActionView(CaseAccessMixin, WagtailAdminTemplateMixin, FormView):
    """``<case>/action/<name>/``: the form of one step; POST performs it or explains why not."""

    template_name = "wagtailadmin/generic/form.html"
    header_icon = "folder-open-inverse"
    inspect_url_name = None  # set by the viewset
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        self.case = get_object_or_404(Case, pk=kwargs["pk"])
        if not request.user.has_perm(CHANGE_PERMISSION):
            return refuse(request, self.case.pk)
        self.action = self.get_action(kwargs)
        if self.case.is_merged and not self.action.on_merged:
            messages.error(request, str(_refusal(self.case)))
            return redirect(self.inspect_url)
        return super().dispatch(request, *args, **kwargs)

    def get_action(self, kwargs):
        """The step this URL names; a view for one step of its own overrides this."""
        try:
            return ACTIONS[kwargs["action"]]
        except KeyError:
            raise Http404(_("Unknown step.")) from None

    @property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[self.case.pk])

    def get_form_class(self):
        return self.action.form_class

    def get_template_names(self):
        return [self.action.template_name or self.template_name]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case}

    def post(self, request, *args, **kwargs):
        # A stored file and the timeline entry it belongs to succeed or fail together.
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.case.reference

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse(self.index_url_name), "label": _("Cases")},
            {"url": self.inspect_url, "label": self.case.reference},
            {"url": "", "label": self.action.label},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context["submit_button_label"] = self.action.label
        context["submit_button_active_label"] = self.action.label
        context["case"] = context["record"] = self.case
        if self.action.context:
            context.update(self.action.context(self.case))
        return context

    def form_valid(self, form):
        try:
            self.action.perform(self.case, self.request.user, form.cleaned_data)
        except (workflow.WorkflowRefused, rights.RightsRefused) as refusal:
            form.add_error(None, str(refusal))
            messages.error(self.request, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, str(self.action.message))
        return redirect(self.inspect_url)


def _refusal(case):
    try:
        workflow.ensure_editable(case)
    except workflow.WorkflowRefused as refusal:
        return refusal
    return ""
