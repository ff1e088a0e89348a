"""Home-page panels: what needs action, each linking to the filtered listing."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases import deadlines
from borgerraadgiver_plugin.cases.models import Case, Forwarding
from borgerraadgiver_plugin.choices import CaseStatus
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_dashboard_shows_what_needs_action_with_links(advisor_client):
    today = timezone.localdate()
    new = CaseFactory()
    late = CaseFactory(status=CaseStatus.AWAITING_UNIT, triaged_at=timezone.now())
    Forwarding.objects.create(case=late, unit=late.area, sent_on=today - datetime.timedelta(30),
                              due_on=today - datetime.timedelta(days=2))
    Case.objects.filter(pk=late.pk).update(next_deadline=today - datetime.timedelta(days=2))
    soon = CaseFactory(status=CaseStatus.OPEN, triaged_at=timezone.now())
    Case.objects.filter(pk=soon.pk).update(next_deadline=deadlines.week_bounds(today)[1])
    OutboxMessage.objects.create(kind="x", recipient="a@example.invalid", subject="Kvittering",
                                 body="-", reference="BR-2025-0009", status=OutboxStatus.FAILED)
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
