"""Which records of an access request are probably one person: the rules, without HTTP."""

from borgerraadgiver_plugin.subject_access import Record, candidates, normalise, phone_digits


def record(key, name="", email="", phone=""):
    return Record(key=key, kind="", reference=key, instance=None, name=name, email=email,
                  phone=phone)


def grouped(*records):
    return sorted(sorted(r.key for r in candidate) for candidate in candidates(list(records)))


def test_records_sharing_an_email_or_a_phone_are_one_person():
    assert grouped(record("a", "Karen", email="K@example.invalid"),
                   record("b", "Karen B.", email="k@example.invalid", phone="20 30 40 50"),
                   record("c", "K. Blixen", phone="+45 20304050")) == [["a", "b", "c"]]


def test_two_people_of_one_name_with_different_contact_data_stay_two():
    assert grouped(record("a", "Jens Hansen", email="jens@example.invalid"),
                   record("b", "Jens Hansen", email="jh@example.invalid")) == [["a"], ["b"]]


def test_a_record_without_contact_data_joins_the_one_person_of_its_name():
    assert grouped(record("a", "Jens  Hansen", email="jens@example.invalid"),
                   record("b", "jens hansen")) == [["a", "b"]]


def test_a_record_without_contact_data_stays_apart_when_the_name_is_ambiguous():
    assert grouped(record("a", "Jens Hansen", email="jens@example.invalid"),
                   record("b", "Jens Hansen", email="jh@example.invalid"),
                   record("c", "Jens Hansen")) == [["a"], ["b"], ["c"]]


def test_records_with_only_the_same_name_are_one_candidate_and_nameless_ones_apart():
    assert grouped(record("a", "Ole"), record("b", "ole"), record("c"), record("d")) == \
        [["a", "b"], ["c"], ["d"]]


def test_phone_digits_drop_the_country_code_and_separators():
    assert phone_digits("+45 20 30-40.50") == phone_digits("0045 20304050") == "20304050"


def test_the_query_is_plain_text_with_spaces_collapsed():
    assert normalise("  Anne \t 100%_'; DROP ") == "Anne 100%_'; DROP"
