"""The citizen's complaint and inquiry form. Rules about what the answers mean live in
:mod:`.triage`; what happens to a valid form lives in :mod:`.intake`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import InquiryType
from ..models.taxonomy import current_areas
from ..spam import SpamProtectedForm
from ..text import validate_name, validate_phone, validate_plain_text
from . import triage, uploads
from .models.case import ContactPreference
from .models.survey import ReturnChoice, SurveyAnswerChoice
from .representation import RepresentativeRelation

UNKNOWN_AREA = "unknown"
YES, NO, DONT_KNOW = "yes", "no", "unknown"
ACCOUNT_MAX_LENGTH = 10000

CONSENT_WORDING = _(
    "The citizen advisor may contact the caseworker or the manager in my case and see the "
    "papers of the case."
)

# Choice values are plain strings (``.value``): every form deep-copies its choices, and a str
# is copied for nothing where an enum member is copied the long way round.
INQUIRY_CHOICES = [
    (InquiryType.COMPLAINT.value, _("I want to complain")),
    (InquiryType.GUIDANCE.value, _("I need guidance or advice")),
    (InquiryType.WAYFINDING.value, _("I need help finding the right place in the municipality")),
    (InquiryType.SUGGESTION.value, _("I have a suggestion for improvement")),
]
ELSEWHERE_CHOICES = [
    (triage.ELSEWHERE_NO, _("No, or I don't know")),
    (triage.ELSEWHERE_APPEAL, _("Yes, an appeal body (for example Ankestyrelsen)")),
    (triage.ELSEWHERE_SUPERVISION, _("Yes, Ankestyrelsen's supervision of the municipalities")),
    (triage.ELSEWHERE_OMBUDSMAN, _("Yes, the Parliamentary Ombudsman")),
    (triage.ELSEWHERE_COURT, _("Yes, a court")),
]
CONCERNS_CHOICES = [
    (triage.CONCERNS_POLITICAL, _("A political decision, for example the level of service")),
    (triage.CONCERNS_EMPLOYMENT, _("My own employment at the municipality")),
    (triage.CONCERNS_OTHER_AUTHORITY, _(
        "Another authority than the municipality, for example Udbetaling Danmark, the tax "
        "agency, Familieretshuset or the region"
    )),
]
CONTACTED_CHOICES = [(YES, _("Yes")), (NO, _("No")), (DONT_KNOW, _("I don't know"))]
ANSWERED_CHOICES = [(YES, _("Yes")), (NO, _("No, not yet"))]
CONTACT_CHOICES = [(ContactPreference.EMAIL.value, _("E-mail")),
                   (ContactPreference.PHONE.value, _("Phone"))]
DATE_FORMATS = ["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%y"]
TO_BOOL = {YES: True, NO: False}

class TriageOptionsMixin:
    """Marks options that point outside the remit, so the page can explain it at once."""

    def __init__(self, *args, triage_keys=None, **kwargs):
        self.triage_keys = triage_keys or {}
        super().__init__(*args, **kwargs)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if key := self.triage_keys.get(str(value)):
            option["attrs"]["data-triage"] = key
        return option


class TriageRadioSelect(TriageOptionsMixin, forms.RadioSelect):
    pass


class TriageCheckboxes(TriageOptionsMixin, forms.CheckboxSelectMultiple):
    pass


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Zero or more files; the checks that matter are in :mod:`.uploads`."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


def _text(label, max_length, validators=(), **kwargs):
    return forms.CharField(label=label, max_length=max_length, required=False,
                           validators=[validate_plain_text, *validators], **kwargs)


class ComplaintForm(SpamProtectedForm):
    """What the citizen wants, what happened, where the matter stands, and who they are."""

    inquiry_type = forms.ChoiceField(
        label=_("What do you want?"), choices=INQUIRY_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want from the citizen advisor.")},
    )
    area = forms.ChoiceField(
        label=_("Which part of the municipality does it concern?"), choices=(),
        error_messages={"required": _("Choose the part of the municipality, or 'I don't know'.")},
    )
    account = forms.CharField(
        label=_("What happened?"), max_length=ACCOUNT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}), validators=[validate_plain_text],
        help_text=_("Tell in your own words what happened and what you want. Do not write your "
                    "CPR number or other people's health information."),
        error_messages={"required": _("Write what happened.")},
    )
    matter_date = forms.DateField(
        label=_("When did it happen?"), required=False, input_formats=DATE_FORMATS,
        help_text=_("The date of the decision or the event, for example 14-03-2026. An "
                    "approximate date is fine."),
        error_messages={"invalid": _("Write the date as day-month-year, for example "
                                     "14-03-2026.")},
    )
    unit_contacted = forms.ChoiceField(
        label=_("Have you contacted the part of the municipality that has your case?"),
        choices=CONTACTED_CHOICES, required=False, widget=forms.RadioSelect,
    )
    unit_answered = forms.ChoiceField(
        label=_("If so: have they answered you?"), choices=ANSWERED_CHOICES, required=False,
        widget=forms.RadioSelect,
    )
    elsewhere = forms.ChoiceField(
        label=_("Is the matter before another body?"), choices=ELSEWHERE_CHOICES,
        required=False, initial=triage.ELSEWHERE_NO,
        widget=TriageRadioSelect(triage_keys={key: key for key in triage.RULES}),
        help_text=_("For example an appeal you have sent, or a case at the Ombudsman or in "
                    "court."),
    )
    concerns = forms.MultipleChoiceField(
        label=_("Does the matter concern any of these?"), choices=CONCERNS_CHOICES,
        required=False, widget=TriageCheckboxes(triage_keys={key: key for key in triage.RULES}),
        help_text=_("Tick what fits. Leave empty if none of them fits."),
    )
    name = _text(_("Your name"), 200, [validate_name], widget=forms.TextInput(
        attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, required=False, validators=[validate_plain_text],
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a receipt with your reference number here."),
    )
    phone = _text(_("Phone"), 40, [validate_phone], widget=forms.TextInput(
        attrs={"autocomplete": "tel", "type": "tel"}))
    contact_preference = forms.ChoiceField(
        label=_("How would you like to be contacted?"), choices=CONTACT_CHOICES,
        required=False, widget=forms.RadioSelect,
    )
    consent_contact_unit = forms.BooleanField(label=CONSENT_WORDING, required=False, help_text=_(
        "The citizen advisor has a duty of confidentiality and only contacts the municipality "
        "about your case if you allow it. Without it the advisor can do less for you."))
    on_behalf = forms.BooleanField(
        label=_("I am writing on behalf of someone else"), required=False,
        help_text=_("You need a power of attorney from the person you write for. The citizen "
                    "advisor will ask you for it."),
    )
    on_behalf_of = _text(_("Name of the person you write for"), 200, [validate_name])
    representative_relation = forms.ChoiceField(
        label=_("How are you related to them?"), required=False, widget=forms.RadioSelect,
        choices=RepresentativeRelation.choices, initial=RepresentativeRelation.RELATIVE)
    power_of_attorney = forms.FileField(
        label=_("Power of attorney"), required=False, allow_empty_file=True,
        help_text=_("Attach the power of attorney signed by the person you write for. If you "
                    "do not have it yet, the citizen advisor will ask you for it."))
    attachments = MultipleFileField(
        label=_("Attachments"),
        help_text=_("For example the letter or decision you got. PDF, JPEG, PNG, HEIC, DOCX, "
                    "ODT or TXT; at most %(count)s files, %(mb)s MB each."),
    )

    def __init__(self, *args, page=None, limits=None, areas=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.limits = limits or uploads.Limits()
        self.allow_anonymous = getattr(page, "allow_anonymous_guidance", True)
        self.areas = list(areas) if areas is not None else current_areas()
        area_field = self.fields["area"]
        area_field.widget = TriageRadioSelect(triage_keys={
            str(area.pk): triage.EXTERNAL_AREA_KEY for area in self.areas if area.is_external})
        area_field.choices = [(str(area.pk), area.name) for area in self.areas] + [
            (UNKNOWN_AREA, _("I don't know"))]
        if getattr(page, "allow_attachments", True) and self.limits.max_files:
            field = self.fields["attachments"]
            field.help_text = field.help_text % {"count": self.limits.max_files,
                                                 "mb": self.limits.max_file_bytes // uploads.MB}
        else:
            del self.fields["attachments"]
            del self.fields["power_of_attorney"]
        if self.allow_anonymous:
            self.fields["name"].help_text = _(
                "You may ask for guidance without giving your name. A complaint needs your "
                "name and a way to reach you.")

    def clean_area(self):
        value = self.cleaned_data["area"]
        return next((area for area in self.areas if str(area.pk) == value), None)

    def clean_attachments(self):
        checked, errors = uploads.check_files(self.cleaned_data.get("attachments") or [],
                                              self.limits)
        if errors:
            raise forms.ValidationError(errors)
        return checked

    def clean_power_of_attorney(self):
        upload = self.cleaned_data.get("power_of_attorney")
        if not upload:
            return None
        checked, errors = uploads.check_files([upload], self.limits)
        if errors:
            raise forms.ValidationError(errors)
        return checked[0]

    def clean_matter_date(self):
        day = self.cleaned_data.get("matter_date")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."), code="future")
        return day

    def clean(self):
        cleaned = super().clean()
        if self.is_bot:
            return cleaned
        name, email, phone = (cleaned.get(key) for key in ("name", "email", "phone"))
        anonymous = not (name or email or phone)
        inquiry_type = cleaned.get("inquiry_type")
        if anonymous and not ("name" in self.errors or "email" in self.errors
                              or "phone" in self.errors):
            if inquiry_type == InquiryType.COMPLAINT or not self.allow_anonymous:
                self.add_error("name", forms.ValidationError(
                    _("Write your name, so the citizen advisor knows who complains."),
                    code="name_required"))
        elif not anonymous:
            if not name and "name" not in self.errors and inquiry_type == InquiryType.COMPLAINT:
                self.add_error("name", forms.ValidationError(
                    _("Write your name, so the citizen advisor knows who complains."),
                    code="name_required"))
            if not (email or phone) and not ("email" in self.errors or "phone" in self.errors):
                self.add_error("email", forms.ValidationError(
                    _("Write an e-mail address or a phone number, so the citizen advisor can "
                      "answer you."), code="contact_required"))
        preference = cleaned.get("contact_preference")
        if preference == ContactPreference.EMAIL and not email and "email" not in self.errors:
            self.add_error("email", forms.ValidationError(
                _("Write your e-mail address, or choose another way to be contacted."),
                code="email_required"))
        if preference == ContactPreference.PHONE and not phone and "phone" not in self.errors:
            self.add_error("phone", forms.ValidationError(
                _("Write your phone number, or choose another way to be contacted."),
                code="phone_required"))
        if cleaned.get("on_behalf") and not cleaned.get("on_behalf_of") and (
                "on_behalf_of" not in self.errors):
            self.add_error("on_behalf_of", forms.ValidationError(
                _("Write the name of the person you write for."), code="on_behalf_required"))
        return cleaned

    def selected_triage_keys(self):
        """Triage keys of the answers as sent (valid or not), to explain them after a submit."""
        if not self.is_bound:
            return []
        keys = [self.data.get(self.add_prefix("elsewhere"), "")]
        keys += self.data.getlist(self.add_prefix("concerns")) if hasattr(
            self.data, "getlist") else []
        area = self.data.get(self.add_prefix("area"), "")
        if any(str(item.pk) == area and item.is_external for item in self.areas):
            keys.append(triage.EXTERNAL_AREA_KEY)
        return [key for key in keys if key in triage.RULES]

    def triage_answers(self):
        data = self.cleaned_data
        area = data.get("area")
        return {
            "elsewhere": data.get("elsewhere") or "",
            "concerns": data.get("concerns") or (),
            "area_is_external": bool(area and area.is_external),
            "matter_date": data.get("matter_date"),
        }


class StatusLinkForm(SpamProtectedForm):
    """Ask for the link to one's inquiry again: it goes only to the address on the case."""

    reference = forms.CharField(
        label=_("Reference number"), max_length=30,
        help_text=_("It is on your receipt, for example BR-2026-0012."),
        error_messages={"required": _("Write the reference number from your receipt.")},
    )
    email = forms.EmailField(
        label=_("Your e-mail address"), max_length=254,
        help_text=_("The address you gave when you wrote to the citizen advisor."),
        error_messages={"required": _("Write your e-mail address."),
                        "invalid": _("Write the e-mail address as name@example.dk.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class SurveyForm(SpamProtectedForm):
    """The satisfaction survey: three questions and a comment, all anonymous."""

    heard = forms.ChoiceField(
        label=_("Did you feel heard?"), choices=SurveyAnswerChoice.choices,
        widget=forms.RadioSelect, error_messages={"required": _("Choose an answer.")})
    understood = forms.ChoiceField(
        label=_("Did you understand the citizen advisor's answer?"),
        choices=SurveyAnswerChoice.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")})
    would_return = forms.ChoiceField(
        label=_("Would you contact the citizen advisor again?"), choices=ReturnChoice.choices,
        widget=forms.RadioSelect, error_messages={"required": _("Choose an answer.")})
    comment = forms.CharField(
        label=_("Anything else you want to tell us?"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}), validators=[validate_plain_text],
        help_text=_("Do not write names, addresses or other personal information: the answer "
                    "is anonymous."))
