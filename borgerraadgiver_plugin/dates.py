"""How dates are written: one Danish date and one date-time format on screen, ISO 8601 in
date inputs and in exported files.

On screen a date is ``01.12.2026`` and a time ``01.12.2026 14:05`` (Django's short formats of
the active language), always in local time. Browsers accept only ``yyyy-mm-dd`` in
``<input type="date">``; a localised value there shows as an empty field.
"""

import datetime

from django import forms
from django.utils import formats, timezone

DATE_FORMAT = "SHORT_DATE_FORMAT"
DATETIME_FORMAT = "SHORT_DATETIME_FORMAT"


def show(value):
    """``value`` (a date or an aware date-time) as the case screens write it; "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return formats.date_format(value, DATETIME_FORMAT)
    return formats.date_format(value, DATE_FORMAT)


def iso(value):
    """``value`` in ISO 8601 for files: a date-time in local time with its offset."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class DateInput(forms.DateInput):
    """The browser's date picker, given the ISO value it understands."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """The browser's date-and-time picker (local time), given the value it understands."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
