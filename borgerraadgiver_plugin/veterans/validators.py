"""Field validators shared by the veteran records and the public request form."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..privacy import validate_no_cpr
from ..text import validate_plain_text

_PHONE = re.compile(r"^\+?[0-9][0-9 .\-]{6,18}[0-9]$")


def validate_phone(value):
    """A Danish or international phone number: digits, spaces, dots or dashes, optional +."""
    digits = re.sub(r"\D", "", value or "")
    if not _PHONE.match((value or "").strip()) or not 8 <= len(digits) <= 15:
        raise ValidationError(
            _("Enter a phone number of 8 to 15 digits, e.g. 56 57 57 57 or +45 56 57 57 57."),
            code="invalid_phone",
        )



def validate_note(value):
    validate_plain_text(value)
    validate_no_cpr(value)
