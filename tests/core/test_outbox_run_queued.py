"""One queued delivery run is enough: messages committed while a run waits for the task worker
ask for no run of their own; a run that stops at its batch limit asks for the next, and a
cache that is down means a run per commit, as before (borgerraadgiver_plugin.outbox)."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from borgerraadgiver_plugin import outbox
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def database_tasks(settings):
    """django-tasks' database backend, as in production: a run waits for ``db_worker``."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    cache.delete(outbox.RUN_QUEUED)
    yield
    cache.delete(outbox.RUN_QUEUED)


def owe(count):
    for n in range(count):
        with transaction.atomic():
            outbox.queue_messages([{"kind": "test", "recipient": f"borger{n}@example.invalid",
                                    "subject": "Kvittering", "body": "Tak."}])


def queued_runs():
    return DBTaskResult.objects.ready().filter(task_path__endswith="deliver_outbox").count()


def work_off_the_queue():
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)


def test_messages_committed_while_a_run_waits_share_it():
    owe(5)
    assert queued_runs() == 1
    work_off_the_queue()
    assert len(mail.outbox) == 5 and queued_runs() == 0
    owe(1)  # the run has started and ended: the next message asks for a new one
    assert queued_runs() == 1


def test_a_run_that_stops_at_its_limit_asks_for_the_next(monkeypatch):
    monkeypatch.setattr(outbox, "BATCH", 2)
    owe(5)
    work_off_the_queue()
    assert len(mail.outbox) == 5
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists()


def test_a_mark_that_outlives_a_stopped_worker_runs_out(monkeypatch):
    owe(1)
    cache.delete(outbox.RUN_QUEUED)  # what RUN_QUEUED_SECONDS later looks like
    owe(1)
    assert queued_runs() == 2


class DownCache:
    def __getattr__(self, name):
        def refused(*args, **kwargs):
            raise ConnectionError("cache down")
        return refused


def test_with_the_cache_down_every_commit_asks_for_a_run(monkeypatch):
    monkeypatch.setattr(outbox, "cache", DownCache())
    owe(3)
    assert queued_runs() == 3
    work_off_the_queue()
    assert len(mail.outbox) == 3


def test_a_run_that_could_not_be_queued_leaves_no_mark(monkeypatch):
    def task_queue_down(*args, **kwargs):
        raise ConnectionError("task queue down")

    monkeypatch.setattr(type(outbox.deliver_outbox.get_backend()), "enqueue", task_queue_down)
    owe(1)
    monkeypatch.undo()
    owe(1)
    assert queued_runs() == 1
