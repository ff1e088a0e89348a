"""The complaint form through HTTP: submit, receipt, triage, outbox, files, spam defence."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case, CaseDocument
from borgerraadgiver_plugin.choices import (
    CaseStatus,
    Channel,
    RejectionReason,
    RequesterRole,
)
from borgerraadgiver_plugin.models import Area, BorgerraadgiverSettings, OutboxMessage
from borgerraadgiver_plugin.models.outbox import OutboxStatus

from .form_answers import form_token, valid_data
from .sample_files import pdf, png, upload

pytestmark = pytest.mark.django_db


def post(client, page, area, **overrides):
    return client.post(page.url, valid_data(client, page, area, **overrides))


def test_form_page_shows_labelled_form_and_remit_text(client, form_page, area):
    response = client.get(form_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Borgerrådgiveren kan ikke ændre afgørelser." in html
    assert '<label class="br-label" for="id_account">' in html
    assert "<legend" in html and 'aria-describedby="id_account_helptext"' in html
    assert 'class="br-honeypot" aria-hidden="true"' in html
    assert "CPR" in html
    assert 'name="cpr"' not in html.lower()
    assert 'enctype="multipart/form-data"' in html and "novalidate" in html


def test_valid_submit_creates_a_new_web_case_and_redirects_to_an_unguessable_receipt(
        client, form_page, area):
    response = post(client, form_page, area)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.status == CaseStatus.NEW and case.channel == Channel.WEBFORM
    assert case.reference.startswith("BR-")
    assert response["Location"] == f"/borgerraadgiveren/kvittering/{case.receipt_token}/"
    assert case.reference not in response["Location"]
    assert f"/{case.pk}/" not in response["Location"]
    assert case.consent_contact_unit and case.consent_given_at
    assert "kontakte" in case.consent_wording or "contact" in case.consent_wording
    assert case.area == area and case.citizen_name == "Anne Hansen"
    assert case.unit_contacted is True and case.unit_answered is False
    calendar = BorgerraadgiverSettings.current().calendar
    assert case.acknowledgement_due == calendar.add(timezone.localdate(case.received_at), 10)


def test_receipt_shows_reference_next_step_and_expected_date(client, form_page, area):
    response = client.get(post(client, form_page, area)["Location"])
    case = Case.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert case.reference in html
    assert "Vi svarer inden for 10 arbejdsdage." in html
    assert "Tak for din henvendelse." in html
    assert str(case.acknowledgement_due.year) in html
    assert "Anne Hansen" not in html
    assert response["Cache-Control"] == "private, no-store"


def test_receipt_with_an_unknown_token_is_not_found(client, form_page):
    assert client.get(f"{form_page.url}kvittering/not-a-token/").status_code == 404


def test_double_submit_of_the_same_form_lands_on_the_same_receipt(client, form_page, area):
    data = valid_data(client, form_page, area)
    first = client.post(form_page.url, data)
    second = client.post(form_page.url, data)
    assert first["Location"] == second["Location"]
    assert Case.objects.count() == 1
    assert OutboxMessage.objects.count() == 2


def test_outbox_mails_carry_only_the_reference(client, form_page, area,
                                              django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_page, area)
    case = Case.objects.get()
    messages = OutboxMessage.objects.order_by("recipient")
    assert [m.recipient for m in messages] == ["anne@example.invalid",
                                               "raadgiver@example.invalid"]
    for message in messages:
        assert message.reference == case.reference
        assert case.reference in message.body
        for secret in ("Anne", "Hansen", "hjælpemidler", "anne@"):
            assert secret not in message.body and secret not in message.subject
    # The immediate task backend delivered them once the transaction committed.
    assert len(mail.outbox) == 2
    assert set(messages.values_list("status", flat=True)) == {OutboxStatus.SENT}


def test_receipt_is_shown_when_the_mail_server_is_down(client, form_page, area, settings,
                                                       django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_page, area)
    assert client.get(response["Location"]).status_code == 200
    assert OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count() == 2
    assert "mail server is down" in OutboxMessage.objects.first().last_error


def test_case_pending_at_the_ombudsman_is_flagged_and_the_receipt_names_the_ombudsman(
        client, form_page, area):
    response = post(client, form_page, area, elsewhere="OMBUDSMAN")
    case = Case.objects.get()
    assert case.suggested_rejection_reason == RejectionReason.PENDING_ELSEWHERE
    assert case.status == CaseStatus.NEW
    html = client.get(response["Location"]).content.decode()
    assert "Folketingets Ombudsmand" in html and "ombudsmanden.dk" in html


@pytest.mark.parametrize(("answers", "reason"), [
    ({"concerns": ["POLITICAL"]}, RejectionReason.POLITICAL),
    ({"concerns": ["EMPLOYMENT"]}, RejectionReason.PERSONNEL),
    ({"concerns": ["OTHER_AUTHORITY"]}, RejectionReason.OUTSIDE_MUNICIPALITY),
    ({"elsewhere": "COURT"}, RejectionReason.PENDING_ELSEWHERE),
    ({"elsewhere": "APPEAL_BODY", "concerns": ["POLITICAL"]},
     RejectionReason.PENDING_ELSEWHERE),
])
def test_answers_outside_the_remit_suggest_a_rejection_reason(client, form_page, area,
                                                              answers, reason):
    post(client, form_page, area, **answers)
    assert Case.objects.get().suggested_rejection_reason == reason


def test_an_area_outside_the_municipality_suggests_outside_municipality(client, form_page, area):
    external = Area.objects.get(is_external=True)
    client.post(form_page.url, valid_data(client, form_page, external))
    assert Case.objects.get().suggested_rejection_reason == RejectionReason.OUTSIDE_MUNICIPALITY


def test_a_case_inside_the_remit_has_no_suggested_reason(client, form_page, area):
    post(client, form_page, area)
    assert Case.objects.get().suggested_rejection_reason == ""


def test_remit_guidance_is_shown_after_a_submit_without_javascript(client, form_page, area):
    response = post(client, form_page, area, elsewhere="COURT", account="")
    html = response.content.decode()
    panel = re.search(r'<div class="br-triage-panel" data-triage-panel="COURT"([^>]*)>', html)
    assert panel and "hidden" not in panel.group(1)
    assert 'data-triage-panel="OMBUDSMAN" hidden' in html
    assert "Domstolene" in html


def test_the_form_marks_answers_for_the_guidance_script(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert 'data-triage="OMBUDSMAN"' in html and 'data-triage-panel="OMBUDSMAN" hidden' in html
    external = Area.objects.get(is_external=True)
    assert re.search(rf'data-triage="OTHER_AUTHORITY"[^>]*value="{external.pk}"', html) or (
        re.search(rf'value="{external.pk}"[^>]*data-triage="OTHER_AUTHORITY"', html))
    assert 'name="area" value="unknown"' in html or 'value="unknown"' in html
    assert "complaint_form.js" in html


def test_an_old_matter_is_flagged_not_refused(client, form_page, area):
    response = post(client, form_page, area, matter_date="01-01-2020")
    case = Case.objects.get()
    assert case.age_limit_exceeded and case.status == CaseStatus.NEW
    assert "12" in client.get(response["Location"]).content.decode()


def test_a_recent_matter_is_not_flagged(client, form_page, area):
    post(client, form_page, area, matter_date="")
    assert not Case.objects.get().age_limit_exceeded


def test_anonymous_guidance_is_allowed(client, form_page, area):
    response = post(client, form_page, area, inquiry_type="GUIDANCE", name="", email="",
                    contact_preference="", consent_contact_unit="")
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.requester_role == RequesterRole.ANONYMOUS and case.is_anonymous
    assert OutboxMessage.objects.filter(recipient="raadgiver@example.invalid").exists()
    assert not OutboxMessage.objects.exclude(recipient="raadgiver@example.invalid").exists()


def test_anonymous_complaint_asks_for_a_name(client, form_page, area):
    response = post(client, form_page, area, name="", email="", contact_preference="")
    assert response.status_code == 200
    assert "name_required" in [e.code for e in response.context["form"].errors.as_data()["name"]]
    assert not Case.objects.exists()


def test_anonymous_guidance_is_refused_when_the_page_does_not_allow_it(client, form_page, area):
    form_page.allow_anonymous_guidance = False
    form_page.save()
    response = post(client, form_page, area, inquiry_type="GUIDANCE", name="", email="",
                    contact_preference="")
    assert response.status_code == 200 and not Case.objects.exists()


def test_a_representative_must_name_the_person_and_is_registered_as_representative(
        client, form_page, area):
    response = post(client, form_page, area, on_behalf="on", on_behalf_of="")
    assert "on_behalf_of" in response.context["form"].errors
    assert "fuldmagt" in response.content.decode() or "power of attorney" in (
        response.content.decode())
    post(client, form_page, area, on_behalf="on", on_behalf_of="Karl Hansen")
    case = Case.objects.get()
    assert case.requester_role == RequesterRole.REPRESENTATIVE
    assert case.citizen_name == "Karl Hansen"  # the party
    assert case.representative.name != "Karl Hansen"  # the writer


def test_consent_is_not_assumed(client, form_page, area):
    post(client, form_page, area, consent_contact_unit="")
    case = Case.objects.get()
    assert not case.consent_contact_unit and case.consent_wording == ""


def test_attachments_are_stored_privately_under_random_names(client, form_page, area, settings):
    response = post(client, form_page, area, attachments=[pdf("Afgørelse.pdf"),
                                                          upload("billede.png", png())])
    assert response.status_code == 302
    documents = CaseDocument.objects.order_by("original_name")
    assert [d.original_name for d in documents] == ["Afgørelse.pdf", "billede.png"]
    assert [d.content_type for d in documents] == ["application/pdf", "image/png"]
    for document in documents:
        assert "Afg" not in document.file.name and "billede" not in document.file.name
        path = document.file.path
        assert path.startswith(document.file.storage.location)
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert len(document.sha256) == 64 and document.size > 0


def test_download_is_forced_logged_and_needs_the_view_case_permission(
        client, form_page, area, advisor, staff_member):
    post(client, form_page, area, attachments=[pdf('klage "1".pdf')])
    document = CaseDocument.objects.get()
    url = f"/admin/borgerraadgiver/cases/documents/{document.pk}/download/"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(staff_member)
    assert client.get(url).status_code in (302, 403)
    client.force_login(advisor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert ModelLogEntry.objects.filter(action=audit.DOWNLOAD, user=advisor,
                                        object_id=str(document.case_id)).exists()


def test_a_user_without_view_case_is_refused_a_download(client, form_page, area, admin_user,
                                                       django_user_model):
    post(client, form_page, area, attachments=[pdf()])
    document = CaseDocument.objects.get()
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(f"/admin/borgerraadgiver/cases/documents/{document.pk}/download/")
    # Wagtail's admin turns PermissionDenied into a redirect with a message.
    assert response.status_code in (302, 403)
    assert "attachment" not in response.get("Content-Disposition", "")
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=editor).exists()


def test_honeypot_hit_looks_like_success_and_stores_nothing(client, form_page, area):
    response = post(client, form_page, area, website="http://spam.example")
    assert response.status_code == 200
    assert "Tak for din henvendelse." in response.content.decode()
    assert not Case.objects.exists() and not OutboxMessage.objects.exists()


def test_too_fast_submit_asks_to_send_again_and_keeps_the_text(client, form_page, area,
                                                                settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 60
    response = post(client, form_page, area)
    html = response.content.decode()
    assert response.status_code == 200 and "Tak for din henvendelse." not in html
    assert "Vent et øjeblik" in html and "hjælpemidler" in html
    assert not Case.objects.exists()


def test_expired_form_asks_to_send_again_and_keeps_the_text(client, form_page, area, settings):
    data = valid_data(client, form_page, area)
    settings.BORGERRAADGIVER_FORM_MAX_AGE = -1
    response = client.post(form_page.url, data)
    html = response.content.decode()
    assert response.status_code == 200 and not Case.objects.exists()
    assert "expired" in html or "udløb" in html
    assert "hjælpemidler" in html  # the account is still in the textarea
    settings.BORGERRAADGIVER_FORM_MAX_AGE = 3600
    data["form_token"] = response.context["form"].data["form_token"]
    assert client.post(form_page.url, data).status_code == 302


def test_many_posts_from_one_address_are_rate_limited(client, form_page, area, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 2
    for _n in range(2):
        client.post(form_page.url, {"account": "x"})
    response = post(client, form_page, area)
    assert response.status_code == 429
    assert "hjælpemidler" in response.content.decode()
    assert not Case.objects.exists()


def test_a_spoofed_forwarded_for_does_not_escape_the_rate_limit(client, form_page, area,
                                                                settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 2
    for n in range(2):
        client.post(form_page.url, {"account": "x"}, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = client.post(form_page.url, valid_data(client, form_page, area),
                           HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429
    cache.clear()


def test_the_block_renders_the_form_and_posts_to_the_same_pipeline(client, form_page, area,
                                                                   home):
    from home.models import ContentPage

    page = ContentPage(title="Kontakt", slug="kontakt", body=[
        ("complaint_form", {"heading": "Skriv til borgerrådgiveren", "page": form_page})])
    home.add_child(instance=page)
    html = client.get(page.url).content.decode()
    assert "Skriv til borgerrådgiveren" in html
    assert 'action="/borgerraadgiveren/"' in html and 'name="form_token"' in html
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = valid_data(client, form_page, area, form_token=token)
    assert client.post(form_page.url, data).status_code == 302
    assert Case.objects.count() == 1


def test_the_template_tag_renders_the_same_form(form_page, area, rf=None):
    request = RequestFactory().get("/andet-sted/")
    request.site = form_page.get_site()
    html = Template("{% load borgerraadgiver_cases %}{% complaint_form %}").render(
        Context({"request": request}))
    assert 'action="/borgerraadgiveren/"' in html and 'name="account"' in html
    assert "csrfmiddlewaretoken" in html


def test_a_page_without_attachments_has_no_file_field(client, form_page, area):
    form_page.allow_attachments = False
    form_page.save()
    assert 'type="file"' not in client.get(form_page.url).content.decode()
    response = post(client, form_page, area, attachments=[pdf()])
    assert response.status_code == 302 and not CaseDocument.objects.exists()


def test_error_state_prefixes_the_title_links_each_error_and_keeps_input(client, form_page,
                                                                         area):
    response = post(client, form_page, area, inquiry_type="", name="Bo <Jensen>")
    html = response.content.decode()
    assert re.search(r"<title>\s*Fejl: ", html)
    assert 'id="br-error-summary"' in html and 'href="#id_inquiry_type_0"' in html
    assert 'value="Bo &lt;Jensen&gt;"' in html
    assert "hjælpemidler" in html


def test_first_get_sets_a_fresh_token_each_time(client, form_page):
    assert form_token(client, form_page) != form_token(client, form_page)


def test_editors_can_edit_the_form_page_texts_and_options(admin_client, form_page):
    response = admin_client.get(f"/admin/pages/{form_page.pk}/edit/")
    html = response.content.decode()
    assert response.status_code == 200
    for field in ("remit_text", "what_happens_next", "thank_you_text", "allow_attachments",
                  "allow_anonymous_guidance", "notification_emails"):
        assert f'name="{field}"' in html


def test_notification_addresses_fall_back_to_the_advisor_settings(client, form_page, area):
    form_page.notification_emails = ""
    form_page.save()
    settings = BorgerraadgiverSettings.current()
    settings.notification_emails = "a@example.invalid, b@example.invalid"
    settings.save()
    post(client, form_page, area)
    assert set(OutboxMessage.objects.values_list("recipient", flat=True)) == {
        "anne@example.invalid", "a@example.invalid", "b@example.invalid"}


def test_failed_mail_is_shown_to_the_advisor_on_the_dashboard(advisor_client, form_page, area):
    from borgerraadgiver_plugin.outbox import queue_message

    message = queue_message("case.acknowledgement", "anne@example.invalid", "Kvittering",
                            "Tak.", reference="BR-2026-0042")
    message.status, message.last_error = OutboxStatus.FAILED, "SMTPServerDisconnected: down"
    message.save()
    html = advisor_client.get("/admin/").content.decode()
    assert "BR-2026-0042" in html and "SMTPServerDisconnected" in html


def test_the_dashboard_has_no_mail_panel_when_nothing_failed(advisor_client, form_page):
    assert "borgerraadgiver-failed-mail" not in advisor_client.get("/admin/").content.decode()


def test_the_same_form_sent_again_with_other_content_is_a_new_inquiry(client, form_page, area):
    data = valid_data(client, form_page, area)
    first = client.post(form_page.url, data)
    changed = client.post(form_page.url, {**data, "account": "Og en ting mere om skolebussen."})
    again = client.post(form_page.url, {**data, "account": "Og en ting mere om skolebussen."})
    assert first["Location"] != changed["Location"] == again["Location"]
    assert sorted(Case.objects.values_list("account", flat=True)) == [
        "Jeg har ventet fire måneder på svar på min ansøgning om hjælpemidler.",
        "Og en ting mere om skolebussen."]
