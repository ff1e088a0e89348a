"""Faults at the moment a submission commits (issue 17): an after-commit callback that fails,
and a PostgreSQL connection killed inside the submission's transaction. Either way the citizen
never meets a 500: what was committed stays, what was not leaves no row and no file behind,
and the retry the page asks for is stored."""

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction

from borgerraadgiver_plugin import outbox
from borgerraadgiver_plugin.cases import intake
from borgerraadgiver_plugin.cases.documents import DocumentWriter
from borgerraadgiver_plugin.cases.models import Case, CaseDocument
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus, ReferenceCounter
from tests.sites import ensure_default_site

from ..cases.sample_files import pdf
from .public_form_support import complaint, fill, sent_values

pytestmark = pytest.mark.django_db(transaction=True)

needs_postgresql = pytest.mark.skipif(connection.vendor != "postgresql",
                                      reason="kills a PostgreSQL backend")


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def private_files(settings):
    from pathlib import Path

    root = Path(settings.BORGERRAADGIVER_PRIVATE_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def test_a_failing_on_commit_callback_keeps_the_case_and_the_other_callbacks_run(
        client, complaint_page, monkeypatch, mailoutbox):
    """The task queue is unreachable when the submission commits: the citizen still gets the
    receipt, the e-mails wait in the outbox, and callbacks queued after the failing one run."""
    target = complaint(complaint_page)
    pairs = fill(target.render(client, monkeypatch=monkeypatch), target.answers)

    def task_queue_down(self, task, args, kwargs):
        raise ConnectionError("the task queue is unreachable")

    later = []
    real_queue = intake.queue_messages

    def queue_then_more(messages):
        created = real_queue(messages)
        transaction.on_commit(lambda: later.append("ran"))  # a callback after the failing one
        return created

    monkeypatch.setattr(type(outbox.deliver_outbox.get_backend()), "enqueue", task_queue_down)
    monkeypatch.setattr(intake, "queue_messages", queue_then_more)
    response = target.post(client, pairs)

    assert response.status_code == 302
    case = Case.objects.get()
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and case.reference in receipt.content.decode()
    assert later == ["ran"]
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {OutboxStatus.PENDING}
    assert mailoutbox == []
    call_command("borgerraadgiver_outbox")  # the cron run delivers what the task did not
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        OutboxMessage.objects.values_list("recipient", flat=True))
    assert "anne@example.invalid" in [message.to[0] for message in mailoutbox]


def kill_own_backend():
    """Terminate this connection's PostgreSQL backend from a second connection, as a
    PostgreSQL restart or a failover would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            assert cursor.fetchone()[0] is True
    finally:
        other.close()


@needs_postgresql
@pytest.mark.parametrize("moment", ["after the file is written", "just before COMMIT"])
def test_a_connection_killed_in_the_transaction_stores_nothing_and_the_retry_is_stored(
        client, complaint_page, monkeypatch, settings, moment):
    target = complaint(complaint_page)
    pairs = fill(target.render(client, monkeypatch=monkeypatch),
                 {**target.answers, "attachments": [pdf()]})
    kills = []

    def once(function):
        def wrapper(*args, **kwargs):
            result = function(*args, **kwargs)
            if not kills:
                kills.append(moment)
                kill_own_backend()
            return result
        return wrapper

    if moment == "after the file is written":
        monkeypatch.setattr(DocumentWriter, "add", once(DocumentWriter.add))
    else:  # the case, its file and its e-mails are written; the COMMIT meets a dead server
        monkeypatch.setattr(intake, "submit", once(intake.submit))

    refused = target.post(client, pairs)
    html = refused.content.decode()
    assert kills == [moment]
    assert refused.status_code == 503 and refused["Retry-After"].isdigit()
    assert "ikke gemt" in html and "prøv igen" in html
    assert sent_values(fill(html)) == sent_values(pairs)
    assert not Case.objects.exists() and not CaseDocument.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert private_files(settings) == []
    assert not ReferenceCounter.objects.filter(last_number__gt=0).exists()

    # The citizen sends the form as the page shows it again, choosing the file once more.
    retry = target.post(client, fill(html, {"attachments": [pdf()]}))
    assert retry.status_code == 302
    case = Case.objects.get()
    assert case.reference.endswith("-0001")  # the killed transaction's number came back
    assert client.get(retry["Location"]).status_code == 200
    assert len(private_files(settings)) == 1 and case.documents.count() == 1
