import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.text import validate_name, validate_plain_text, visible_text


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
