"""The public contact-request form and the admin forms of the registry."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .. import dates
from ..spam import SpamProtectedForm
from ..text import normalise_data, validate_name
from . import consent as rules
from .choices import ActivityKind, ContactRole
from .meetings import check_meeting_units
from .models.contact import MunicipalTouchpoint, VeteranContact
from .validators import validate_note, validate_phone

MESSAGE_MAX = 1000


class ContactRequestForm(SpamProtectedForm):
    """Kontakt veterankoordinatoren. Only what the coordinator needs to call back."""

    # Each message names its field: the error summary lists the messages alone.
    role = forms.ChoiceField(
        label=_("I am"), choices=ContactRole.choices, widget=forms.RadioSelect,
        initial=ContactRole.VETERAN,
        error_messages={"required": _("Choose whether you are a veteran or a relative.")})
    name = forms.CharField(label=_("Your name"), max_length=150, validators=[validate_name],
                           widget=forms.TextInput(attrs={"autocomplete": "name"}),
                           error_messages={"required": _("Write your name.")})
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False,
                            validators=[validate_phone],
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "inputmode": "tel"}))
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    best_time = forms.CharField(label=_("When is it best to call you?"), max_length=100,
                                required=False, validators=[validate_note])
    message = forms.CharField(
        label=_("What would you like to talk about?"), required=False,
        max_length=MESSAGE_MAX, validators=[validate_note, MaxLengthValidator(MESSAGE_MAX)],
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("A few words are enough. Please do not write your CPR number or health "
                    "details."))
    consent = forms.BooleanField(
        label=_("I agree that the veteran coordinator registers my name, contact details and "
                "this request in order to contact me. I can withdraw my consent at any time."),
        error_messages={"required": _("We can only contact you if you agree to be "
                                      "registered.")})

    field_order = ["role", "name", "phone", "email", "best_time", "message", "consent"]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", _("Give a phone number or an e-mail address so we can "
                                      "contact you."))
        return cleaned


def _label_contacts(field, queryset):
    field.queryset = queryset
    field.label_from_instance = lambda contact: contact.display_name


class VeteranContactForm(WagtailAdminModelForm):
    def __init__(self, data=None, *args, **kwargs):
        # Names in NFC, as on the request page, so one spelling finds both.
        super().__init__(normalise_data(data), *args, **kwargs)
        if "veteran" in self.fields:
            veterans = VeteranContact.objects.unrestricted().filter(anonymised_at__isnull=True)
            if self.instance.pk:
                veterans = veterans | VeteranContact.objects.filter(
                    pk__in=[self.instance.pk, self.instance.veteran_id])
            _label_contacts(self.fields["veteran"], veterans)


class CoordinationRecordForm(WagtailAdminModelForm):
    """Activity and referral forms: contacts are listed by name, anonymised ones left out.

    On the activity form, a coordination meeting must name the units that took part, each
    still valid on the meeting's day: the same rule as the coordination screen's
    (:func:`.meetings.check_meeting_units`), so both ways of logging a meeting agree."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "contact" in self.fields:
            contacts = VeteranContact.objects.unrestricted().filter(anonymised_at__isnull=True)
            if self.instance.pk:
                contacts = contacts | VeteranContact.objects.filter(pk=self.instance.contact_id)
            contacts = contacts.distinct()
            _label_contacts(self.fields["contact"], contacts)
            if "touchpoints" in self.fields:
                self._touchpoint_choices(contacts)

    def _touchpoint_choices(self, contacts):
        field = self.fields["touchpoints"]
        field.error_messages["invalid_choice"] = _("Choose among the contact's units.")
        field.error_messages["invalid_pk_value"] = _("Choose among the contact's units.")
        touchpoints = MunicipalTouchpoint.objects.filter(contact__in=contacts)
        chosen = self.data.get(self.add_prefix("contact")) if self.is_bound else None
        contact_id = str(chosen or self.instance.contact_id or self.initial.get("contact") or "")
        if contact_id.isdigit():
            field.queryset = touchpoints.filter(contact_id=contact_id).select_related("area")
            field.label_from_instance = lambda touchpoint: touchpoint.label
        else:
            # No contact chosen yet: each unit says whose it is.
            field.queryset = touchpoints.select_related("area", "contact")
            field.label_from_instance = lambda touchpoint: (
                f"{touchpoint.contact.display_name}: {touchpoint.label}")

    def clean(self):
        cleaned = super().clean()
        if ("touchpoints" in self.fields
                and cleaned.get("kind") == ActivityKind.COORDINATION_MEETING
                and cleaned.get("contact") and cleaned.get("date")
                and "touchpoints" not in self.errors):
            try:
                check_meeting_units(cleaned["contact"], list(cleaned.get("touchpoints") or []),
                                    cleaned["date"])
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned


class CoordinationFilterForm(forms.Form):
    """The overview's filters: a unit (area) and "no coordination activity for N weeks"."""

    area = forms.ModelChoiceField(label=_("Unit"), queryset=None, required=False,
                                  empty_label=_("All units"))
    weeks = forms.IntegerField(
        label=_("No coordination activity for (weeks)"), min_value=0, max_value=260,
        required=False,
        help_text=_("0 shows everyone in contact with two or more units."),
        error_messages={"min_value": _("Write a number of weeks from 0 to 260."),
                        "max_value": _("Write a number of weeks from 0 to 260."),
                        "invalid": _("Write a number of weeks from 0 to 260.")})

    def __init__(self, *args, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = areas


class CoordinationMeetingForm(forms.Form):
    """One coordination meeting about a contact, naming the units that took part."""

    date = forms.DateField(label=_("Date of the meeting"), widget=dates.DateInput(),
                           initial=rules.today)
    touchpoints = forms.ModelMultipleChoiceField(
        label=_("Units taking part"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose among the contact's units."),
                        "invalid_pk_value": _("Choose among the contact's units.")})
    participants = forms.CharField(label=_("Participants"), max_length=255, required=False,
                                   validators=[validate_note],
                                   help_text=_("Left empty: the units named above."))
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           validators=[validate_note, MaxLengthValidator(2000)],
                           widget=forms.Textarea(attrs={"rows": 4}),
                           help_text=_("What was agreed; no diagnoses or case content."))
    follow_up = forms.DateField(label=_("Follow-up date"), required=False,
                                widget=dates.DateInput())

    def __init__(self, *args, contact, **kwargs):
        super().__init__(*args, **kwargs)
        self.contact = contact
        field = self.fields["touchpoints"]
        # Every unit of the contact is a choice, so an ended one gets the rule's own message.
        field.queryset = contact.touchpoints.select_related("area")
        field.label_from_instance = lambda touchpoint: touchpoint.label
