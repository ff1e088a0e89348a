"""The advisor writes a letter through the rendered forms: from a template, edited, previewed and
sent; sees it and its receipt on the case; the templates' own screen refuses a bad placeholder."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from borgerraadgiver_plugin.cases.models import Letter, LetterTemplate
from borgerraadgiver_plugin.outbox import deliver_due
from tests.cases.admin_helpers import url
from tests.cases.rendered_form import rendered_form
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

FORM = "#w-editor-form"


def letter_url(case):
    return url("letter", case.pk)


def page_form(response):
    assert response.status_code == 200
    return rendered_form(response.content.decode(), FORM)[1]


def test_the_overview_offers_writing_a_letter_and_the_case_file(advisor_client, case):
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert f'href="{letter_url(case)}"' in html
    assert f'href="{url("case_file", case.pk)}"' in html


def test_write_from_a_template_edit_preview_and_send(advisor_client, case, template):
    data = page_form(advisor_client.get(letter_url(case)))
    data["template"] = [str(template.pk)]
    response = advisor_client.post(letter_url(case), {**data, "use_template": ""})
    data = page_form(response)
    assert data["subject"] == [f"Kvittering for din henvendelse {case.reference}"]
    assert data["body"][0].startswith("Kære Anne Hansen")

    data["body"] = [data["body"][0] + "\nVi vender tilbage inden for 10 arbejdsdage."]
    response = advisor_client.post(letter_url(case), {**data, "preview": ""})
    html = response.content.decode()
    assert 'aria-labelledby="letter-preview"' in html, html[html.find("error"):][:3000]
    assert "Vi vender tilbage inden for 10 arbejdsdage." in html and "Hovedgaden 1" in html
    assert not Letter.objects.exists()

    response = advisor_client.post(letter_url(case), {**page_form(response), "send": ""})
    assert response.status_code == 302
    letter = Letter.objects.get()
    assert letter.body.endswith("inden for 10 arbejdsdage.")
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Venter på at blive sendt" in html and letter.document.original_name in html

    assert deliver_due() == (1, 0)
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Leveringskvittering" in html and "Leveret" in html


def test_use_template_without_choosing_one_says_so(advisor_client, case):
    data = page_form(advisor_client.get(letter_url(case)))
    response = advisor_client.post(letter_url(case), {**data, "use_template": ""})
    assert "Vælg en brevskabelon først." in response.content.decode()


def test_a_case_with_no_address_says_so_and_sends_nothing(advisor_client, groups):
    case = CaseFactory(citizen_address="")
    response = advisor_client.get(letter_url(case))
    html = response.content.decode()
    assert "ingen navn og postadresse" in html
    data = rendered_form(html, FORM)[1]
    data.update(subject=["Emne"], body=["Tekst"])
    response = advisor_client.post(letter_url(case), {**data, "send": ""})
    assert response.status_code == 200
    assert "ingen navn og postadresse" in response.content.decode()
    assert not Letter.objects.exists()


def test_an_unknown_placeholder_in_the_letter_is_named(advisor_client, case):
    data = page_form(advisor_client.get(letter_url(case)))
    data.update(subject=["Emne"], body=["Din sag {sagsnr}"])
    response = advisor_client.post(letter_url(case), {**data, "send": ""})
    assert response.status_code == 200
    assert "Ukendt flettefelt {sagsnr}" in response.content.decode()
    assert not Letter.objects.exists()


def test_the_template_screen_refuses_an_unknown_placeholder_naming_it(advisor_client):
    add = reverse("borgerraadgiver_cases_lettertemplate:add")
    response = advisor_client.post(add, nested_form_data({
        "name": "Afslutning", "subject": "Din sag {sagsnummer}", "body": "Kære {fornavn}"}))
    assert response.status_code == 200
    assert "Ukendt flettefelt {fornavn}" in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_the_template_screen_has_a_preview_with_an_invented_citizen(advisor_client, template):
    edit = reverse("borgerraadgiver_cases_lettertemplate:edit", args=[template.pk])
    preview = reverse("borgerraadgiver_cases_lettertemplate:preview_on_edit", args=[template.pk])
    html = advisor_client.get(edit).content.decode()
    data = rendered_form(html, FORM)[1]
    assert advisor_client.post(preview, data).json()["is_valid"]
    html = advisor_client.get(preview).content.decode()
    assert "Kære Anne Eksempel" in html and "BR-2026-0001" in html


def test_people_without_the_case_permission_cannot_write_letters(client, staff_member, case):
    client.force_login(staff_member)
    assert client.get(letter_url(case)).status_code in (302, 403)


def test_a_letter_the_backend_cannot_take_is_visible_in_the_outbox_and_can_be_sent_again(
        advisor_client, case, settings):
    from borgerraadgiver_plugin.cases import letters
    from borgerraadgiver_plugin.models import OutboxMessage

    settings.BORGERRAADGIVER_LETTER_BACKEND = "tests.letters.backends.RefusingBackend"
    letters.send_letter(case, None, subject="Svar", body="Tekst")
    assert deliver_due() == (0, 1)
    message = OutboxMessage.objects.get()
    html = advisor_client.get(reverse("borgerraadgiver_outbox:index")).content.decode()
    assert "Brev til borgeren (Digital Post)" in html
    html = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Ikke sendt: se udbakken" in html
    retry = reverse("borgerraadgiver_outbox:retry", args=[message.pk])
    html = advisor_client.get(reverse("borgerraadgiver_outbox:inspect", args=[message.pk]))
    assert f'href="{retry}"' in html.content.decode()
    settings.BORGERRAADGIVER_LETTER_BACKEND = "borgerraadgiver_plugin.cases.delivery.FileBackend"
    advisor_client.post(retry, rendered_form(advisor_client.get(retry).content.decode(),
                                             f'form[action="{retry}"]')[1])
    assert deliver_due() == (1, 0)
    assert "Leveringskvittering" in advisor_client.get(url("inspect", case.pk)).content.decode()
