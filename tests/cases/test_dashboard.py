"""Home-page panels: what needs action, each linking to the filtered listing."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases import deadlines
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from tests.factories import CaseFactory, OutboxMessageFactory

pytestmark = pytest.mark.django_db


def test_dashboard_shows_what_needs_action_with_links(advisor_client):
    today = timezone.localdate()
    new = CaseFactory()
    late = CaseFactory(forwarded=True, triaged_at=timezone.now(),
                       forwarding__sent_on=today - datetime.timedelta(30),
                       forwarding__due_on=today - datetime.timedelta(days=2))
    Case.objects.filter(pk=late.pk).update(next_deadline=today - datetime.timedelta(days=2))
    soon = CaseFactory(open=True, triaged_at=timezone.now())
    Case.objects.filter(pk=soon.pk).update(next_deadline=deadlines.week_bounds(today)[1])
    OutboxMessageFactory(reference="BR-2025-0009", status=OutboxStatus.FAILED)
    body = advisor_client.get("/admin/").content.decode()
    assert new.reference in body and late.reference in body and soon.reference in body
    assert "triage=untriaged" in body
    assert "deadline=overdue" in body
    assert "deadline=week" in body
    assert "BR-2025-0009" in body and "status=FAILED" in body
    listing = advisor_client.get(
        "/admin/borgerraadgiver/cases/?deadline=overdue").content.decode()
    assert late.reference in listing and new.reference not in listing


def test_dashboard_shows_no_case_panels_to_the_veteran_coordinator(client, veteran_coordinator):
    case = CaseFactory()
    client.force_login(veteran_coordinator)
    body = client.get("/admin/").content.decode()
    assert case.reference not in body
    assert "borgerraadgiver_untriaged" not in body


def waiting_message(minutes_ago, reference="BR-2025-0010"):
    message = OutboxMessageFactory(reference=reference)
    OutboxMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return message


def test_dashboard_warns_when_an_email_has_waited_too_long(advisor_client):
    waiting_message(5)
    body = advisor_client.get("/admin/").content.decode()
    assert "E-mails venter på at blive sendt" not in body
    waiting_message(45, reference="BR-2025-0011")
    body = advisor_client.get("/admin/").content.decode()
    assert "E-mails venter på at blive sendt" in body
    assert "1 e-mail er ikke sendt endnu" in body and "Bed IT om at undersøge det" in body
    assert "status=PENDING" in body


def test_the_waiting_threshold_is_a_setting(advisor_client, settings):
    settings.BORGERRAADGIVER_OUTBOX_WARN_MINUTES = 60
    waiting_message(45)
    assert "E-mails venter på at blive sendt" not in advisor_client.get("/admin/").content.decode()
    settings.BORGERRAADGIVER_OUTBOX_WARN_MINUTES = 10
    assert "E-mails venter på at blive sendt" in advisor_client.get("/admin/").content.decode()
