import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from borgerraadgiver_plugin.outbox import MAX_ATTEMPTS, deliver_due, queue_message, retry

pytestmark = pytest.mark.django_db


def test_message_is_sent_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_message("ack", "anne@example.invalid", "Kvittering BR-2026-0001", "Tak.",
                      reference="BR-2026-0001")
        assert mail.outbox == []
    assert [m.subject for m in mail.outbox] == ["Kvittering BR-2026-0001"]
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_mail_server_down_keeps_the_message_and_retries_with_backoff(settings):
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"
    message = queue_message("ack", "anne@example.invalid", "Kvittering", "Tak.")
    now = timezone.now()
    assert deliver_due(now=now) == (0, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING
    assert "mail server is down" in message.last_error
    first_retry = message.next_attempt_at
    assert first_retry > now
    assert deliver_due(now=now) == (0, 0)  # not due yet
    assert deliver_due(now=first_retry) == (0, 1)
    message.refresh_from_db()
    assert message.next_attempt_at - first_retry > first_retry - now  # the wait grows


def failed_message(settings):
    """A message that used up every attempt against a mail server that is down."""
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"
    message = queue_message("ack", "anne@example.invalid", "Kvittering", "Tak.")
    for _ in range(MAX_ATTEMPTS):
        message.refresh_from_db()
        deliver_due(now=message.next_attempt_at + datetime.timedelta(seconds=1))
    return message


def test_message_fails_visibly_after_the_last_attempt(settings):
    message = failed_message(settings)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert message.attempts == MAX_ATTEMPTS


def test_a_failed_message_sent_again_gets_a_fresh_set_of_attempts(settings):
    message = failed_message(settings)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert retry(message)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxStatus.PENDING, 0)
    assert deliver_due() == (1, 0)
    assert [m.subject for m in mail.outbox] == ["Kvittering"]
    assert not retry(message)  # sent: nothing to send again
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT


def test_same_dedupe_key_queues_once():
    assert queue_message("reminder", "a@example.invalid", "S", "B", dedupe_key="k1")
    assert queue_message("reminder", "a@example.invalid", "S", "B", dedupe_key="k1") is None
    assert OutboxMessage.objects.count() == 1


def test_outbox_command_sends_due_messages():
    queue_message("ack", "anne@example.invalid", "Kvittering", "Tak.")
    call_command("borgerraadgiver_outbox")
    assert len(mail.outbox) == 1
