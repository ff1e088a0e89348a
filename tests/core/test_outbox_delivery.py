"""Delivery against a real SMTP conversation on 127.0.0.1: hung, refusing and busy servers,
and two workers at once."""

import datetime
import importlib
import sys
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from borgerraadgiver_plugin import outbox
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from borgerraadgiver_plugin.outbox import LEASE, claim_next, deliver_due, queue_message
from tests.factories import OutboxMessageFactory
from tests.smtp_server import SMTPServer

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings):
    """Point Django's SMTP backend at a test server: ``with smtp("silent"): ...``."""
    def serve(mode):
        server = SMTPServer(mode)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        return server
    return serve


def owe():
    return queue_message("ack", "anne@example.invalid", "Kvittering BR-2026-0001", "Tak.",
                         reference="BR-2026-0001")


def timed_delivery(now):
    started = time.monotonic()
    result = deliver_due(now=now)
    return result, time.monotonic() - started


def test_a_server_that_never_answers_times_out_and_the_message_is_retried(smtp, settings):
    settings.EMAIL_TIMEOUT = 1
    message = owe()
    now = timezone.now()
    with smtp("silent"):
        result, elapsed = timed_delivery(now)
    assert result == (0, 1) and elapsed < 5
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    assert message.next_attempt_at > now and "timed out" in message.last_error
    assert not message.claimed_by and message.claimed_until is None


def test_without_email_timeout_the_outbox_still_gives_up_waiting(smtp, settings,
                                                                monkeypatch):
    settings.EMAIL_TIMEOUT = None
    monkeypatch.setattr(outbox, "FALLBACK_EMAIL_TIMEOUT", 1)
    owe()
    with smtp("silent"):
        result, elapsed = timed_delivery(timezone.now())
    assert result == (0, 1) and elapsed < 5


def test_the_outbox_command_ends_when_the_server_hangs(smtp, settings):
    settings.EMAIL_TIMEOUT = 1
    message = owe()
    started = time.monotonic()
    with smtp("silent"):
        call_command("borgerraadgiver_outbox")
    assert time.monotonic() - started < 5
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1


def test_a_permanent_refusal_fails_at_once_and_the_advisor_sees_it(smtp, settings,
                                                                   advisor_client):
    settings.EMAIL_TIMEOUT = 5
    message = owe()
    with smtp("550"):
        assert deliver_due() == (0, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED and message.attempts == 1
    assert "550" in message.last_error
    dashboard = advisor_client.get("/admin/").content.decode()
    assert "kunne ikke sendes" in dashboard and "BR-2026-0001" in dashboard


def test_a_temporary_refusal_is_retried_with_backoff(smtp, settings):
    settings.EMAIL_TIMEOUT = 5
    message = owe()
    now = timezone.now()
    with smtp("451"):
        assert deliver_due(now=now) == (0, 1)
    message.refresh_from_db()
    assert message.status == OutboxStatus.PENDING and message.attempts == 1
    assert message.next_attempt_at == now + outbox.backoff(1)


def test_production_settings_set_an_email_timeout(monkeypatch):
    monkeypatch.setenv("DJANGO_SECRET_KEY", "test")
    monkeypatch.delenv("EMAIL_TIMEOUT", raising=False)
    name = "example_site.settings.production"
    monkeypatch.delitem(sys.modules, name, raising=False)
    assert importlib.import_module(name).EMAIL_TIMEOUT == 30
    monkeypatch.setenv("EMAIL_TIMEOUT", "7")
    assert importlib.reload(sys.modules[name]).EMAIL_TIMEOUT == 7


def test_a_claimed_message_is_left_alone_until_the_claim_runs_out():
    """How SQLite (no row locks) avoids double delivery: a worker claims a row before it
    sends; a worker that died leaves a claim that expires, and the message comes back."""
    owe()
    now = timezone.now()
    assert claim_next("crashed-worker", now) is not None
    assert deliver_due(now=now) == (0, 0) and mail.outbox == []
    assert deliver_due(now=now + LEASE + datetime.timedelta(seconds=1)) == (1, 0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
def test_a_second_worker_skips_rows_another_worker_has_locked():
    # created directly: queue_message would deliver at once here (autocommit, immediate tasks)
    OutboxMessageFactory(kind="ack", recipient="anne@example.invalid", subject="S", body="B")
    locked, release = threading.Event(), threading.Event()
    results = []

    def first_worker():  # holds the row lock, as a worker in the middle of its claim does
        try:
            with transaction.atomic():
                list(OutboxMessage.objects.select_for_update())
                locked.set()
                release.wait(30)
        finally:
            connections.close_all()

    def second_worker():
        try:
            results.append(deliver_due())
        finally:
            connections.close_all()

    holder = threading.Thread(target=first_worker)
    holder.start()
    assert locked.wait(10)
    other = threading.Thread(target=second_worker)
    other.start()
    other.join(timeout=5)
    waited = other.is_alive()
    release.set()
    holder.join(timeout=10)
    other.join(timeout=10)
    assert not waited, "the second worker waited for the lock instead of skipping the row"
    assert results == [(0, 0)] and mail.outbox == []
    assert deliver_due() == (1, 0)
