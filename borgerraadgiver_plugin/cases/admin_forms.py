"""Forms of the advisor's workflow steps in the admin. Rules are in :mod:`.workflow`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import dates
from ..choices import (
    CaseOrigin,
    Channel,
    CriticismLevel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RejectionReason,
    RequesterRole,
    UpheldValue,
)
from ..models import Area, BorgerraadgiverSettings, ReferralBody, Theme
from ..privacy import validate_no_cpr
from ..text import validate_name, validate_phone, validate_plain_text
from . import deadlines, similar, uploads, workflow
from .advisors import AdvisorChoiceField, advisors
from .models import Case, CaseDocument, LetterTemplate, LinkKind
from .models.letters import PLACEHOLDER_HELP, LetterRecipient
from .models.timeline import EventKind
from .representation import PowerOfAttorneyScope, RepresentativeRelation

DEFAULT_CONSENT_WORDING = _(
    "The citizen agrees that the citizen advisor may contact the unit and its caseworker "
    "about the matter."
)


class AttachmentField(forms.FileField):
    """One file through the attachment policy (:mod:`.uploads`), with the advisor's types and
    the size limit of the advisor's settings; cleans to a :class:`~.uploads.CheckedFile`."""

    def __init__(self, **kwargs):
        # An empty file gets the policy's message, which names the file.
        super().__init__(allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        limits = uploads.Limits.from_settings(BorgerraadgiverSettings.current())
        return uploads.check_file(upload, limits, uploads.ADVISOR_TYPES)


class CaseForm(forms.Form):
    """A workflow form on one case; ``case`` is the case it acts on.

    The form opens on the case's current values (:meth:`initial_for`), so sending it unchanged
    changes nothing. Django's FormView always passes an ``initial`` of its own, which is laid
    over them rather than replacing them.
    """

    def __init__(self, *args, case, **kwargs):
        self.case = case
        kwargs["initial"] = {**self.initial_for(case), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def initial_for(self, case):
        """The values this step's fields open with; override per step."""
        return {}


def _text(label, required=True, **kwargs):
    return forms.CharField(label=label, required=required, widget=forms.Textarea(
        attrs={"rows": 4}), validators=[validate_plain_text, validate_no_cpr], **kwargs)


def _date(label, required=True, initial=timezone.localdate):
    return forms.DateField(label=label, required=required, initial=initial,
                           widget=dates.DateInput())


class SimilarCaseField(forms.ModelChoiceField):
    """One of the case's similar earlier cases (:mod:`.similar`), each shown by its label:
    reference, date, themes and outcome, never the text."""

    def __init__(self, suggestions, **kwargs):
        self.labels = {suggestion.case.pk: suggestion.label() for suggestion in suggestions}
        super().__init__(queryset=Case.objects.filter(pk__in=self.labels),
                         widget=forms.RadioSelect, **kwargs)

    def label_from_instance(self, obj):
        return self.labels[obj.pk]


class SimilarCaseForm(CaseForm):
    """Choose a similar earlier case to link this one to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"] = SimilarCaseField(
            similar.similar_cases(self.case), label=_("Similar earlier case"),
            empty_label=None, error_messages={
                "required": _("Choose the case to link to."),
                "invalid_choice": _("That case is no longer among the similar cases."),
            })


class TriageForm(CaseForm):
    inquiry_type = forms.ChoiceField(label=_("Type"), choices=InquiryType.choices)
    origin = forms.ChoiceField(label=_("Origin"), choices=CaseOrigin.choices)
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.all(), required=False)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    within_remit = forms.BooleanField(label=_("Within the advisor's remit"), required=False,
                                      initial=True)
    rejection_reason = forms.ChoiceField(
        label=_("Rejection reason"), required=False,
        choices=[("", "---------"), *RejectionReason.choices])
    referral_bodies = forms.ModelMultipleChoiceField(
        label=_("Referred to"), queryset=ReferralBody.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)

    def initial_for(self, case):
        return {
            "inquiry_type": case.inquiry_type, "origin": case.origin, "area": case.area_id,
            "themes": list(case.themes.all()) if case.pk else [],
            "within_remit": not case.rejection_reason,
            "rejection_reason": case.rejection_reason,
            "referral_bodies": list(case.referral_bodies.all()) if case.pk else [],
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        suggestions = similar.similar_cases(self.case)
        if suggestions:
            self.fields["similar"] = SimilarCaseField(
                suggestions, label=_("Link to a similar earlier case"), required=False,
                blank=True, empty_label=_("None of them"), help_text=_(
                    "Earlier cases like this one by text, theme and area. Choosing one links "
                    "the two cases."),
                error_messages={"invalid_choice": _(
                    "That case is no longer among the similar cases.")})

    def clean(self):
        data = super().clean()
        if not data.get("within_remit") and not data.get("rejection_reason"):
            self.add_error("rejection_reason",
                           _("A case outside the remit needs a rejection reason."))
        area = data.get("area")
        if area and not area.is_valid_on(timezone.localdate(self.case.received_at)):
            self.add_error("area", _("%(area)s was not a valid area when the case was received.")
                           % {"area": area})
        return data


class ConsentForm(CaseForm):
    wording = _text(_("Consent as given by the citizen"), initial=DEFAULT_CONSENT_WORDING)


class EventForm(CaseForm):
    KINDS = [EventKind.NOTE, EventKind.CALL, EventKind.MEETING, EventKind.LETTER_IN,
             EventKind.LETTER_OUT]
    kind = forms.ChoiceField(label=_("Kind"), choices=[(k.value, k.label) for k in KINDS])
    text = _text(_("Text"))
    internal = forms.BooleanField(
        label=_("Internal note"), required=False, initial=True,
        help_text=_("Internal entries are never shown or sent to the citizen."))
    with_unit = forms.BooleanField(
        label=_("Contact with the unit's caseworker"), required=False,
        help_text=_("Needs the citizen's consent. A meeting with the unit counts as mediation."))
    occurred_at = forms.DateTimeField(label=_("Time"), required=False,
                                      help_text=_("Leave empty for now."),
                                      widget=dates.DateTimeInput())
    attachment = AttachmentField(label=_("Document"), required=False)


class EmptyForm(CaseForm):
    """A confirmation: the step needs nothing more than a click."""


class ForwardForm(CaseForm):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Area.objects.filter(
        is_external=False))
    contact_person = forms.CharField(label=_("Contact person"), required=False, max_length=200,
                                     validators=[validate_plain_text])
    sent_on = _date(_("Sent"))
    poa_reason = forms.CharField(
        label=_("Why forward without a valid power of attorney?"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text, validate_no_cpr],
        help_text=_("Only when the representative's power of attorney is not valid: the reason "
                    "is kept on the timeline."))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if not case.has_representative:
            del self.fields["poa_reason"]
        else:
            self.power_of_attorney = case.power_of_attorney()
            if self.power_of_attorney.valid:
                del self.fields["poa_reason"]
            else:
                field = self.fields["poa_reason"]
                field.help_text = f"{self.power_of_attorney.text} {field.help_text}"

    def initial_for(self, case):
        return {"unit": case.area_id}


class RepresentativeForm(CaseForm):
    """The representative and the power of attorney; the file goes through the attachment
    policy and into the case's private documents."""

    name = forms.CharField(label=_("Representative's name"), max_length=200,
                           validators=[validate_plain_text, validate_name])
    relation = forms.ChoiceField(label=_("Relation to the party"),
                                 choices=RepresentativeRelation.choices)
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40,
                            validators=[validate_plain_text, validate_phone])
    address = _text(_("Postal address"), required=False, max_length=1000,
                    help_text=_("Where a letter to the representative is sent."))
    poa_received_on = _date(_("Power of attorney received"), required=False, initial=None)
    poa_scope = forms.ChoiceField(label=_("The power of attorney covers"),
                                  choices=PowerOfAttorneyScope.choices)
    poa_parts = _text(_("Parts covered"), required=False,
                      help_text=_("Only when it covers named parts of the case."))
    poa_valid_until = _date(_("Valid until"), required=False, initial=None)
    document = AttachmentField(label=_("The power of attorney (file)"), required=False,
                               help_text=_("Stored among the case's private documents."))
    poa_oral = forms.BooleanField(label=_("Oral power of attorney, noted"), required=False)
    poa_oral_note = _text(_("Note of the oral power of attorney"), required=False,
                          help_text=_("Who gave it, when and what it covers."))

    def initial_for(self, case):
        if not case.has_representative:
            return {}
        rep = case.representative
        return {name: getattr(rep, name) for name in (
            "name", "relation", "email", "phone", "address", "poa_received_on", "poa_scope",
            "poa_parts",
            "poa_valid_until", "poa_oral", "poa_oral_note")}

    def clean(self):
        cleaned = super().clean()
        until, received = cleaned.get("poa_valid_until"), cleaned.get("poa_received_on")
        if until and received and until < received:
            self.add_error("poa_valid_until", _(
                "The power of attorney cannot end before it was received."))
        has_document = cleaned.get("document") or (
            self.case.has_representative and self.case.representative.poa_document_id)
        if received and not cleaned.get("poa_oral") and not has_document and (
                "document" not in self.errors):
            self.add_error("document", _(
                "Attach the power of attorney, or mark it as oral and note it."))
        return cleaned


class AnswerForm(CaseForm):
    forwarding = forms.ModelChoiceField(label=_("Forwarding"), queryset=None)
    answered_on = _date(_("Answered"))
    upheld = forms.ChoiceField(label=_("Result"), required=False,
                               choices=[("", "---------"), *UpheldValue.choices])

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["forwarding"].queryset = case.forwardings.filter(answered_on__isnull=True)

    def initial_for(self, case):
        waiting = list(case.forwardings.filter(answered_on__isnull=True)[:2])
        return {"forwarding": waiting[0].pk} if len(waiting) == 1 else {}


class StatementRequestForm(CaseForm):
    questions = _text(_("Questions to the unit"))
    asked_on = _date(_("Requested"))

    def initial_for(self, case):
        return {"questions": case.investigation_questions}


class StatementReceivedForm(CaseForm):
    received_on = _date(_("Received"))


class ConclusionForm(CaseForm):
    statement = _text(_("The advisor's statement"))
    criticism_level = forms.ChoiceField(label=_("Criticism level"), required=False,
                                        choices=[("", "---------"), *CriticismLevel.choices])
    request_to_act = _text(_("Request to act (henstilling)"), required=False)

    def initial_for(self, case):
        return {"statement": case.advisor_statement, "criticism_level": case.criticism_level,
                "request_to_act": case.request_to_act}


class ReasonForm(CaseForm):
    reason = _text(_("Reason"), required=True, error_messages={
        "required": _("Give a reason; it is recorded on the timeline.")})


class ExtendForm(ReasonForm):
    deadline = forms.ChoiceField(label=_("Deadline"))
    new_due = _date(_("New date"), initial=None)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.open_deadlines = {self.key(d): d for d in deadlines.open_deadlines(case)}
        self.fields["deadline"].choices = [
            (key, f"{d.label} ({dates.show(d.due)})") for key, d in self.open_deadlines.items()]

    @staticmethod
    def key(deadline):
        return f"{deadline.kind}:{deadline.forwarding_id or ''}"

    def clean_deadline(self):
        return self.open_deadlines[self.cleaned_data["deadline"]]


class CloseForm(CaseForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "---------"), *Outcome.choices],
        error_messages={"required": _("Choose the outcome before closing the case.")})
    methods = forms.MultipleChoiceField(
        label=_("Handling methods used"), required=False, choices=HandlingMethod.choices,
        widget=forms.CheckboxSelectMultiple)
    send_survey = forms.BooleanField(
        label=_("Send the satisfaction survey"), required=False,
        help_text=_("One anonymous link by e-mail. Never sent for rejected cases or to a "
                    "citizen without an e-mail address."))

    def initial_for(self, case):
        return {"outcome": workflow.known_outcome(case),
                "methods": list(case.handling_methods.values_list("method", flat=True)),
                "send_survey": bool(case.citizen_email) and not case.rejection_reason}

    def clean(self):
        data = super().clean()
        if not data.get("methods") and not self.case.handling_methods.exists():
            self.add_error("methods",
                           _("Choose the handling methods used before closing the case."))
        return data


class OtherCaseForm(CaseForm):
    reference = forms.CharField(label=_("Reference of the other case"), max_length=30)

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        other = Case.objects.filter(reference=reference).first()
        if other is None:
            raise forms.ValidationError(_("There is no case %(reference)s.") % {
                "reference": reference})
        if other.pk == self.case.pk:
            raise forms.ValidationError(_("Choose another case than this one."))
        return other


class LinkForm(OtherCaseForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=LinkKind.choices)


class CaseAdminForm(WagtailAdminModelForm):
    """Staff intake and editing: the model's own rules plus the web form's text hygiene.

    A case typed in by staff comes from a call, a letter, a meeting, an e-mail or an outreach
    session; the web form is the only way a case gets the web-form channel.
    """

    NAME_FIELDS = ("citizen_name",)
    TEXT_FIELDS = ("citizen_phone", "citizen_address", "account")

    #: The version of the case the form was opened on; a save over a newer version is refused.
    #: Its panel is hidden, but the editor's minimap and screen readers still read the label.
    loaded_version = forms.CharField(label=_("Version when the form was opened"),
                                     required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()
        if "channel" in self.fields:
            self.fields["channel"].choices = [
                (value, label) for value, label in self.fields["channel"].choices
                if value != Channel.WEBFORM or self.instance.channel == Channel.WEBFORM]
        if "assigned_to" in self.fields:
            field = self.fields["assigned_to"]
            self.fields["assigned_to"] = AdvisorChoiceField(
                queryset=advisors(also=self.instance.assigned_to_id),
                required=False, label=field.label, help_text=field.help_text,
                widget=field.widget)
        for name in self.NAME_FIELDS:
            if name in self.fields:
                self.fields[name].validators.append(validate_name)
        for name in self.TEXT_FIELDS:
            if name in self.fields:
                self.fields[name].validators.extend([validate_plain_text, validate_no_cpr])

    def clean(self):
        data = super().clean()
        self.check_version(data.get("loaded_version"))
        anonymous = data.get("requester_role") == RequesterRole.ANONYMOUS
        named = any(data.get(name) for name in ("citizen_name", "citizen_email",
                                                "citizen_phone"))
        if data.get("inquiry_type") == InquiryType.COMPLAINT and not named and not anonymous:
            self.add_error("citizen_name", _(
                "A complaint needs the citizen's name or a way to reach them. Record an "
                "anonymous contact as guidance, or choose the requester 'Anonymous'."))
        received = data.get("received_at")
        if received and received > timezone.now():
            self.add_error("received_at", _("The case cannot be received in the future."))
        return data

    def check_version(self, loaded):
        """Two people editing one case: the second save would silently undo the first."""
        if not (self.instance.pk and loaded):
            return
        current = type(self.instance).objects.filter(pk=self.instance.pk).values_list(
            "updated_at", flat=True).first()
        if current and current.isoformat() != loaded:
            raise forms.ValidationError(_(
                "Someone else changed the case after you opened it. Your changes were not "
                "saved: open the case again to see the other changes, then make yours."
            ), code="conflict")


class CaseIntakeForm(CaseAdminForm):
    """Staff intake: a case typed in from a letter or an e-mail can bring the document it
    came with, checked like every other attachment."""

    document = AttachmentField(
        label=_("Document"), required=False,
        help_text=_("For example the letter the citizen sent. More documents can be added on "
                    "the timeline."))


class LetterForm(CaseForm):
    """A letter to the party or, on a case with a representative, to the representative: a
    template to start from, then the text as it will be sent. Without a valid power of
    attorney, a letter to the representative needs a reason (:func:`.letters.may_write_to`)."""

    recipient = forms.ChoiceField(label=_("Send the letter to"), widget=forms.RadioSelect,
                                  choices=LetterRecipient.choices, initial=LetterRecipient.PARTY)
    poa_reason = forms.CharField(
        label=_("Why write to the representative without a valid power of attorney?"),
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text, validate_no_cpr],
        help_text=_("Only for a letter to the representative whose power of attorney is not "
                    "valid: the reason is kept on the timeline."))
    template = forms.ModelChoiceField(
        label=_("Letter template"), queryset=LetterTemplate.objects.all(), required=False,
        help_text=_("Choose a template and press “Use template” to start from it."))
    subject = forms.CharField(label=_("Subject"), max_length=200, required=False,
                              validators=[validate_plain_text, validate_no_cpr])
    body = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(
        attrs={"rows": 14}), validators=[validate_plain_text, validate_no_cpr],
        help_text=PLACEHOLDER_HELP)

    field_order = ["recipient", "poa_reason", "template", "subject", "body"]

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if not case.has_representative:
            # Only the party can be written to: nothing to choose, nothing to explain.
            del self.fields["recipient"], self.fields["poa_reason"]
            return
        representative = case.representative
        self.fields["recipient"].choices = [
            (LetterRecipient.PARTY, _("The party: %(name)s") % {
                "name": case.citizen_name or "-"}),
            (LetterRecipient.REPRESENTATIVE, _("The representative: %(name)s (%(relation)s)") % {
                "name": representative.name, "relation": representative.get_relation_display()}),
        ]
        # The form's page shows the power of attorney's state above the choice.
        if case.power_of_attorney().valid:
            del self.fields["poa_reason"]


class CaseFileForm(CaseForm):
    """What goes into the case file, and its number in the records system."""

    include_internal = forms.BooleanField(
        label=_("Include internal entries"), required=False, initial=True,
        help_text=_("Internal entries are marked “Internal” in the case file."))
    leave_out = forms.ModelMultipleChoiceField(
        label=_("Leave out these documents"), queryset=CaseDocument.objects.none(),
        required=False, widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(
        label=_("Reason for leaving something out"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}), validators=[validate_plain_text],
        help_text=_("Required when documents or internal entries are left out; it is kept "
                    "on the timeline."))
    journal_number = forms.CharField(
        label=_("Journal number"), required=False, max_length=60,
        validators=[validate_plain_text],
        help_text=_("If you journalise the case file: its number in the records system. "
                    "The timeline then says when and as what it was journalised."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leave_out"].queryset = self.case.documents.order_by("uploaded_at", "id")
        self.fields["leave_out"].label_from_instance = lambda document: document.original_name

    def clean(self):
        data = super().clean()
        if (data.get("leave_out") or not data.get("include_internal")) \
                and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for leaving documents or internal "
                                       "entries out of the case file."))
        return data
