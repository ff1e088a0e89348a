"""Spreadsheet export of the case listing: which columns, and how values are made safe.

A cell that a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab or carriage
return first) is written with a leading apostrophe, in CSV and XLSX alike. The citizen's own
text and contact details are exported only when the advisor asks for them.
"""

from django.utils.translation import gettext_lazy as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

BASE_COLUMNS = [
    "reference", "received_at", "channel", "inquiry_type", "origin", "status", "area",
    "theme_names", "next_deadline", "outcome", "closed_at",
]
TEXT_COLUMNS = ["citizen_name", "citizen_email", "citizen_phone", "account"]

HEADINGS = {
    "theme_names": _("Themes"),
    "area": _("Area"),
}

INCLUDE_TEXT_PARAM = "with_text"


def neutralise(value):
    """``value`` with anything a spreadsheet would evaluate turned into plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_columns(include_text=False):
    return BASE_COLUMNS + (TEXT_COLUMNS if include_text else [])


def display_value(case, field):
    """The label for choice fields, the name for the area, the text for everything else."""
    if field == "theme_names":
        return ", ".join(theme.name for theme in case.themes.all())
    if field == "area":
        return str(case.area) if case.area_id else ""
    display = getattr(case, f"get_{field}_display", None)
    if display is not None:
        return display()
    return getattr(case, field)
