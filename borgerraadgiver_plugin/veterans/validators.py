"""Field validators shared by the veteran records and the public request form."""

from ..privacy import validate_no_cpr
from ..text import validate_phone, validate_plain_text

__all__ = ["validate_no_cpr", "validate_note", "validate_phone"]


def validate_note(value):
    validate_plain_text(value)
    validate_no_cpr(value)
