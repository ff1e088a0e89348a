"""Nothing a citizen sends may be lost (issue 11): each way an inquiry was lost, or a citizen
got a bare server error, tried through HTTP on both public forms as a browser sends them."""

import errno
import unicodedata
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage

from borgerraadgiver_plugin.cases.models import Case, CaseDocument

from ..cases.sample_files import pdf, upload
from .public_form_support import COMPLAINT_TEXT, complaint, fill, sent_values

pytestmark = pytest.mark.django_db

DECOY = "Tak for din henvendelse."


def page_text(response):
    return response.content.decode()


def assert_stored_once(target, response):
    assert response.status_code == 302, page_text(response)[:2000]
    assert target.stored().count() == 1


def assert_kept(target, response, pairs):
    """The form is shown again with every answer as sent, and nothing is stored."""
    assert response.status_code != 302
    assert sent_values(fill(page_text(response))) == sent_values(pairs)
    assert not target.stored().exists()


# 1. A resend after "the page expired" (or a tampered token), or after a server whose clock
#    is ahead rendered the form, is stored at once; only the honeypot gets the decoy page.

def test_a_resend_after_the_page_expired_is_stored_at_once(client, target, monkeypatch):
    pairs = fill(target.render(client, age=5 * 3600, monkeypatch=monkeypatch), target.answers)
    expired = target.post(client, pairs)
    assert "Siden er udløbet" in page_text(expired)
    assert_kept(target, expired, pairs)
    resend = target.post(client, fill(page_text(expired)))  # at once, as rendered
    assert_stored_once(target, resend)


def test_a_resend_after_a_tampered_token_is_stored_at_once(client, target, monkeypatch):
    pairs = [(name, value + "x" if name == "form_token" else value) for name, value in
             fill(target.render(client, monkeypatch=monkeypatch), target.answers)]
    refused = target.post(client, pairs)
    assert "kunne ikke kontrolleres" in page_text(refused)
    assert_stored_once(target, target.post(client, fill(page_text(refused))))


@pytest.mark.parametrize("ahead", [0, 5])
def test_a_quick_sender_is_asked_to_send_again_never_shown_the_decoy(client, target,
                                                                     monkeypatch, ahead):
    """``ahead``: the server that rendered the form has a clock 5 s ahead of this one."""
    pairs = fill(target.render(client, age=-ahead, monkeypatch=monkeypatch), target.answers)
    quick = target.post(client, pairs)
    assert DECOY not in page_text(quick) and quick.status_code != 302
    assert "Vent et øjeblik" in page_text(quick)
    assert_kept(target, quick, pairs)
    assert_stored_once(target, target.post(client, fill(page_text(quick))))


def test_the_honeypot_still_gets_the_decoy_and_nothing_is_stored(client, target,
                                                                 monkeypatch):
    pairs = fill(target.render(client, monkeypatch=monkeypatch),
                 {**target.answers, "website": "http://spam.example"})
    response = target.post(client, pairs)
    assert response.status_code in (200, 302) and not target.stored().exists()
    if target.multipart:
        assert DECOY in page_text(response)


# 2. The same rendered form sent again with any change is a new inquiry; unchanged, one.

CHANGES = {
    "complaint": [{"attachments": [pdf()]},
                  {"phone": "20 30 40 50", "contact_preference": "PHONE"},
                  {"concerns": ["POLITICAL"]}],
    "veteran": [{"email": "soren@example.invalid"}, {"best_time": "Eftermiddag"}],
}


def test_a_changed_resend_is_a_new_inquiry_and_the_same_twice_is_one(client, target,
                                                                      monkeypatch):
    html = target.render(client, monkeypatch=monkeypatch)
    first = target.post(client, fill(html, target.answers))
    assert_stored_once(target, first)
    kind = "complaint" if target.multipart else "veteran"
    receipts = {first["Location"]}
    for number, change in enumerate(CHANGES[kind], start=2):
        changed = target.post(client, fill(html, {**target.answers, **change}))
        again = target.post(client, fill(html, {**target.answers, **change}))
        assert changed.status_code == 302 and again["Location"] == changed["Location"]
        receipts.add(changed["Location"])
        assert target.stored().count() == number
    if target.multipart:
        assert len(receipts) == target.stored().count()
        case = Case.objects.get(documents__isnull=False)
        assert case.documents.get().original_name == "afgoerelse.pdf"
        assert Case.objects.get(citizen_phone="20 30 40 50").contact_preference == "PHONE"


# 3. A body cut off on the way (a dropped connection during an upload) stores nothing and
#    keeps the text; the complete retry is stored with its file.

def test_a_cut_off_body_stores_nothing_and_the_complete_retry_keeps_its_file(
        client, target, monkeypatch):
    html = target.render(client, monkeypatch=monkeypatch)
    answers = {**target.answers, "attachments": [pdf(size=20000)]} if target.multipart \
        else target.answers
    body, content_type = target.encode(fill(html, answers))
    cut = body[:body.index(b"%PDF" if target.multipart else b"message=") + 5000 * (
        target.multipart) + 20]
    response = target.post_body(client, cut, content_type)
    assert "nåede ikke helt frem" in page_text(response)
    assert not target.stored().exists() and not CaseDocument.objects.exists()
    text = page_text(response)
    assert (COMPLAINT_TEXT if target.multipart else target.answers["name"]) in text
    retyped = {"attachments": [pdf(size=20000)]} if target.multipart else {
        "message": target.answers["message"], "consent": "on"}  # what did not arrive, again
    retry = target.post(client, fill(text, retyped))
    assert_stored_once(target, retry)
    if target.multipart:
        assert Case.objects.get().documents.get().size == 20000


# 4. A full disk during an upload: a Danish "not saved, try again" page (503), every answer
#    shown again, no case, and no file left in private storage.

def private_files(settings):
    root = Path(settings.BORGERRAADGIVER_PRIVATE_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_a_full_disk_keeps_every_answer_and_leaves_no_file(client, monkeypatch, settings,
                                                           complaint_page):
    target = complaint(complaint_page)
    real_save = FileSystemStorage._save
    written = []

    def disk_fills_up(storage, name, content):
        """The first file fits; the second fills the disk half way through its write."""
        written.append(name)
        if len(written) == 1:
            return real_save(storage, name, content)
        path = Path(storage.path(name))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.read(100))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", disk_fills_up)
    pairs = fill(target.render(client, monkeypatch=monkeypatch),
                 {**target.answers, "attachments": [pdf(), upload("noter.txt", b"Noter.\n")]})
    response = target.post(client, pairs)
    assert response.status_code == 503 and response["Retry-After"].isdigit()
    assert "ikke gemt" in page_text(response) and "prøv igen" in page_text(response)
    assert_kept(target, response, pairs)
    assert len(written) == 2
    assert not CaseDocument.objects.exists() and private_files(settings) == []


# 7. Smaller: Retry-After on every 429; names and free text in NFC; Danish 400 and 413.

def test_every_rate_limited_response_says_when_to_try_again(client, target, settings,
                                                            monkeypatch):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = settings.BORGERRAADGIVER_RATE_LIMIT = 1
    settings.BORGERRAADGIVER_RATE_WINDOW = 600
    html = target.render(client, monkeypatch=monkeypatch)
    assert target.post(client, fill(html, target.answers)).status_code == 302
    limited = target.post(client, fill(html, {**target.answers, "name": "Kim Larsen"}))
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 600
    assert "Kim Larsen" in page_text(limited)


def test_a_name_and_text_sent_decomposed_are_stored_composed(client, target, monkeypatch):
    name, text = "Åse Lindé", "Min sag om hjælp på én gang."
    decomposed = {key: unicodedata.normalize("NFD", value) for key, value in
                  {"name": name, target.text_field: text}.items()}
    assert decomposed["name"] != name
    pairs = fill(target.render(client, monkeypatch=monkeypatch),
                 {**target.answers, **decomposed})
    assert_stored_once(target, target.post(client, pairs))
    assert target.stored().filter(**{target.name_attr: name, target.text_attr: text}).exists()


def test_a_body_over_the_size_limit_gets_a_danish_413(client, target, settings, monkeypatch):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    pairs = fill(target.render(client, monkeypatch=monkeypatch),
                 {**target.answers, target.text_field: "Meget lang tekst. " * 200})
    response = target.post(client, pairs)
    assert response.status_code == 413
    assert "større end formularen kan modtage" in page_text(response)
    assert not target.stored().exists()


def test_a_body_django_cannot_read_gets_a_danish_400(client, target, settings, monkeypatch):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    response = target.post(client, fill(target.render(client, monkeypatch=monkeypatch),
                                        target.answers))
    assert response.status_code == 400
    assert "kunne ikke læses" in page_text(response) and "Bad Request" not in page_text(
        response)
