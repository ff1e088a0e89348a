"""The public contact-request page at /veteraner/: one transaction, an outbox notice without
content, spam defence, accessible errors, a receipt."""

import pytest
from django.core.cache import cache
from django.test import Client

from borgerraadgiver_plugin import spam
from borgerraadgiver_plugin.models import OutboxMessage
from borgerraadgiver_plugin.veterans import intake
from borgerraadgiver_plugin.veterans.choices import ConsentScope, ContactSource
from borgerraadgiver_plugin.veterans.models import VeteranConsent, VeteranContact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def form(**overrides):
    data = {"role": "VETERAN", "name": "Søren Jørgensen", "phone": "20 30 40 50",
            "email": "", "best_time": "Formiddag", "message": "Jeg vil gerne snakke om job.",
            "consent": "on", "website": "", "form_token": spam.issue_token()}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def nothing_stored():
    return not VeteranContact.objects.exists() and not OutboxMessage.objects.exists()


def test_get_shows_the_form(client, request_page):
    response = client.get("/veteraner/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="consent"' in html and 'name="website"' in html
    assert "Fejl:" not in html


def test_valid_request_stores_contact_consent_and_a_notice_without_content(
        client, request_page, veteran_coordinator):
    response = client.post("/veteraner/", form())
    assert response.status_code == 302
    contact = VeteranContact.objects.get()
    assert contact.name == "Søren Jørgensen" and contact.source == ContactSource.REQUEST_PAGE
    assert contact.best_time == "Formiddag"
    assert contact.next_follow_up is not None
    consent = VeteranConsent.objects.get(contact=contact)
    assert consent.scope == ConsentScope.REGISTRATION and consent.renew_by > consent.given_on
    assert contact.activities.count() == 1
    message = OutboxMessage.objects.get()
    assert message.recipient == veteran_coordinator.email
    assert message.reference == contact.reference
    for secret in ("Søren", "20 30 40 50", "job", "Formiddag"):
        assert secret not in message.subject + message.body
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert contact.reference in receipt.content.decode()


def test_page_notification_address_wins(client, request_page, veteran_coordinator):
    request_page.notification_email = "veteraner@stevns.example"
    request_page.save_revision().publish()
    client.post("/veteraner/", form())
    assert list(OutboxMessage.objects.values_list("recipient", flat=True)) == [
        "veteraner@stevns.example"]


def test_request_page_rejects_empty_form_with_error_summary(client, request_page):
    response = client.post("/veteraner/", {"form_token": spam.issue_token()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fejl: " in html
    assert 'id="br-error-summary"' in html and 'role="alert"' in html
    assert 'href="#id_name"' in html and 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_error"' in html and 'id="id_name_error"' in html
    assert "Vi kan kun kontakte dig, hvis du giver samtykke" in html
    assert nothing_stored()


def test_request_page_rejects_missing_phone_and_email(client, request_page):
    response = client.post("/veteraner/", form(phone="", email=""))
    assert response.status_code == 200
    assert "Skriv et telefonnummer eller en e-mailadresse" in response.content.decode()
    assert nothing_stored()


def test_request_page_rejects_missing_consent(client, request_page):
    response = client.post("/veteraner/", form(consent=None))
    assert response.status_code == 200
    assert nothing_stored()


def test_request_page_rejects_oversize_text(client, request_page):
    response = client.post("/veteraner/", form(name="A" * 151, message="x" * 1001,
                                               best_time="b" * 101))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="br-error-message"') >= 3
    assert nothing_stored()


def test_request_page_rejects_malformed_phone_and_email(client, request_page):
    response = client.post("/veteraner/", form(phone="ring mig", email="ikke@en@adresse"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "telefonnummer på 8 til 15 cifre" in html and "gyldig e-mail-adresse" in html
    assert nothing_stored()


def test_request_page_rejects_cpr_number_in_message(client, request_page):
    response = client.post("/veteraner/", form(message="Mit cpr er 010190-1234"))
    assert response.status_code == 200
    assert "ligner et CPR-nummer" in response.content.decode()
    assert nothing_stored()


def test_request_page_stores_scripts_as_text_and_never_runs_them(client, request_page,
                                                                 veteran_coordinator):
    script = "<script>alert(1)</script>"
    response = client.post("/veteraner/", form(name=f"Kim {script}", message=script))
    assert response.status_code == 302
    contact = VeteranContact.objects.get()
    assert contact.name == f"Kim {script}"
    client.force_login(veteran_coordinator)
    page = client.get(f"/admin/borgerraadgiver/veterans/contacts/inspect/{contact.pk}/")
    assert script.encode() not in page.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page.content


def test_request_page_rejects_script_in_error_rerender(client, request_page):
    script = "<script>alert(1)</script>"
    response = client.post("/veteraner/", form(message=script, consent=None))
    assert response.status_code == 200
    assert script.encode() not in response.content


def test_request_page_rejects_missing_csrf_token(request_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/veteraner/", form())
    assert response.status_code == 403
    assert nothing_stored()


def test_request_page_honeypot_looks_successful_and_stores_nothing(client, request_page):
    response = client.post("/veteraner/", form(website="http://spam.example"))
    assert response.status_code == 200
    assert "Tak – vi har modtaget din henvendelse" in response.content.decode()
    assert nothing_stored()


def test_request_page_too_fast_submit_asks_to_send_again(client, request_page, settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 3
    response = client.post("/veteraner/", form())
    assert response.status_code == 200
    assert "Vent et øjeblik" in response.content.decode()
    assert nothing_stored()


def test_request_page_rejects_forged_token(client, request_page):
    response = client.post("/veteraner/", form(form_token="forged"))
    assert response.status_code == 200
    assert nothing_stored()


def test_request_page_rate_limit(client, request_page, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post("/veteraner/", form()).status_code == 302
    response = client.post("/veteraner/", form())
    assert response.status_code == 429
    assert VeteranContact.objects.count() == 2


def test_double_submit_of_the_same_form_stores_one_contact(client, request_page):
    data = form()
    client.post("/veteraner/", data)
    client.post("/veteraner/", data)
    assert VeteranContact.objects.count() == 1


def test_nul_and_control_characters_are_refused(client, request_page):
    response = client.post("/veteraner/", form(name="Kim\x00", message="hej\x07"))
    assert response.status_code == 200
    assert nothing_stored()


def test_failure_while_storing_leaves_nothing_half_stored(request_page, veteran_coordinator,
                                                          monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("mail table unavailable")

    monkeypatch.setattr(intake, "queue_message", broken)
    with pytest.raises(RuntimeError):
        intake.register_request({"role": "VETERAN", "name": "Kim", "phone": "20304050"},
                                nonce="n1", page=request_page)
    assert not VeteranContact.objects.exists() and not VeteranConsent.objects.exists()
