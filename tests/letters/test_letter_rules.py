"""Letters without HTTP: placeholders, the refusals, the stored letter and its delivery
through the outbox and a backend that works, fails, hangs or refuses."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from borgerraadgiver_plugin.cases import delivery, letters, placeholders
from borgerraadgiver_plugin.cases.models import CaseEvent, Letter, LetterTemplate
from borgerraadgiver_plugin.cases.workflow import WorkflowRefused
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from borgerraadgiver_plugin.outbox import MAX_ATTEMPTS, deliver_due, retry
from borgerraadgiver_plugin.storage import private_storage
from tests.factories import CaseFactory, ForwardingFactory, UserFactory

from . import backends

pytestmark = pytest.mark.django_db


def test_placeholders_are_filled_from_the_case(case):
    ForwardingFactory(case=case)
    user = UserFactory(first_name="Bo", last_name="Rådgiver")
    known = placeholders.values(case, user)
    text = placeholders.fill("{sagsnummer} {navn} {enhed} {raadgiver}", known)
    assert text == f"{case.reference} Anne Hansen {case.area} Bo Rådgiver"


def test_a_template_with_an_unknown_placeholder_is_refused_naming_it():
    template = LetterTemplate(name="x", subject="Hej {navn}", body="Din sag {sagsnr} og {fejl}")
    with pytest.raises(ValidationError) as refused:
        template.full_clean()
    assert "{sagsnr}, {fejl}" in str(refused.value.message_dict["body"])
    assert "subject" not in refused.value.message_dict


def test_a_letter_to_a_case_with_no_address_is_refused_and_nothing_is_stored(groups, template):
    case = CaseFactory(citizen_address="")
    with pytest.raises(WorkflowRefused, match="postadresse"):
        letters.send_letter(case, None, subject="Emne", body="Tekst")
    assert not Letter.objects.exists() and not OutboxMessage.objects.exists()
    assert not case.documents.exists() and not case.events.exists()


def test_an_unknown_placeholder_typed_in_the_letter_is_refused(case):
    with pytest.raises(WorkflowRefused, match=r"\{sagsnr\}"):
        letters.send_letter(case, None, subject="Emne", body="Sag {sagsnr}")
    assert not Letter.objects.exists()


def test_a_sent_letter_is_on_the_timeline_with_its_pdf_and_queued(case, template):
    subject, body = letters.draft(case, None, template)
    letter = letters.send_letter(case, None, subject=subject, body=body, template=template)
    assert letter.subject == f"Kvittering for din henvendelse {case.reference}"
    assert letter.body.startswith("Kære Anne Hansen")
    assert letter.event.kind == "LETTER_OUT" and not letter.event.internal
    assert letter.document.content_type == "application/pdf"
    assert letter.document.event == letter.event
    with letter.document.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    message = letter.outbox_message
    assert message.kind == "case.letter" and message.status == OutboxStatus.PENDING
    # The outbox row names the case, never the letter's text or the citizen.
    assert "Anne" not in message.body + message.subject and message.recipient == ""


def deliver(**kwargs):
    return deliver_due(**kwargs)


def test_the_file_backend_writes_what_would_be_sent_and_the_receipt_goes_on_the_timeline(
        case, template):
    letter = letters.send_letter(case, None, subject="Kvittering", body="Kære {navn}")
    assert deliver() == (1, 0)
    letter.refresh_from_db()
    assert letter.dispatch_id.startswith("file-") and letter.delivered_at
    storage = private_storage()
    envelope = json.loads(storage.open(f"outgoing-letters/{letter.dispatch_id}/letter.json")
                          .read())
    assert envelope["recipient_name"] == "Anne Hansen" and envelope["body"] == "Kære Anne Hansen"
    assert storage.open(f"outgoing-letters/{letter.dispatch_id}/letter.pdf").read(5) == b"%PDF-"
    receipt = CaseEvent.objects.get(case=case, kind="DELIVERY")
    assert letter.dispatch_id in receipt.text and not receipt.internal
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_a_backend_that_is_down_leaves_the_letter_queued_and_it_is_retried(
        case, settings):
    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.DownBackend"
    letter = letters.send_letter(case, None, subject="Emne", body="Tekst")
    now = timezone.now()
    assert deliver(now=now) == (0, 1)
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING and "is down" in message.last_error
    assert message.next_attempt_at > now
    assert not CaseEvent.objects.filter(kind="DELIVERY").exists()
    # Once the connector is back, the next run delivers it.
    settings.BORGERRAADGIVER_LETTER_BACKEND = "borgerraadgiver_plugin.cases.delivery.FileBackend"
    assert deliver(now=message.next_attempt_at) == (1, 0)
    letter.refresh_from_db()
    assert letter.delivered_at and CaseEvent.objects.filter(kind="DELIVERY").count() == 1


def test_a_backend_that_hangs_times_out_and_the_letter_stays_queued(case, settings):
    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.HangingBackend"
    settings.BORGERRAADGIVER_LETTER_TIMEOUT = 0.05
    letters.send_letter(case, None, subject="Emne", body="Tekst")
    try:
        assert deliver() == (0, 1)
    finally:
        backends.released.set()
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING
    assert message.last_error.startswith("DeliveryTimeout")


def test_a_letter_that_keeps_failing_becomes_visible_as_failed_and_can_be_sent_again(
        case, settings):
    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.DownBackend"
    letters.send_letter(case, None, subject="Emne", body="Tekst")
    now = timezone.now()
    for _attempt in range(MAX_ATTEMPTS):
        deliver(now=now)
        now += datetime.timedelta(days=1)
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.FAILED
    settings.BORGERRAADGIVER_LETTER_BACKEND = "borgerraadgiver_plugin.cases.delivery.FileBackend"
    assert retry(message)
    assert deliver(now=now) == (1, 0)


def test_a_backend_that_refuses_for_good_fails_the_letter_at_once(case, settings):
    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.RefusingBackend"
    letters.send_letter(case, None, subject="Emne", body="Tekst")
    assert deliver() == (0, 1)
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.FAILED and "exempt" in message.last_error


def test_a_receipt_that_comes_later_is_recorded_once(case, settings):
    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.LaterReceiptBackend"
    letter = letters.send_letter(case, None, subject="Emne", body="Tekst")
    assert deliver() == (1, 0)
    letter.refresh_from_db()
    assert letter.handed_over_at and not letter.delivered_at
    assert not CaseEvent.objects.filter(kind="DELIVERY").exists()
    letters.record_receipt(letter.dispatch_id)
    letters.record_receipt(letter.dispatch_id)
    assert CaseEvent.objects.filter(kind="DELIVERY").count() == 1
    assert letters.record_receipt("unknown-id") is None


def test_letters_never_go_by_e_mail(case, mailoutbox):
    letters.send_letter(case, None, subject="Emne", body="Tekst")
    deliver()
    assert mailoutbox == []
    assert delivery.get_backend().__class__.__name__ == "FileBackend"


def test_the_access_request_finds_a_person_named_only_in_a_letter(case):
    from borgerraadgiver_plugin.cases.subject_access import CaseSource

    other = CaseFactory(citizen_name="Bo Berg", citizen_email="", citizen_address="Bakken 2")
    letters.send_letter(other, None, subject="Svar", body="Vi har talt med Karen Kvist.")
    [record] = CaseSource().find("Karen Kvist")
    assert record.reference == other.reference and "brev" in [str(m) for m in record.matched]
    texts = [value for _title, rows in record.entries for _label, value in rows]
    assert "Vi har talt med Karen Kvist." in texts and "Bakken 2" in texts
    assert record.data["letters"][0]["body"] == "Vi har talt med Karen Kvist."
