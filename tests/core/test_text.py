import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.text import (
    validate_name,
    validate_phone,
    validate_plain_text,
    visible_text,
)


@pytest.mark.parametrize("value", ["Anne\x00", "Anne \u202eneH", "a\u2066b", "bell\x07"])
def test_hostile_characters_are_refused(value):
    with pytest.raises(ValidationError):
        validate_plain_text(value)


def test_a_name_of_only_invisible_characters_is_refused():
    with pytest.raises(ValidationError):
        validate_name("\u200b\u200c\ufeff")


def test_ordinary_text_with_markup_passes_untouched():
    text = "<script>alert(1)</script> {{ 7*7 }} Æble, ø og å\nNy linje\tmed tab"
    validate_plain_text(text)
    assert visible_text(" Anne\u200b ") == "Anne"


@pytest.mark.parametrize("number", ["56575757", "56 57 57 57", "5657-5757", "+45 56 57 57 57",
                                    "(+45) 56.57.57.57", "+1 (212) 555-0100"])
def test_danish_and_international_phone_numbers_pass(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["ring til mig", "12ab", "5657575", "+45", "++45 56 57 57 57",
                                    "1234567890123456", "56 57 57 57 ext 2", "٥٦٥٧٥٧٥٧"])
def test_anything_else_is_refused_with_one_message(number):
    with pytest.raises(ValidationError) as info:
        validate_phone(number)
    assert info.value.code == "invalid_phone"
