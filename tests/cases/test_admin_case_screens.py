"""The case screens as the advisor sees them (issue 10): every form is read back from the
rendered page and sent unchanged or with the fields a person fills in."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from borgerraadgiver_plugin.cases import workflow
from borgerraadgiver_plugin.cases.models import Case, Forwarding
from borgerraadgiver_plugin.choices import (
    CaseStatus,
    Channel,
    CriticismLevel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RejectionReason,
    UpheldValue,
)
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import CaseDocumentFactory, CaseFactory, ThemeFactory, UserFactory

from .admin_helpers import action_url, url
from .form_answers import valid_data
from .rendered_form import form_data

pytestmark = pytest.mark.django_db

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fresh(case):
    return Case.objects.get(pk=case.pk)


def section(response, section_id):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    heading = soup.select_one(f"#{section_id}")
    assert heading is not None, section_id
    return heading.find_parent("section")


def web_case(**fields):
    defaults = {
        "channel": Channel.WEBFORM, "inquiry_type": InquiryType.COMPLAINT,
        "citizen_name": "Birthe Skov", "citizen_email": "birthe@example.invalid",
        "citizen_phone": "56 57 12 34", "account": "Min mor har ikke fået hjemmehjælp i tre uger.",
        "consent_contact_unit": True, "consent_given_at": timezone.now(),
        "consent_wording": "Jeg giver lov.",
        "suggested_rejection_reason": RejectionReason.DECISION_CONTENT,
    }
    return CaseFactory(**{**defaults, **fields})


def send_unchanged(client, case, action, **changes):
    target = action_url(case, action)
    data = form_data(client, target)
    data.update({name: [value] if isinstance(value, str) else value
                 for name, value in changes.items()})
    return client.post(target, data, follow=True)


# 1. The overview shows the case ----------------------------------------------------------

def test_overview_shows_the_citizen_the_account_consent_and_suggested_reason(advisor_client):
    case = web_case()
    facts = section(advisor_client.get(url("inspect", case.pk)), "case-facts").get_text(" ")
    for shown in ("Birthe Skov", "birthe@example.invalid", "56 57 12 34",
                  "Min mor har ikke fået hjemmehjælp i tre uger.", "Jeg giver lov.",
                  str(RejectionReason.DECISION_CONTENT.label), case.area.name):
        assert shown in facts, shown
    assert "True" not in facts and "False" not in facts and "None" not in facts


# 2. Workflow forms open on the case's own values -----------------------------------------

def test_triage_sent_unchanged_keeps_the_type_area_and_themes(advisor_client):
    theme = ThemeFactory()
    case = web_case()
    case.themes.set([theme])
    response = send_unchanged(advisor_client, case, "triage")
    assert response.status_code == 200
    case = fresh(case)
    assert case.triaged_at is not None
    assert (case.inquiry_type, case.area_id) == (InquiryType.COMPLAINT, case.area_id)
    assert case.area is not None and list(case.themes.all()) == [theme]


def test_forwarding_opens_on_the_case_area_and_today(advisor_client):
    case = web_case()
    response = send_unchanged(advisor_client, case, "forward")
    assert response.status_code == 200
    forwarding = Forwarding.objects.get(case=case)
    assert forwarding.unit_id == case.area_id
    assert forwarding.sent_on == timezone.localdate()


def test_closing_opens_on_the_recorded_methods_and_the_units_answer(advisor_client, advisor):
    case = web_case()
    forwarding = workflow.forward(case, advisor, unit=case.area)
    workflow.record_answer(forwarding, advisor, answered_on=timezone.localdate(),
                           upheld=UpheldValue.PARTLY_UPHELD)
    send_unchanged(advisor_client, fresh(case), "close")
    case = fresh(case)
    assert case.status == CaseStatus.CLOSED
    assert case.outcome == Outcome.PARTLY_UPHELD
    assert list(case.handling_methods.values_list("method", flat=True)) == [
        HandlingMethod.FORWARDED]


def test_the_known_outcome_follows_what_the_case_records(advisor):
    case = web_case()
    assert workflow.known_outcome(case) == ""
    case.advisor_statement = "Kommunen burde have svaret."
    assert workflow.known_outcome(case) == Outcome.NO_CRITICISM
    case.criticism_level = CriticismLevel.KRITISABELT
    assert workflow.known_outcome(case) == Outcome.CRITICISM
    case.request_to_act = "Svar inden for fristen."
    assert workflow.known_outcome(case) == Outcome.REQUEST
    case.rejection_reason = RejectionReason.POLITICAL
    assert workflow.known_outcome(case) == Outcome.REJECTED


# 3. Date inputs carry ISO values ---------------------------------------------------------

def test_every_date_input_shows_an_iso_date_and_sends_as_it_is(advisor_client, advisor):
    case = web_case()
    workflow.forward(case, advisor, unit=case.area)
    for action in ("answer", "statement-request", "forward"):
        html = advisor_client.get(action_url(case, action)).content.decode()
        inputs = BeautifulSoup(html, "html.parser").select("input[type=date]")
        assert inputs, action
        assert all(ISO_DATE.match(field.get("value", "")) for field in inputs), action
    send_unchanged(advisor_client, case, "answer")
    assert Forwarding.objects.get(case=case).answered_on == timezone.localdate()
    send_unchanged(advisor_client, case, "statement-request", questions="Hvorfor intet svar?")
    case = fresh(case)
    assert case.statement_requested_on == timezone.localdate()
    response = send_unchanged(advisor_client, case, "statement-received")
    assert "påkrævet" not in response.content.decode()
    assert fresh(case).statement_received_on == timezone.localdate()


# 4. Documents open from the overview -----------------------------------------------------

def test_the_citizens_attachment_and_timeline_documents_link_to_the_download(
        advisor_client, advisor):
    case = web_case()
    CaseDocumentFactory(case=case, content=b"%PDF-1.4\n")
    response = advisor_client.get(url("inspect", case.pk))
    links = section(response, "case-documents").select("a[href]")
    assert [link.text for link in links] == ["afgoerelse.pdf"]
    download = advisor_client.get(links[0]["href"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4\n"


# 5. A new web case has its deadline at once ----------------------------------------------

def test_a_case_stored_with_its_reference_taken_already_gets_its_next_deadline():
    due = timezone.localdate() + datetime.timedelta(days=14)
    case = Case(channel=Channel.WEBFORM, account="Hjælp", acknowledgement_due=due,
                reference="BR-2099-0001")
    case.save()
    assert fresh(case).next_deadline == due


# 6. What the advisor records stays in view -----------------------------------------------

def test_the_advisors_statement_criticism_and_request_show_on_the_overview(advisor_client):
    case = web_case()
    send_unchanged(advisor_client, case, "conclude", statement="Enheden svarede for sent.",
                   criticism_level=CriticismLevel.KRITISABELT,
                   request_to_act="Svar borgerne inden for fristen.")
    text = section(advisor_client.get(url("inspect", case.pk)), "case-conclusion").get_text(" ")
    assert "Enheden svarede for sent." in text
    assert str(CriticismLevel.KRITISABELT.label) in text
    assert "Svar borgerne inden for fristen." in text
    data = form_data(advisor_client, action_url(case, "conclude"))
    assert data["criticism_level"] == [CriticismLevel.KRITISABELT]


# 8. Advisors by name; one date format on screen, ISO in files ----------------------------

def test_the_assigned_advisor_lists_only_the_advisor_group_by_name(advisor_client, advisor):
    advisor.first_name, advisor.last_name = "Rikke", "Rådgiver"
    advisor.save()
    UserFactory(username="kollega", groups=[ADVISOR_GROUP])
    UserFactory(username="outsider", first_name="Ole")
    case = web_case()
    html = advisor_client.get(url("edit", case.pk)).content.decode()
    select = BeautifulSoup(html, "html.parser").select_one("select[name=assigned_to]")
    labels = [option.text for option in select.select("option") if option.get("value")]
    assert labels == ["kollega", "Rikke Rådgiver"]
    data = form_data(advisor_client, url("edit", case.pk))
    data["assigned_to"] = [str(advisor.pk)]
    advisor_client.post(url("edit", case.pk), data)
    assert fresh(case).assigned_to == advisor


def test_dates_show_in_one_danish_format_and_export_in_iso_with_the_offset(advisor_client):
    received = timezone.make_aware(datetime.datetime(2026, 11, 2, 14, 5))
    case = web_case(received_at=received, acknowledgement_due=datetime.date(2026, 11, 16))
    listing = advisor_client.get(url("list")).content.decode()
    assert "02.11.2026 14:05" in listing and "16.11.2026" in listing
    overview = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "02.11.2026 14:05" in overview and "16.11.2026" in overview
    export = advisor_client.get(url("list"), {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if hasattr(
        export, "streaming_content") else export.content.decode()
    assert "2026-11-02T14:05:00+01:00" in body and "2026-11-16" in body


def test_a_web_inquiry_has_its_deadline_in_the_listing_and_on_the_dashboard_at_once(
        client, form_page, area, advisor):
    response = client.post(form_page.url, valid_data(client, form_page, area))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.next_deadline == case.acknowledgement_due is not None
    client.force_login(advisor)
    due = case.next_deadline.strftime("%d.%m.%Y")
    rows = BeautifulSoup(client.get(url("list")).content.decode(), "html.parser").select("tr")
    row = next(row for row in rows if case.reference in row.get_text())
    assert due in row.get_text()
    panel = section(client.get("/admin/"), "borgerraadgiver_untriaged-heading")
    assert case.reference in panel.get_text() and due in panel.get_text()


def test_the_edit_form_writes_dates_like_the_screens_and_saves_unchanged(advisor_client):
    received = timezone.make_aware(datetime.datetime(2026, 11, 2, 14, 5))
    case = web_case(received_at=received, matter_date=datetime.date(2026, 10, 20))
    data = form_data(advisor_client, url("edit", case.pk))
    assert data["received_at"] == ["02.11.2026 14:05"] and data["matter_date"] == ["20.10.2026"]
    response = advisor_client.post(url("edit", case.pk), data)
    assert response.status_code == 302
    case = fresh(case)
    assert (case.received_at, case.matter_date) == (received, datetime.date(2026, 10, 20))
