"""The shared submission rules of the public forms, without HTTP."""

import unicodedata

from django import forms

from borgerraadgiver_plugin import public_forms, spam, text


class NameForm(spam.SpamProtectedForm):
    name = forms.CharField()
    topics = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)


def valid(**data):
    form = NameForm(data={"form_token": spam.issue_token(renewed=True), "name": "Anne", **data})
    assert form.is_valid(), form.errors
    return form


def test_the_fingerprint_covers_every_answer_and_ignores_the_token():
    assert public_forms.fingerprint(valid()) == public_forms.fingerprint(valid())
    assert public_forms.fingerprint(valid()) != public_forms.fingerprint(valid(topics=["a"]))
    assert public_forms.fingerprint(valid()) != public_forms.fingerprint(valid(name="Anna"))


def test_submitted_text_is_normalised_to_nfc():
    form = valid(name=unicodedata.normalize("NFD", "Åse Lindé"))
    assert form.cleaned_data["name"] == "Åse Lindé"
    assert text.normalise_data({"a": ["e\u0301"]}) == {"a": ["é"]}
