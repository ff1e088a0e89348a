import pytest

from borgerraadgiver_plugin.privacy import contains_cpr, find_personal_data


def kinds(text, names=()):
    return [finding.kind for finding in find_personal_data(text, names)]


@pytest.mark.parametrize("text", [
    "Borgerens cpr er 010190-1234.",
    "cpr 0101901234 står i sagen",
    "Født 010190 1234",
    "CPR: 01 01 90 12 34",
    "CPR 010190-\n1234 blev nævnt",
    "CPR 010190\n-1234",
])
def test_cpr_numbers_are_found_in_every_common_spelling(text):
    assert kinds(text) == ["cpr"]
    assert contains_cpr(text)


@pytest.mark.parametrize("text", [
    "Sagsnummer 3213901234",  # day 32 is no date
    "Beløbet 011390-1234",  # month 13
    "Telefon 12345",
])
def test_numbers_without_a_real_date_are_not_cpr(text):
    assert not contains_cpr(text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Skriv til anne.hansen@example.dk", "email"),
    ("Ring på 56 57 57 57", "phone"),
    ("Ring på +45 56575757", "phone"),
    ("Ring på 2345 6789", "phone"),
    ("Se sag BR-2025-0042", "reference"),
])
def test_other_personal_data_is_found(text, kind):
    assert kinds(text) == [kind]


def test_names_are_found_across_line_breaks_and_case():
    assert kinds("Vi talte med anne\nHansen i går", names=["Anne Hansen"]) == ["name"]
    assert kinds("Annette Hansen", names=["Anne Hansen"]) == []


def test_clean_text_has_no_findings():
    assert find_personal_data(
        "Partshøring efter forvaltningslovens § 19 skal ske, før afgørelsen træffes. "
        "I 2025 fik 24 ud af 171 sager kritik."
    ) == []


def test_validate_no_cpr_refuses_a_cpr_number_and_lets_other_text_through():
    from django.core.exceptions import ValidationError

    from borgerraadgiver_plugin.privacy import validate_no_cpr

    validate_no_cpr("Mødet er den 010125 kl. 10")
    with pytest.raises(ValidationError) as info:
        validate_no_cpr("cpr 010190-1234")
    assert info.value.code == "cpr"
