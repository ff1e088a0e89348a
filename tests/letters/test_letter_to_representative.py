"""A letter to the representative, through the rendered letter form: sent under a valid power of
attorney, refused under an expired one unless the advisor says why, refused with no address;
the timeline, the letter record and the backend's envelope say who it went to."""

import datetime
import json

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases import letters
from borgerraadgiver_plugin.cases.delivery import FileBackend
from borgerraadgiver_plugin.cases.models import CaseEvent, Letter
from borgerraadgiver_plugin.models import OutboxMessage
from borgerraadgiver_plugin.outbox import deliver_due
from borgerraadgiver_plugin.storage import private_storage
from tests.cases.admin_helpers import url
from tests.cases.rendered_form import rendered_form
from tests.factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

FORM = "#w-editor-form"


def letter_form(client, case):
    response = client.get(url("letter", case.pk))
    assert response.status_code == 200
    return response.content.decode(), rendered_form(response.content.decode(), FORM)[1]


def post(client, case, data, button="send"):
    return client.post(url("letter", case.pk), {**data, button: ""})


def expired(case):
    today = timezone.localdate()
    return RepresentativeFactory(case=case, poa_received_on=today - datetime.timedelta(days=90),
                                 poa_valid_until=today - datetime.timedelta(days=1))


def test_the_form_offers_the_party_and_the_representative(advisor_client, case):
    RepresentativeFactory(case=case)
    html, data = letter_form(advisor_client, case)
    assert "Repræsentanten: Advokat Lise Holm (Advokat)" in html
    assert "Parten: Anne Hansen" in html
    assert data["recipient"] == ["PARTY"]  # the party unless the advisor chooses otherwise
    assert "poa_reason" not in data  # valid power of attorney: nothing to explain


def test_a_case_without_a_representative_offers_no_choice(advisor_client, case):
    html, data = letter_form(advisor_client, case)
    assert "recipient" not in data and "poa_reason" not in data


def test_a_template_letter_to_the_representative_under_a_valid_power_of_attorney_is_sent(
        advisor_client, case, template):
    RepresentativeFactory(case=case)
    _, data = letter_form(advisor_client, case)
    data.update(recipient=["REPRESENTATIVE"], template=[str(template.pk)])
    data = rendered_form(post(advisor_client, case, data, "use_template").content.decode(),
                         FORM)[1]
    assert data["body"][0].startswith("Kære Advokat Lise Holm")  # {navn} names the recipient
    assert data["recipient"] == ["REPRESENTATIVE"]

    response = post(advisor_client, case, data, "preview")
    html = response.content.decode()
    assert 'aria-labelledby="letter-preview"' in html
    assert "Torvet 3" in html and "Hovedgaden 1" not in html

    response = post(advisor_client, case, rendered_form(html, FORM)[1])
    assert response.status_code == 302, response.content.decode()[-2000:]
    letter = Letter.objects.get()
    assert letter.recipient == "REPRESENTATIVE"
    assert letter.recipient_name == "Advokat Lise Holm"
    assert letter.recipient_address == "Advokathuset\nTorvet 3\n4600 Køge"
    assert letter.event.text == f"Brev til repræsentanten (Advokat): {letter.subject}"
    assert "til repræsentanten" in OutboxMessage.objects.get().body
    assert not case.events.filter(text__contains="uden gyldig fuldmagt").exists()

    assert deliver_due() == (1, 0)
    letter.refresh_from_db()
    envelope = json.loads(private_storage().open(
        f"{FileBackend.folder}/{letter.dispatch_id}/letter.json").read())
    assert envelope["recipient_role"] == "REPRESENTATIVE"
    assert envelope["recipient_name"] == "Advokat Lise Holm"
    assert case.events.filter(text__startswith="Leveret til repræsentanten").exists()
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert f"Til repræsentanten: {letter.subject}" in html


def test_a_letter_to_the_representative_whose_power_of_attorney_expired_is_refused(
        advisor_client, case):
    expired(case)
    html, data = letter_form(advisor_client, case)
    assert "Fuldmagten udløb" in html
    data.update(recipient=["REPRESENTATIVE"], subject=["Status"], body=["Kære {navn}"])
    for button in ("preview", "send"):
        response = post(advisor_client, case, data, button)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Fuldmagten udløb" in page
        assert "Repræsentanten må ikke orienteres om sagen uden en gyldig fuldmagt" in page
    assert not Letter.objects.exists() and not OutboxMessage.objects.exists()


def test_the_party_can_still_be_written_to_when_the_power_of_attorney_expired(
        advisor_client, case):
    expired(case)
    _, data = letter_form(advisor_client, case)
    data.update(subject=["Status"], body=["Kære {navn}"])
    assert post(advisor_client, case, data).status_code == 302
    letter = Letter.objects.get()
    assert (letter.recipient, letter.recipient_name, letter.body) == (
        "PARTY", "Anne Hansen", "Kære Anne Hansen")


def test_an_expired_power_of_attorney_with_a_reason_sends_and_records_the_reason(
        advisor_client, case):
    expired(case)
    _, data = letter_form(advisor_client, case)
    assert "poa_reason" in data
    data.update(recipient=["REPRESENTATIVE"], subject=["Status"], body=["Kære {navn}"],
                poa_reason=["Parten bad i telefonen i dag om, at advokaten får brevet."])
    response = post(advisor_client, case, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    letter = Letter.objects.get()
    assert letter.recipient == "REPRESENTATIVE" and letter.body == "Kære Advokat Lise Holm"
    note = CaseEvent.objects.get(case=case, kind="NOTE",
                                 text__startswith="Brev sendt til repræsentanten")
    assert note.text.endswith("Parten bad i telefonen i dag om, at advokaten får brevet.")
    assert note.internal
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Parten bad i telefonen i dag" in html


def test_a_representative_with_no_address_gets_a_clear_message(advisor_client, case):
    RepresentativeFactory(case=case, address="")
    html, data = letter_form(advisor_client, case)
    assert "Repræsentanten har intet navn og ingen postadresse" in html
    assert "disabled" not in html.split('name="send"')[1][:40]  # the party can be written to
    data.update(recipient=["REPRESENTATIVE"], subject=["Status"], body=["Tekst"])
    response = post(advisor_client, case, data)
    assert response.status_code == 200
    assert "Repræsentanten har intet navn og ingen postadresse" in \
        response.content.decode()
    assert not Letter.objects.exists()


def test_the_rule_refuses_without_http_too(advisor, case):
    expired(case)
    with pytest.raises(letters.WorkflowRefused):
        letters.send_letter(case, advisor, subject="Status", body="Tekst",
                            recipient=letters.REPRESENTATIVE)
    assert not Letter.objects.exists()
