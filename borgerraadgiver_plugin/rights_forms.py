"""The forms of an erasure on request and of a restriction (rules: :mod:`.erasure`)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .privacy import validate_no_cpr
from .text import validate_plain_text


def _reason(help_text):
    return forms.CharField(
        label=_("Reason"), help_text=help_text, widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text, validate_no_cpr],
        error_messages={"required": _("Give a reason; it is kept as evidence of the "
                                      "decision.")})


class RightsForm(forms.Form):
    """A form on one record; the workflow views pass the record as ``case``."""

    def __init__(self, *args, case=None, **kwargs):
        self.record = case
        super().__init__(*args, **kwargs)


class ErasureForm(RightsForm):
    reason = _reason(_("Why the data is erased now, e.g. “The citizen's request of 3 "
                       "December, granted”. No names: the reason is kept."))
    decided_by = forms.CharField(
        label=_("Decided by"), required=False, max_length=200,
        validators=[validate_plain_text],
        help_text=_("Only if someone other than you decided, e.g. “The data protection "
                    "officer”."))
    confirm = forms.BooleanField(
        label=_("I understand that the personal data is removed for good and that this "
                "cannot be undone."),
        error_messages={"required": _("Tick the box to confirm that the data is to be "
                                      "removed for good.")})


class RestrictionForm(RightsForm):
    reason = _reason(_("Why the use is restricted, or why the restriction is lifted, e.g. "
                       "“The citizen disputes the accuracy (article 18)”. No names."))
