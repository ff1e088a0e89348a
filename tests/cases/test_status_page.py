"""The private status page behind the receipt link, and asking for the link again, through the
pages a citizen sees."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from borgerraadgiver_plugin.cases import anonymisation, workflow
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage
from tests.factories import CaseFactory, UserFactory

from .rendered_form import fill_in

pytestmark = pytest.mark.django_db

FORM = 'form[enctype="multipart/form-data"]'
LINK_FORM = "form.br-form"
ACCOUNT = "Min sagsbehandler Jens Jensen har ikke svaret på min ansøgning om hjælpemidler."


def send_inquiry(page, area, client=None):
    """Fill in the complaint form as a citizen and follow the redirect to the receipt."""
    client = client or Client()
    answers = {"inquiry_type": "COMPLAINT", "area": str(area.pk), "unit_contacted": "yes",
               "unit_answered": "no", "elsewhere": "NO", "contact_preference": "EMAIL",
               "consent_contact_unit": "on", "name": "Anne Hansen",
               "email": "anne@example.invalid", "account": ACCOUNT}
    response = fill_in(client, page.url, FORM, answers)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


def visible_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").select_one(
        ".br-page").get_text(" ").split())


def status_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").select_one(
        ".br-status").get_text(" ").split())


def test_the_receipt_link_shows_the_status_as_the_advisor_moves_the_case(form_page, area):
    link = send_inquiry(form_page, area)
    citizen = Client()
    first = citizen.get(link)
    assert first.status_code == 200 and "Modtaget" in status_text(first)
    assert "arbejdsdag" in status_text(first)

    case = Case.objects.get()
    advisor = UserFactory()
    workflow.acknowledge(case, advisor)
    workflow.add_event(case, advisor, kind="NOTE", text="Intern: ring til Jens Jensen")
    workflow.forward(case, advisor, unit=area, contact_person="Jens Jensen")
    waiting = citizen.get(link)
    text = visible_text(waiting)
    assert "Venter på svar fra forvaltningen" in status_text(waiting)
    assert re.search(r"Forvaltningen skal svare senest \d+\. \w+ \d{4}", text), text
    # Never the citizen's own text, internal notes, staff or unit contact names.
    for secret in (ACCOUNT, "Jens Jensen", "Intern", advisor.get_full_name() or "@@",
                   advisor.username, "Anne Hansen"):
        assert secret not in waiting.content.decode(), secret

    forwarding = case.forwardings.get()
    workflow.record_answer(forwarding, advisor, answered_on=timezone.localdate())
    workflow.close(Case.objects.get(pk=case.pk), advisor, outcome="RESOLVED_DIALOGUE",
                   methods=["GUIDED"])
    closed = citizen.get(link)
    assert "Afsluttet" in status_text(closed)
    assert f"afsluttede sagen den {timezone.localdate().day}." in status_text(closed)
    assert closed["Cache-Control"] == "private, no-store"


def test_the_link_dies_when_the_case_is_anonymised(form_page, area):
    link = send_inquiry(form_page, area)
    case = Case.objects.get()
    anonymisation.anonymise(case)
    assert Client().get(link).status_code == 404


@pytest.mark.parametrize("token", ["abc", "x" * 20, "y" * 64, "z" * 300, "æøå" * 10,
                                   "%27%20OR%201=1--" + "a" * 20])
def test_unknown_short_long_and_odd_tokens_are_a_plain_404(form_page, token):
    assert Client().get(f"{form_page.url}kvittering/{token}/").status_code == 404


def test_a_token_that_differs_only_after_the_selector_is_not_found(form_page):
    case = CaseFactory()
    token = case.receipt_token
    changed = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert Client().get(f"{form_page.url}kvittering/{changed}/").status_code == 404
    assert Client().get(f"{form_page.url}kvittering/{token}/").status_code == 200


def test_guessing_tokens_from_one_address_is_refused_with_429(form_page, settings):
    settings.BORGERRAADGIVER_RECEIPT_MISS_LIMIT = 5
    case = CaseFactory()
    guesser, other = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.7")
    answers = [guesser.get(f"{form_page.url}kvittering/{'g' * 30}{n:04d}/").status_code
               for n in range(40)]
    assert answers[:5] == [404] * 5 and set(answers[5:]) == {429}
    refused = guesser.get(f"{form_page.url}kvittering/{case.receipt_token}/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "For mange forkerte links" in refused.content.decode()
    assert other.get(f"{form_page.url}kvittering/{case.receipt_token}/").status_code == 200


def test_the_form_page_links_to_asking_for_the_link_again(form_page):
    page = BeautifulSoup(Client().get(form_page.url).content, "html.parser")
    link = page.find("a", string=re.compile("Få linket sendt igen"))
    assert link is not None and link["href"].endswith("send-link-igen/")


def ask_again(page, reference, email, client=None):
    client = client or Client()
    response = fill_in(client, f"{page.url}send-link-igen/", LINK_FORM,
                       {"reference": reference, "email": email})
    return client, response


def test_asking_again_sends_the_link_only_to_the_address_on_the_case(form_page, area):
    link = send_inquiry(form_page, area)
    case = Case.objects.get()
    OutboxMessage.objects.all().delete()

    client, wrong = ask_again(form_page, case.reference, "someone@example.invalid")
    assert wrong.status_code == 302
    wrong_page = client.get(wrong["Location"])
    assert not OutboxMessage.objects.exists()

    client, right = ask_again(form_page, case.reference, "ANNE@example.invalid")
    assert right["Location"] == wrong["Location"]
    right_page = client.get(right["Location"])
    assert visible_text(right_page) == visible_text(wrong_page)
    assert "Hvis referencenummeret og e-mailadressen hører til samme henvendelse" in \
        visible_text(right_page)
    message = OutboxMessage.objects.get()
    assert message.recipient == "anne@example.invalid"
    assert link in message.body and "Anne Hansen" not in message.body
    assert ACCOUNT not in message.body


def test_the_acknowledgement_e_mail_carries_the_status_link(form_page, area):
    link = send_inquiry(form_page, area)
    receipt = OutboxMessage.objects.get(recipient="anne@example.invalid")
    assert link in receipt.body


def test_the_status_link_names_the_site_never_the_host_the_request_came_by(form_page, area,
                                                                            settings):
    settings.ALLOWED_HOSTS = ["*"]
    send_inquiry(form_page, area, Client(HTTP_HOST="forged.example"))
    receipt = OutboxMessage.objects.get(recipient="anne@example.invalid")
    assert "forged.example" not in receipt.body
    assert form_page.get_site().root_url + form_page.url in receipt.body


def test_asking_again_with_bad_input_shows_danish_errors_and_keeps_the_text(form_page):
    _client, response = ask_again(form_page, "", "ikke-en-adresse")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Der er et problem med det, du har udfyldt" in text
    assert 'value="ikke-en-adresse"' in response.content.decode()
    assert not OutboxMessage.objects.exists()


def test_asking_again_is_rate_limited(form_page, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 3
    case = CaseFactory()
    client = Client(REMOTE_ADDR="203.0.113.20")
    codes = [ask_again(form_page, case.reference, "x@example.invalid", client)[1].status_code
             for _ in range(4)]
    assert codes == [302, 302, 302, 429]


def test_a_honeypot_hit_gets_the_same_answer_and_sends_nothing(form_page):
    case = CaseFactory()
    client = Client()
    response = fill_in(client, f"{form_page.url}send-link-igen/", LINK_FORM,
                       {"reference": case.reference, "email": case.citizen_email,
                        "website": "http://spam.example"})
    assert response.status_code == 302 and response["Location"].endswith("sendt/")
    assert not OutboxMessage.objects.exists()


def test_asking_again_without_csrf_gets_the_friendly_refusal(form_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"{form_page.url}send-link-igen/",
                           {"reference": "BR-2026-0001", "email": "a@example.invalid"})
    assert response.status_code == 403
    assert not OutboxMessage.objects.exists()
