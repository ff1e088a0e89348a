"""Hygiene for free text typed by citizens and staff: refuse what no person types on purpose.

NUL bytes break databases and logs; bidi overrides (U+202A-E, U+2066-9) can make a name or a
file name read differently on screen than it is stored; a name made only of invisible
characters is no name. Everything else is stored literally (in Unicode's composed form, NFC,
so "ø" typed as "o" plus a combining stroke is found by a search for "ø") and escaped wherever
shown. Phone numbers are checked the same way everywhere a person gives one.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_PHONE_SEPARATORS = re.compile(r"[ .()-]")


def normalise(value):
    """Text in NFC, the composed form every search and comparison expects."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def normalise_data(data):
    """A form's submitted data (a QueryDict or a dict) with every text value in NFC."""
    if data is None:
        return None
    if hasattr(data, "lists"):
        copy = data.copy()
        for key, values in data.lists():
            copy.setlist(key, [normalise(value) for value in values])
        return copy
    return {key: [normalise(item) for item in value] if isinstance(value, list | tuple)
            else normalise(value) for key, value in data.items()}


def validate_plain_text(value):
    if "\x00" in value:
        raise ValidationError(_("The text contains a NUL character. Please remove it."),
                              code="nul")
    if _BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("The text contains characters that change the reading direction. Please remove "
              "them."), code="bidi")
    if any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in value):
        raise ValidationError(_("The text contains control characters. Please remove them."),
                              code="control")


def visible_text(value):
    """``value`` without invisible characters and surrounding white space."""
    return _INVISIBLE.sub("", value).strip()


def validate_name(value):
    validate_plain_text(value)
    if value and not visible_text(value):
        raise ValidationError(_("The name contains only invisible characters."), code="invisible")


def validate_phone(value):
    """A Danish or international number: 8 to 15 digits, an optional leading ``+``, and
    spaces, dots, dashes or brackets anywhere between them."""
    digits = _PHONE_SEPARATORS.sub("", value or "").removeprefix("+")
    if not (digits.isascii() and digits.isdigit() and 8 <= len(digits) <= 15):
        raise ValidationError(
            _("Enter a phone number of 8 to 15 digits, e.g. 56 57 57 57 or +45 56 57 57 57."),
            code="invalid_phone",
        )
