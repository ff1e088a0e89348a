"""``manage.py borgerraadgiver_reminders``: due reminders through the outbox, each once."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from borgerraadgiver_plugin.models import BorgerraadgiverSettings, OutboxMessage
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def advisor_address(site):
    settings = BorgerraadgiverSettings.for_site(site)
    settings.advisor_email = "raadgiver@example.invalid"
    settings.save()
    return settings.advisor_email


def run():
    out = StringIO()
    call_command("borgerraadgiver_reminders", stdout=out, stderr=out)
    return out.getvalue()


def test_reminders_are_queued_once_however_often_the_command_runs(advisor_address):
    today = timezone.localdate()
    late = CaseFactory(open=True, citizen_name="Hemmelig Borger",
                       acknowledgement_due=today - datetime.timedelta(days=2))
    forwarded = CaseFactory(forwarded=True, forwarding__sent_on=today - datetime.timedelta(days=30),
                            forwarding__due_on=today - datetime.timedelta(days=5))
    CaseFactory(closed=True, acknowledgement_due=today - datetime.timedelta(days=9))
    run()
    run()
    messages = OutboxMessage.objects.order_by("reference")
    assert sorted(m.reference for m in messages) == sorted([late.reference,
                                                            forwarded.reference])
    for message in messages:
        assert message.recipient == advisor_address
        assert "Hemmelig" not in message.body and "anne@" not in message.body
        assert message.reference in message.body
    assert late.events.filter(kind="REMINDER").count() == 1


def test_extending_a_deadline_earns_a_new_reminder(advisor_address):
    today = timezone.localdate()
    case = CaseFactory(open=True,
                       acknowledgement_due=today - datetime.timedelta(days=2))
    run()
    case.acknowledgement_due = today - datetime.timedelta(days=1)
    case.save()
    run()
    assert OutboxMessage.objects.filter(reference=case.reference).count() == 2


def test_unit_is_reminded_halfway_and_marked(advisor_address):
    case = CaseFactory(forwarded=True,
                       forwarding__sent_on=timezone.localdate() - datetime.timedelta(days=10),
                       forwarding__due_on=timezone.localdate() + datetime.timedelta(days=3))
    forwarding = case.forwardings.get()
    run()
    forwarding.refresh_from_db()
    assert forwarding.reminded_at is not None
    assert OutboxMessage.objects.filter(reference=case.reference).count() == 1


def test_reminders_without_an_address_say_so(site):
    CaseFactory(open=True,
                acknowledgement_due=timezone.localdate() - datetime.timedelta(days=2))
    output = run()
    assert "adresse" in output
    assert not OutboxMessage.objects.exists()
