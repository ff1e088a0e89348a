"""The public booking form: a free slot, a name, and a phone number or an e-mail address."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from ...public_forms import submission_key
from ...spam import SpamProtectedForm
from ...text import validate_name, validate_phone
from ..models.outreach import OutreachBooking
from .sessions import NOT_BOOKABLE, free_slots, slot_label, why_not_bookable


def slot_value(moment):
    """A slot as the form sends it: its start in UTC, ISO 8601."""
    return moment.astimezone(datetime.UTC).isoformat()


class BookingForm(SpamProtectedForm):
    """Book a time at a session by appointment. No question about the matter itself: the
    citizen tells that in person, so nothing about it is stored before the meeting."""

    # Each message names its field: the error summary lists the messages alone.
    slot = forms.TypedChoiceField(
        label=_("Choose a time"), widget=forms.RadioSelect, coerce=datetime.datetime.fromisoformat,
        error_messages={"required": _("Choose a time."),
                        "invalid_choice": _("That time is no longer free. Choose another time.")})
    name = forms.CharField(label=_("Your name"), max_length=150, validators=[validate_name],
                           widget=forms.TextInput(attrs={"autocomplete": "name"}),
                           error_messages={"required": _("Write your name.")})
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False,
                            validators=[validate_phone],
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "inputmode": "tel"}))
    email = forms.EmailField(label=_("E-mail"), required=False, max_length=254,
                             help_text=_("With an e-mail address you get a reminder the day "
                                         "before, with the time and place only."),
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    field_order = ["slot", "name", "phone", "email"]

    def __init__(self, data=None, *args, session=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.session = session
        # Sent back, any slot of the session is a valid answer and ``clean`` says whether it is
        # still free; shown, the form offers the free ones only.
        slots = ((session.slot_starts() if self.is_bound else free_slots(session))
                 if session is not None else [])
        self._offer(slots)

    def _offer(self, slots):
        self.fields["slot"].choices = [(slot_value(start), slot_label(start)) for start in slots]

    def clean(self):
        cleaned = super().clean()
        if self.is_bot:
            return cleaned
        if self.session is None:
            raise forms.ValidationError(NOT_BOOKABLE["past"], code="no_session")
        free = free_slots(self.session)
        self._offer(free)  # shown again after an error: the free times only
        reason = why_not_bookable(self.session)
        if reason is not None and not self._sent_before():
            raise forms.ValidationError(NOT_BOOKABLE[reason], code=reason)
        slot = cleaned.get("slot")
        if slot and slot not in free and not self._sent_before():
            self.add_error("slot", self.fields["slot"].error_messages["invalid_choice"])
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            self.add_error("phone", _("Give a phone number or an e-mail address, so we can "
                                      "reach you if the time changes."))
        return cleaned

    def _sent_before(self):
        """This very form, with these answers, was stored already (a double click): its
        booking is what took the slot, and the booking comes back instead of an error."""
        return bool(self.nonce) and OutreachBooking.objects.filter(
            submission_key=submission_key(self)).exists()
