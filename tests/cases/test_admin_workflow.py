"""The advisor's workflow through the admin: each step, and each refusal, changes what it says."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data  # noqa: F401

from borgerraadgiver_plugin.cases import deadlines
from borgerraadgiver_plugin.cases.models import Case, CaseEvent, CaseLink, Forwarding
from borgerraadgiver_plugin.choices import CaseStatus, HandlingMethod, Outcome
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import CaseFactory, RecommendationFactory, ThemeFactory, UserFactory

from .admin_helpers import action_url, url

pytestmark = pytest.mark.django_db


def fresh(case):
    return Case.objects.get(pk=case.pk)


def post(client, case, action, data=None):
    return client.post(action_url(case, action), data or {}, follow=True)


def test_triage_sets_type_origin_area_and_themes(advisor_client):
    case = CaseFactory()
    theme = ThemeFactory()
    response = post(advisor_client, case, "triage", {
        "inquiry_type": "COMPLAINT", "origin": "CITIZEN", "area": case.area_id,
        "themes": [theme.pk], "within_remit": "on"})
    assert response.status_code == 200
    case = fresh(case)
    assert case.status == CaseStatus.OPEN and case.triaged_at is not None
    assert list(case.themes.all()) == [theme]
    assert case.events.filter(kind="STATUS_CHANGE").exists()


def test_triage_outside_the_remit_needs_a_reason(advisor_client):
    case = CaseFactory()
    response = post(advisor_client, case, "triage", {
        "inquiry_type": "COMPLAINT", "origin": "CITIZEN", "area": case.area_id})
    assert "afvisningsgrund" in response.content.decode().lower()
    assert fresh(case).triaged_at is None


def test_forwarding_without_consent_is_refused(advisor_client):
    case = CaseFactory(consent_contact_unit=False)
    response = post(advisor_client, case, "forward", {
        "unit": case.area_id, "sent_on": timezone.localdate().isoformat()})
    assert "samtykke" in response.content.decode()
    assert not Forwarding.objects.exists()
    assert fresh(case).status == CaseStatus.NEW


def test_contacting_the_caseworker_without_consent_is_refused(advisor_client):
    case = CaseFactory(consent_contact_unit=False)
    response = post(advisor_client, case, "event", {
        "kind": "CALL", "text": "Ringede til sagsbehandleren", "with_unit": "on"})
    assert "samtykke" in response.content.decode()
    assert not case.events.exists()


def test_forwarding_after_consent_sets_a_working_day_deadline(advisor_client):
    case = CaseFactory(consent_contact_unit=False)
    post(advisor_client, case, "consent", {"wording": "Borgeren siger ja i telefonen."})
    assert fresh(case).consent_contact_unit
    sent = datetime.date(2025, 12, 19)  # a Friday before Christmas
    post(advisor_client, case, "forward", {"unit": case.area_id, "contact_person": "Teamleder",
                                           "sent_on": sent.isoformat()})
    forwarding = Forwarding.objects.get(case=case)
    settings = BorgerraadgiverSettings.current()
    assert forwarding.due_on == settings.calendar.add(sent, settings.forwarding_answer_days)
    assert forwarding.due_on > sent + datetime.timedelta(days=14)  # holidays are skipped
    case = fresh(case)
    assert case.status == CaseStatus.AWAITING_UNIT
    assert case.handling_methods.filter(method=HandlingMethod.FORWARDED).exists()
    assert case.next_deadline is not None
    post(advisor_client, case, "answer", {"forwarding": forwarding.pk, "upheld": "UPHELD",
                                          "answered_on": timezone.localdate().isoformat()})
    forwarding.refresh_from_db()
    assert forwarding.answered_on and forwarding.upheld == "UPHELD"
    assert fresh(case).status == CaseStatus.OPEN


def test_closing_without_an_outcome_is_refused(advisor_client):
    case = CaseFactory(open=True)
    response = post(advisor_client, case, "close", {"methods": [HandlingMethod.GUIDED]})
    assert "udfald" in response.content.decode().lower() or "resultat" in \
        response.content.decode().lower()
    case = fresh(case)
    assert case.status == CaseStatus.OPEN and case.closed_at is None
    assert not case.handling_methods.exists()


def test_closing_without_handling_methods_is_refused(advisor_client):
    case = CaseFactory(open=True)
    response = post(advisor_client, case, "close", {"outcome": Outcome.UPHELD})
    assert "løsningsmetode" in response.content.decode().lower()
    assert fresh(case).status == CaseStatus.OPEN


def test_close_and_reopen_are_recorded(advisor_client):
    case = CaseFactory(open=True)
    post(advisor_client, case, "close", {"outcome": Outcome.UPHELD,
                                         "methods": [HandlingMethod.GUIDED]})
    case = fresh(case)
    assert case.status == CaseStatus.CLOSED and case.outcome == Outcome.UPHELD
    post(advisor_client, case, "reopen", {"reason": "Borgeren kom med nye oplysninger"})
    case = fresh(case)
    assert case.status == CaseStatus.OPEN and case.closed_at is None
    assert case.events.filter(text__contains="nye oplysninger").exists()


def test_pausing_without_a_reason_is_refused(advisor_client):
    case = CaseFactory(open=True)
    response = post(advisor_client, case, "pause", {"reason": "   "})
    assert "begrundelse" in response.content.decode().lower()
    case = fresh(case)
    assert case.paused_at is None and not case.events.exists()


def test_pause_and_resume_are_on_the_timeline(advisor_client):
    case = CaseFactory(open=True)
    post(advisor_client, case, "pause", {"reason": "Venter på lægeerklæring"})
    case = fresh(case)
    assert case.status == CaseStatus.AWAITING_CITIZEN
    assert case.citizen_reply_due == deadlines.citizen_reply_due(timezone.localdate())
    assert case.next_deadline == case.citizen_reply_due
    assert case.events.filter(kind="DEADLINE", text__contains="lægeerklæring").exists()
    post(advisor_client, case, "resume")
    case = fresh(case)
    assert case.paused_at is None and case.status == CaseStatus.OPEN


def test_extending_a_deadline_needs_a_reason_and_a_later_date(advisor_client):
    due = timezone.localdate() + datetime.timedelta(days=3)
    case = CaseFactory(open=True, acknowledgement_due=due)
    later = (due + datetime.timedelta(days=7)).isoformat()
    post(advisor_client, case, "extend", {"deadline": "acknowledgement:", "new_due": later})
    assert fresh(case).acknowledgement_due == due
    response = post(advisor_client, case, "extend", {
        "deadline": "acknowledgement:", "new_due": due.isoformat(), "reason": "Ferie"})
    assert fresh(case).acknowledgement_due == due
    assert "senere" in response.content.decode()
    post(advisor_client, case, "extend", {"deadline": "acknowledgement:", "new_due": later,
                                          "reason": "Borgeren har bedt om mere tid"})
    case = fresh(case)
    assert case.acknowledgement_due.isoformat() == later
    assert case.events.filter(kind="DEADLINE", text__contains="mere tid").exists()


def test_investigation_statement_and_hearing_deadlines(advisor_client):
    case = CaseFactory(open=True, consent_contact_unit=True)
    asked = timezone.localdate()
    post(advisor_client, case, "statement-request", {"questions": "Hvorfor ingen partshøring?",
                                                     "asked_on": asked.isoformat()})
    case = fresh(case)
    assert case.statement_due == deadlines.statement_due(asked)
    assert case.handling_methods.filter(method=HandlingMethod.INVESTIGATION).exists()
    post(advisor_client, case, "statement-received", {"received_on": asked.isoformat()})
    case = fresh(case)
    assert case.statement_received_on == asked and case.hearing_due > asked
    post(advisor_client, case, "conclude", {"statement": "Kommunen burde have partshørt.",
                                            "criticism_level": "KRITISABELT",
                                            "request_to_act": "Genoptag sagen."})
    case = fresh(case)
    assert case.criticism_level == "KRITISABELT" and case.request_to_act


def test_internal_notes_look_different_from_what_the_citizen_sees(advisor_client):
    case = CaseFactory(open=True)
    post(advisor_client, case, "event", {"kind": "NOTE", "text": "Intern tanke", "internal": "on"})
    post(advisor_client, case, "event", {"kind": "LETTER_OUT", "text": "Brev til borgeren"})
    body = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Intern tanke" in body and "Brev til borgeren" in body
    assert "Delt med borgeren" in body and "Intern" in body
    event = case.events.get(text="Brev til borgeren")
    assert not event.internal and event.author is not None


def test_merge_points_to_the_survivor_and_leaves_statistics(advisor_client):
    duplicate, survivor = CaseFactory(), CaseFactory()
    post(advisor_client, duplicate, "merge", {"reference": survivor.reference})
    duplicate = fresh(duplicate)
    assert duplicate.status == CaseStatus.MERGED and duplicate.merged_into == survivor
    assert duplicate not in Case.objects.countable()
    assert CaseLink.objects.filter(case=duplicate, other=survivor, kind="DUPLICATE").exists()
    assert survivor.events.filter(kind="LINK").exists()


def test_editing_a_merged_case_is_refused(advisor_client):
    duplicate, survivor = CaseFactory(), CaseFactory()
    post(advisor_client, duplicate, "merge", {"reference": survivor.reference})
    response = advisor_client.get(url("edit", duplicate.pk), follow=True)
    assert survivor.reference in response.content.decode()
    assert "sammenlagt" in response.content.decode()
    response = advisor_client.post(url("edit", duplicate.pk), {"citizen_name": "Ændret"})
    assert response.status_code == 302
    assert fresh(duplicate).citizen_name != "Ændret"
    post(advisor_client, duplicate, "pause", {"reason": "Skulle ikke ske"})
    assert fresh(duplicate).paused_at is None


def test_link_related_cases_and_show_the_same_persons_other_cases(advisor_client):
    one = CaseFactory(citizen_email="lone@example.invalid")
    two = CaseFactory(citizen_email="LONE@example.invalid", citizen_name="Lone")
    stranger = CaseFactory(citizen_email="other@example.invalid")
    post(advisor_client, one, "link", {"reference": stranger.reference, "kind": "RELATED"})
    assert CaseLink.objects.filter(case=one, other=stranger).exists()
    response = post(advisor_client, one, "link", {"reference": one.reference, "kind": "RELATED"})
    assert "en anden sag" in response.content.decode()
    body = advisor_client.get(url("inspect", one.pk)).content.decode()
    same_person = body.split("andre sager")[1]
    assert two.reference in same_person


def test_two_people_editing_one_case_the_second_is_refused(advisor_client, advisor, client):
    other = UserFactory(username="advisor2", groups=[ADVISOR_GROUP])
    case = CaseFactory(citizen_name="Original")
    advisor_client.post(url("lock", case.pk))
    assert fresh(case).locked
    client.force_login(other)
    response = client.get(url("edit", case.pk))
    assert response.status_code == 200
    response = client.post(url("edit", case.pk), {
        "received_at": timezone.now().strftime("%Y-%m-%d %H:%M"), "channel": "PHONE",
        "requester_role": "CITIZEN", "citizen_name": "Overskrevet",
        "citizen_email": "x@example.invalid"})
    body = response.content.decode()
    assert "could not be saved as it is locked" in body or "låst" in body
    assert fresh(case).citizen_name == "Original"


def test_acknowledgement_clears_its_deadline(advisor_client):
    case = CaseFactory(open=True,
                       acknowledgement_due=timezone.localdate() - datetime.timedelta(days=1))
    CaseEvent.objects.all().delete()
    post(advisor_client, case, "acknowledge")
    case = fresh(case)
    assert case.acknowledged_at is not None and case.next_deadline is None


def test_a_document_attaches_to_a_timeline_entry(advisor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = CaseFactory(open=True)
    pdf = SimpleUploadedFile("afgoerelse.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\n",
                             content_type="application/pdf")
    post(advisor_client, case, "event", {"kind": "LETTER_IN", "text": "Afgørelsen modtaget",
                                         "attachment": pdf})
    event = case.events.get(text="Afgørelsen modtaget")
    document = event.documents.get()
    assert document.original_name == "afgoerelse.pdf"
    assert document.content_type == "application/pdf" and len(document.sha256) == 64
    assert "afgoerelse.pdf" in advisor_client.get(url("inspect", case.pk)).content.decode()


def test_saving_over_a_newer_version_is_refused_with_a_conflict_message(advisor_client):
    case = CaseFactory(citizen_name="Original", status=CaseStatus.OPEN)
    page = advisor_client.get(url("edit", case.pk)).content.decode()
    assert 'name="loaded_version"' in page
    loaded = fresh(case).updated_at.isoformat()
    post(advisor_client, case, "event", {"kind": "NOTE", "text": "En kollega skrev imens"})
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())
    response = advisor_client.post(url("edit", case.pk), {
        "loaded_version": loaded,
        "received_at": timezone.localtime(case.received_at).strftime("%Y-%m-%d %H:%M"),
        "channel": "PHONE", "requester_role": "CITIZEN", "citizen_name": "Overskrevet",
        "citizen_email": "x@example.invalid"})
    assert response.status_code == 200
    assert "ændret sagen" in response.content.decode()
    assert fresh(case).citizen_name == "Original"


def test_saving_the_version_one_opened_succeeds(advisor_client):
    case = CaseFactory(citizen_name="Original", status=CaseStatus.OPEN)
    response = advisor_client.post(url("edit", case.pk), {
        "loaded_version": fresh(case).updated_at.isoformat(),
        "received_at": timezone.localtime(case.received_at).strftime("%Y-%m-%d %H:%M"),
        "channel": "PHONE", "requester_role": "CITIZEN", "citizen_name": "Rettet",
        "citizen_email": "x@example.invalid"})
    assert response.status_code == 302
    assert fresh(case).citizen_name == "Rettet"


def test_workflow_steps_appear_in_wagtails_history(advisor_client):
    from wagtail.models import ModelLogEntry

    case = CaseFactory(open=True)
    post(advisor_client, case, "close", {"outcome": Outcome.UPHELD,
                                         "methods": [HandlingMethod.GUIDED]})
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action="wagtail.edit").exists()
    assert advisor_client.get(url("history", case.pk)).status_code == 200


def test_timeline_entry_refuses_a_cpr_number(advisor_client):
    case = CaseFactory(open=True)
    response = post(advisor_client, case, "event", {"kind": "NOTE",
                                                    "text": "Borgerens cpr 0101901234"})
    assert "CPR" in response.content.decode()
    assert not case.events.exists()


def test_inspect_lists_the_cases_recommendations(advisor_client):
    case = CaseFactory(open=True)
    RecommendationFactory(text="Brug et enklere sprog i breve", source_case=case)
    body = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Brug et enklere sprog i breve" in body
