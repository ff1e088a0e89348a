"""Staff intake: a case from a call, letter, meeting, e-mail or outreach session."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data

from borgerraadgiver_plugin.cases.models import Case
from tests.factories import AreaFactory

from .admin_helpers import url

pytestmark = pytest.mark.django_db


def intake(**overrides):
    data = {
        "received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        "channel": "PHONE", "inquiry_type": "COMPLAINT", "origin": "CITIZEN",
        "requester_role": "CITIZEN", "citizen_name": "Birthe Skov",
        "citizen_email": "birthe@example.invalid", "citizen_phone": "", "citizen_address": "",
        "contact_preference": "", "account": "Ringede om hjemmehjælp.",
        "matter_date": "", "unit_contacted": "", "unit_answered": "", "area": "",
        "assigned_to": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_staff_intake_creates_a_case_with_channel_and_deadline(advisor_client, advisor):
    area = AreaFactory()
    response = advisor_client.post(url("add"), intake(area=area.pk, channel="OUTREACH"))
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.channel == "OUTREACH" and case.reference.startswith("BR-")
    assert case.acknowledgement_due is not None and case.next_deadline is not None
    assert case.assigned_to == advisor
    assert case.events.filter(kind="NOTE").exists()


def test_staff_intake_refuses_control_characters_in_the_name(advisor_client):
    response = advisor_client.post(url("add"), intake(citizen_name="Birthe\u202eSkov"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "læseretning" in body or "reading direction" in body
    assert not Case.objects.exists()


def test_staff_intake_refuses_a_nul_byte_in_the_account(advisor_client):
    response = advisor_client.post(url("add"), intake(account="Hej\x00med dig"))
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_staff_intake_refuses_the_web_form_channel(advisor_client):
    response = advisor_client.post(url("add"), intake(channel="WEBFORM"))
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_staff_intake_refuses_a_nameless_complaint(advisor_client):
    response = advisor_client.post(url("add"), intake(citizen_name="", citizen_email=""))
    assert response.status_code == 200
    assert "klage" in response.content.decode().lower()
    assert not Case.objects.exists()


def test_staff_intake_refuses_an_area_closed_when_the_case_arrived(advisor_client):
    closed = AreaFactory(valid_to=timezone.localdate().replace(year=2000))
    response = advisor_client.post(url("add"), intake(area=closed.pk))
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_staff_intake_refuses_an_invalid_email(advisor_client):
    response = advisor_client.post(url("add"), intake(citizen_email="ikke-en-adresse"))
    assert response.status_code == 200
    assert not Case.objects.exists()


def test_staff_intake_refuses_a_cpr_number_in_the_account(advisor_client):
    response = advisor_client.post(url("add"), intake(account="Mit CPR er 010190-1234."))
    assert response.status_code == 200
    assert "CPR" in response.content.decode()
    assert not Case.objects.exists()
