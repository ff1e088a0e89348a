"""The task worker stopped while 200 inquiries arrive, then started again (issue 17): every
citizen's acknowledgement and every notice to the advisor is sent exactly once, even when the
restarted worker and the cron command deliver side by side."""

import threading
import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connections
from django_tasks_db.models import DBTaskResult

from borgerraadgiver_plugin import spam
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from tests.sites import ensure_default_site

from .public_form_support import complaint, fill

pytestmark = pytest.mark.django_db(transaction=True)

SUBMISSIONS = 200
ADVISOR = "borgerraadgiver@example.invalid"


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


@pytest.fixture
def database_tasks(settings):
    """django-tasks' database backend, as in production: a task waits in a table until a
    worker (``manage.py db_worker``) runs it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def token_rendered_earlier(seconds=10):
    real = time.time
    spam.time.time = lambda: real() - seconds
    try:
        return spam.issue_token()
    finally:
        spam.time.time = real


def test_acknowledgements_wait_for_a_stopped_worker_and_are_sent_once_after_restart(
        client, complaint_page, settings, database_tasks, mailoutbox, monkeypatch):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 10 * SUBMISSIONS  # one test address for all
    complaint_page.notification_emails = ADVISOR
    complaint_page.save()
    target = complaint(complaint_page)
    rendered = fill(target.render(client, monkeypatch=monkeypatch), target.answers)

    # No worker runs: 200 citizens send the form (each their own rendered form and address).
    for n in range(SUBMISSIONS):
        answers = {"email": f"borger{n}@example.invalid",
                   spam.TOKEN_FIELD: token_rendered_earlier()}
        pairs = [(name, answers.get(name, value)) for name, value in rendered]
        assert target.post(client, pairs).status_code == 302
    assert Case.objects.count() == SUBMISSIONS
    assert OutboxMessage.objects.filter(status=OutboxStatus.PENDING).count() == 2 * SUBMISSIONS
    assert DBTaskResult.objects.ready().exists()  # the delivery runs wait for a worker
    assert mailoutbox == []

    # The worker starts, runs tasks (Wagtail's own search-index tasks wait in the same queue)
    # until it has delivered a first batch, and stops again (a deploy restarts it).
    for _task in range(DBTaskResult.objects.ready().count()):
        call_command("db_worker", max_tasks=1, interval=0, startup_delay=False, verbosity=0)
        if mailoutbox:
            break
    sent_before_restart = len(mailoutbox)
    assert 0 < sent_before_restart < 2 * SUBMISSIONS

    # Restarted, it works off the queue while cron runs the outbox command beside it.
    def cron():
        try:
            for _run in range(3):
                call_command("borgerraadgiver_outbox", verbosity=0)
        finally:
            connections.close_all()

    beside = [threading.Thread(target=cron) for _n in range(2)]
    for thread in beside:
        thread.start()
    call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    for thread in beside:
        thread.join(timeout=120)

    references = set(Case.objects.values_list("reference", flat=True))
    acknowledgements = Counter((message.to[0], message.subject) for message in mailoutbox
                               if message.to[0] != ADVISOR)
    notices = Counter(message.subject for message in mailoutbox if message.to[0] == ADVISOR)
    assert len(acknowledgements) == SUBMISSIONS and set(acknowledgements.values()) == {1}
    assert {f"borger{n}@example.invalid" for n in range(SUBMISSIONS)} == {
        recipient for recipient, _subject in acknowledgements}
    assert len(notices) == SUBMISSIONS and set(notices.values()) == {1}
    assert {subject.rsplit(" ", 1)[1] for subject in notices} == references
    assert not OutboxMessage.objects.exclude(status=OutboxStatus.SENT).exists()
    assert not DBTaskResult.objects.ready().exists()
