"""Nothing a citizen sends is lost (issue 11), as a person meets it in chromium: a quick
sender is asked to send again (never shown the fake thank-you), a full disk keeps every
answer, and a form too large for the server gets a Danish page."""

import errno

import pytest
from django.core.files.storage import FileSystemStorage

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import VeteranContactPageFactory
from tests.sites import ensure_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]

ACCOUNT = "Jeg har ikke fået svar på min ansøgning om hjælpemidler."


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def fill_complaint(page):
    page.check("#id_inquiry_type_0")
    page.check("#id_area_0")
    page.fill("#id_account", ACCOUNT)
    page.fill("#id_name", "Anne Hansen")
    page.fill("#id_email", "anne@example.invalid")


def send(page):
    page.click("button[type=submit]")
    page.wait_for_load_state()


def test_a_quick_citizen_is_asked_to_send_again_and_then_gets_the_receipt(
        journey, form_page, area, settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 60  # a person faster than the rule allows
    journey.goto(form_page.url)
    fill_complaint(journey.page)
    send(journey.page)
    assert "Vent et øjeblik" in journey.page.inner_text("main")
    assert journey.page.input_value("#id_account") == ACCOUNT
    journey.step("asked-to-send-again")
    send(journey.page)
    journey.page.wait_for_url("**/kvittering/**")
    assert Case.objects.get().reference in journey.page.inner_text("main")
    journey.step("receipt")


def test_a_full_disk_keeps_every_answer_and_the_retry_is_received(
        journey, form_page, area, monkeypatch, tmp_path):
    real_save = FileSystemStorage._save

    def full(storage, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(FileSystemStorage, "_save", full)
    letter = tmp_path / "afgoerelse.txt"
    letter.write_text("Afgørelse af 3. marts.\n", encoding="utf-8")
    journey.goto(form_page.url)
    fill_complaint(journey.page)
    journey.page.set_input_files("#id_attachments", str(letter))
    send(journey.page)
    main = journey.page.inner_text("main")
    assert "ikke gemt" in main and journey.page.input_value("#id_account") == ACCOUNT
    assert journey.page.input_value("#id_name") == "Anne Hansen"
    journey.step("not-saved-try-again")
    monkeypatch.setattr(FileSystemStorage, "_save", real_save)
    journey.page.set_input_files("#id_attachments", str(letter))
    send(journey.page)
    journey.page.wait_for_url("**/kvittering/**")
    assert Case.objects.get().documents.count() == 1
    journey.step("receipt")


def test_a_request_too_large_for_the_server_gets_a_danish_page(journey, form_page, area,
                                                               settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 500
    journey.goto(form_page.url)
    fill_complaint(journey.page)
    journey.page.fill("#id_account", "Meget lang tekst. " * 60)
    send(journey.page)
    assert "større end formularen kan modtage" in journey.page.inner_text("main")
    journey.step("too-large")
    assert not Case.objects.exists()


def test_the_veteran_page_asks_a_quick_sender_to_send_again(journey, settings, home):
    page = VeteranContactPageFactory(parent=home)
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 60
    journey.goto(page.url)
    journey.page.fill("#id_name", "Søren Jørgensen")
    journey.page.fill("#id_phone", "20 30 40 50")
    journey.page.check("#id_consent")
    send(journey.page)
    assert "Vent et øjeblik" in journey.page.inner_text("main")
    assert journey.page.input_value("#id_name") == "Søren Jørgensen"
    journey.step("asked-to-send-again")
    send(journey.page)
    journey.page.wait_for_url("**/kvittering/**")
    assert VeteranContact.objects.get().name == "Søren Jørgensen"
    journey.step("receipt")
