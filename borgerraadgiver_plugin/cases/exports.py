"""Spreadsheet export of the case listing: which columns, and their values.

Dates and times are written in ISO 8601, times in Copenhagen time with their offset. The
citizen's own text and contact details are exported only when the advisor asks for them.
Streaming and formula neutralising are :mod:`borgerraadgiver_plugin.streaming`'s.
"""

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from .. import dates

BASE_COLUMNS = [
    "reference", "received_at", "channel", "requester_role", "representative_relation",
    "inquiry_type", "origin", "status", "area", "theme_names", "next_deadline", "outcome",
    "closed_at",
]
#: The party's identity and, apart from it, the representative's: never one for the other.
TEXT_COLUMNS = ["citizen_name", "citizen_email", "citizen_phone", "representative_name",
                "representative_email", "account"]

HEADINGS = {
    "theme_names": _("Themes"),
    "area": _("Area"),
    "representative_relation": _("Representative's relation to the party"),
    "representative_name": _("Representative's name"),
    "representative_email": _("Representative's e-mail"),
}
REPRESENTATIVE_COLUMNS = {"representative_relation": "get_relation_display",
                          "representative_name": "name", "representative_email": "email"}

INCLUDE_TEXT_PARAM = "with_text"


def export_columns(include_text=False):
    return BASE_COLUMNS + (TEXT_COLUMNS if include_text else [])


def choice_labels(model, fields):
    """``{field: {code: label}}`` for the choice fields among ``fields``, translated once.

    Django's ``get_FOO_display`` rebuilds and hashes the translated choices on every call,
    which dominates an export of thousands of rows.
    """
    labels = {}
    for name in fields:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a computed column such as theme_names
            field = None
        if field is None:
            continue
        if field.choices:
            labels[name] = {code: str(label) for code, label in field.flatchoices}
    return labels


def display_value(case, field, labels):
    """The label for choice fields, the name for the area, the text for everything else."""
    if field == "theme_names":
        return ", ".join(theme.name for theme in case.themes.all())
    if field == "area":
        return str(case.area) if case.area_id else ""
    if field in REPRESENTATIVE_COLUMNS:
        representative = getattr(case, "representative", None)
        if representative is None:
            return ""
        value = getattr(representative, REPRESENTATIVE_COLUMNS[field])
        return value() if callable(value) else value
    value = getattr(case, field)
    if field in labels:
        return labels[field].get(value, value)
    return dates.iso(value)
