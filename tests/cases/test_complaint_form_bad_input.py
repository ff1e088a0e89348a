"""Every bad input of the complaint form: a clear message, nothing stored, never a 500.

"Nothing stored" means no new case, no document row, no file on disk and no outbox row.
"""

import re
from pathlib import Path

import pytest
from django.test import Client

from borgerraadgiver_plugin.cases.models import Case, CaseDocument
from borgerraadgiver_plugin.choices import CaseStatus
from borgerraadgiver_plugin.models import BorgerraadgiverSettings, OutboxMessage

from .form_answers import valid_data
from .sample_files import docx, pdf, png, png_claiming, upload, zip_bomb_docx

pytestmark = pytest.mark.django_db


def private_files():
    from borgerraadgiver_plugin.cases.models.timeline import CaseDocument as Doc

    root = Path(Doc._meta.get_field("file").storage.location)
    return sorted(str(p) for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def nothing_stored():
    files_before = private_files()
    yield
    assert not Case.objects.exists()
    assert not CaseDocument.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert private_files() == files_before


def send(client, page, area_, **overrides):
    data = valid_data(client, page, area_)
    data.update(overrides)
    response = client.post(page.url, data)
    assert response.status_code < 500
    return response


def error_codes(response, field):
    return [error.code for error in response.context["form"].errors.as_data().get(field, [])]


def test_form_rejects_the_empty_form(client, form_page, nothing_stored):
    response = client.post(form_page.url, {})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"inquiry_type", "area", "account"} <= set(errors)
    assert "Fejl: " in response.content.decode()


@pytest.mark.parametrize(("field", "value"), [
    ("account", "x" * 10001),
    ("name", "N" * 201),
    ("email", "a" * 250 + "@example.invalid"),
    ("phone", "1" * 41),
    ("on_behalf_of", "K" * 201),
])
def test_form_rejects_every_field_over_its_limit(client, form_page, area, field, value,
                                                 nothing_stored):
    response = send(client, form_page, area, **{"on_behalf": "on", "on_behalf_of": "Karl",
                                                 field: value})
    assert field in response.context["form"].errors
    assert value[:50] in response.content.decode()  # kept, so the citizen can shorten it


def test_form_rejects_a_nul_byte_in_the_name(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, name="Anne\x00Hansen")
    assert "nul" in error_codes(response, "name") or response.context["form"].errors["name"]


def test_form_rejects_a_bidi_override_in_the_name(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, name="Anne \u202eneshaH")
    assert "bidi" in error_codes(response, "name")


def test_form_rejects_a_name_of_only_zero_width_characters(client, form_page, area,
                                                           nothing_stored):
    response = send(client, form_page, area, name="\u200b\u200c\u200d\u2060")
    assert "invisible" in error_codes(response, "name")


def test_form_rejects_a_nul_byte_in_the_account(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, account="Hej\x00")
    assert response.context["form"].errors["account"]


MARKUP = '<script>alert("x")</script>{{ request.user }}{% debug %}<b>fed</b>'


def test_form_stores_html_script_and_template_syntax_literally_and_escapes_them(
        client, form_page, area, advisor):
    response = send(client, form_page, area, name=MARKUP[:200], account=MARKUP,
                    on_behalf="on", on_behalf_of=MARKUP[:200])
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.account == MARKUP and case.representative.name == MARKUP[:200]
    assert case.citizen_name == MARKUP[:200]  # the party, named in "on behalf of"
    # On an error page the text comes back escaped, never executed or rendered.
    error_page = send(client, form_page, area, account=MARKUP, name=MARKUP[:200],
                      inquiry_type="")
    html = error_page.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "{{ request.user }}" in html.replace("&#x27;", "'") and "<b>fed</b>" not in html
    # The receipt shows none of it, and the advisor's admin escapes it.
    receipt = client.get(response["Location"]).content.decode()
    assert "<script>alert" not in receipt and "alert(" not in receipt
    client.force_login(advisor)
    admin_html = client.get(f"/admin/borgerraadgiver/cases/inspect/{case.pk}/")
    assert admin_html.status_code == 200
    assert "<script>alert" not in admin_html.content.decode()


def test_form_rejects_header_injection_in_the_email_field(client, form_page, area,
                                                          nothing_stored):
    response = send(client, form_page, area,
                    email="anne@example.invalid\r\nBcc: victim@example.invalid")
    assert response.context["form"].errors["email"]


@pytest.mark.parametrize(("field", "value"), [
    ("inquiry_type", "INTERNAL_ADVICE"),
    ("area", "999999"),
    ("unit_contacted", "maybe"),
    ("elsewhere", "MARS"),
    ("concerns", "EVERYTHING"),
    ("contact_preference", "LETTER"),
])
def test_form_rejects_choice_values_that_were_not_offered(client, form_page, area, field, value,
                                                          nothing_stored):
    response = send(client, form_page, area, **{field: value})
    assert "invalid_choice" in error_codes(response, field)


def test_form_ignores_extra_fields_that_try_to_set_status_or_assignee(client, form_page, area,
                                                                       advisor):
    response = send(client, form_page, area, status=CaseStatus.CLOSED,
                    assigned_to=str(advisor.pk), assigned_to_id=str(advisor.pk),
                    reference="BR-1999-0001", channel="PHONE", receipt_token="chosen",
                    suggested_rejection_reason="POLITICAL", triaged_at="2026-01-01")
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == CaseStatus.NEW and case.assigned_to is None
    assert case.reference != "BR-1999-0001" and case.channel == "WEBFORM"
    assert case.receipt_token != "chosen" and case.suggested_rejection_reason == ""
    assert case.triaged_at is None


def test_form_without_a_csrf_token_gets_a_friendly_danish_403(form_page, area, nothing_stored):
    client = Client(enforce_csrf_checks=True)
    data = valid_data(client, form_page, area)
    response = client.post(form_page.url, data)
    html = response.content.decode()
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in html and "<title>Fejl: " in html
    assert 'lang="da"' in html


def test_form_with_a_foreign_csrf_token_gets_a_friendly_danish_403(form_page, area,
                                                                    nothing_stored):
    victim = Client(enforce_csrf_checks=True)
    attacker = Client(enforce_csrf_checks=True)
    attacker_html = attacker.get(form_page.url).content.decode()
    foreign = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', attacker_html).group(1)
    data = valid_data(victim, form_page, area, csrfmiddlewaretoken=foreign)
    response = victim.post(form_page.url, data)
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in response.content.decode()


def test_form_with_its_own_csrf_token_is_accepted(form_page, area):
    client = Client(enforce_csrf_checks=True)
    html = client.get(form_page.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(form_page.url, valid_data(client, form_page, area,
                                                     csrfmiddlewaretoken=token))
    assert response.status_code == 302


def test_form_rejects_a_sixth_file(client, form_page, area, nothing_stored):
    files = [pdf(f"bilag-{n}.pdf") for n in range(6)]
    response = send(client, form_page, area, attachments=files)
    assert "too_many" in error_codes(response, "attachments")
    assert "hjælpemidler" in response.content.decode()


def test_form_rejects_an_oversize_file(client, form_page, area, nothing_stored):
    settings = BorgerraadgiverSettings.current()
    settings.max_attachment_mb = 1
    settings.save()
    response = send(client, form_page, area, attachments=[pdf(size=1024 * 1024 + 1)])
    assert "file_size" in error_codes(response, "attachments")


def test_form_rejects_files_over_the_total_limit(client, form_page, area, nothing_stored):
    settings = BorgerraadgiverSettings.current()
    settings.max_attachment_mb, settings.max_total_attachment_mb = 1, 1
    settings.save()
    files = [pdf("a.pdf", size=600 * 1024), pdf("b.pdf", size=600 * 1024)]
    assert "total_size" in error_codes(send(client, form_page, area, attachments=files),
                                       "attachments")


def test_form_rejects_an_empty_file(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, attachments=[upload("tom.pdf", b"")])
    assert "empty" in error_codes(response, "attachments")


def test_form_rejects_an_executable_attachment(client, form_page, area, nothing_stored):
    response = send(client, form_page, area,
                    attachments=[upload("program.exe", b"MZ\x90\x00" + b"\x00" * 200)])
    assert "file_type" in error_codes(response, "attachments")


def test_form_rejects_a_pdf_exe_double_extension(client, form_page, area, nothing_stored):
    response = send(client, form_page, area,
                    attachments=[upload("klage.pdf.exe", b"MZ\x90\x00" + b"\x00" * 200)])
    assert "file_type" in error_codes(response, "attachments")


def test_form_rejects_an_executable_named_pdf(client, form_page, area, nothing_stored):
    response = send(client, form_page, area,
                    attachments=[upload("klage.pdf", b"MZ\x90\x00" + b"\x00" * 200)])
    assert "mismatch" in error_codes(response, "attachments")


def test_form_rejects_html_sent_as_image_png(client, form_page, area, nothing_stored):
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    response = send(client, form_page, area,
                    attachments=[upload("billede.png", html, "image/png")])
    assert "mismatch" in error_codes(response, "attachments")


def test_form_rejects_html_sent_as_text(client, form_page, area, nothing_stored):
    html = b"<html><body><script>alert(1)</script></body></html>"
    response = send(client, form_page, area, attachments=[upload("note.txt", html, "text/plain")])
    assert "html" in error_codes(response, "attachments")


def test_form_rejects_a_zip_bomb_docx(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, attachments=[upload("bombe.docx", zip_bomb_docx())])
    assert "zip_bomb" in error_codes(response, "attachments")


def test_form_rejects_a_damaged_docx(client, form_page, area, nothing_stored):
    broken = docx()[:-30]
    response = send(client, form_page, area, attachments=[upload("klage.docx", broken)])
    assert error_codes(response, "attachments")


def test_form_rejects_an_image_with_an_absurd_pixel_count(client, form_page, area,
                                                          nothing_stored):
    response = send(client, form_page, area,
                    attachments=[upload("kæmpe.png", png_claiming(100_000, 100_000))])
    assert "pixels" in error_codes(response, "attachments")


def test_form_accepts_a_real_docx_png_and_text(client, form_page, area):
    files = [upload("klage.docx", docx()), upload("foto.png", png()),
             upload("noter.txt", "Æbler og pærer\n".encode())]
    assert send(client, form_page, area, attachments=files).status_code == 302
    assert CaseDocument.objects.count() == 3


def test_form_cleans_a_filename_with_path_parts_quotes_and_1000_characters(
        client, form_page, area, advisor):
    name = '../../etc/"klage"\\' + "å" * 1000 + ".pdf"
    response = send(client, form_page, area, attachments=[pdf(name)])
    assert response.status_code == 302
    document = CaseDocument.objects.get()
    assert "/" not in document.original_name and "\\" not in document.original_name
    assert ".." not in document.original_name
    assert len(document.original_name) <= 255 and document.original_name.endswith(".pdf")
    assert "etc" not in document.file.name and "å" not in document.file.name
    client.force_login(advisor)
    download = client.get(f"/admin/borgerraadgiver/cases/documents/{document.pk}/download/")
    disposition = download["Content-Disposition"]
    assert download.status_code == 200 and disposition.startswith("attachment;")
    assert "\n" not in disposition and "/" not in disposition.split("filename")[-1]


def test_form_rejects_a_date_in_the_future(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, matter_date="01-01-2999")
    assert "future" in error_codes(response, "matter_date")


def test_form_rejects_a_date_that_is_not_a_date(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, matter_date="31-02-2026")
    assert "invalid" in error_codes(response, "matter_date")


def test_form_rejects_a_phone_number_with_letters(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, phone="ring til mig")
    assert "invalid_phone" in error_codes(response, "phone")
    assert "telefonnummer på 8 til 15 cifre" in response.content.decode()


def test_form_rejects_a_forged_form_token(client, form_page, area, nothing_stored):
    response = send(client, form_page, area, form_token="forged")
    assert "invalid_token" in [e.code for e in response.context["form"].non_field_errors()
                               .as_data()]
