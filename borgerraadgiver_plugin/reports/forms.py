"""The statistics screen's period picker and the rules for its URL parameters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..dates import DateInput
from .statistics import PeriodError, make_period
from .statistics.engine import TABLE_IDS

#: The parameters the statistics screen reads; anything else in its URL is refused.
PARAMETERS = ("start", "end", "export", "table")
EXPORT_FORMATS = ("csv", "xlsx")
INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"]


def parameter_errors(query):
    """Messages for unknown or repeated parameters of ``query`` (a QueryDict)."""
    errors = []
    for name in query:
        if name not in PARAMETERS:
            errors.append(_("The address has a parameter the statistics do not know: "
                            "“%(name)s”.") % {"name": name[:40]})
        elif len(query.getlist(name)) > 1:
            errors.append(_("The address gives “%(name)s” more than once.") % {"name": name})
    return errors


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), input_formats=INPUT_FORMATS, widget=DateInput,
                            error_messages={"invalid": _("Write the first day as a date, for "
                                                         "example 01.01.2025.")})
    end = forms.DateField(label=_("To (included)"), input_formats=INPUT_FORMATS,
                          widget=DateInput,
                          error_messages={"invalid": _("Write the last day as a date, for "
                                                       "example 31.12.2025.")})
    export = forms.ChoiceField(choices=[(value, value) for value in EXPORT_FORMATS],
                               required=False, widget=forms.HiddenInput)
    table = forms.ChoiceField(choices=[(value, value) for value in TABLE_IDS], required=False,
                              widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if "start" in cleaned and "end" in cleaned:
            try:
                cleaned["period"] = make_period(cleaned["start"], cleaned["end"])
            except PeriodError as error:
                raise forms.ValidationError(str(error)) from None
        if cleaned.get("export") and not cleaned.get("table"):
            self.add_error("table", _("Choose the table to export."))
        return cleaned
