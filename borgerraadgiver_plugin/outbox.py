"""The transactional outbox: nothing is lost when the mail server is down.

``queue_message`` writes an :class:`OutboxMessage` in the caller's transaction and asks for a
delivery run once that transaction commits; ``deliver_due`` sends what is due, retrying with
exponential backoff and marking a message failed (visible to the advisor) after the last try,
or at once when the server refuses it for good (a 5xx answer to the sender, recipient or data).
Once the cause is fixed, ``retry`` puts a failed message back in the queue.

A delivery run sends every message due when it starts, so while one is queued and has not
started, the messages committed meanwhile ask for no run of their own (a mark in the shared
cache, :data:`RUN_QUEUED`); a run that stops at its batch limit asks for the next.

Several workers may run at once (a task worker and cron). Each first *claims* one due row with
an atomic UPDATE that sets ``claimed_by``/``claimed_until`` only if nobody holds a live claim;
on PostgreSQL the candidate is picked with ``SKIP LOCKED``, so a second worker never waits for
the first. No row lock is held while talking to the mail server, and a worker that dies leaves
a claim that runs out after ``LEASE``, so its messages come back.
"""

import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from . import conf, message_kinds
from .models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
BACKOFF_BASE = datetime.timedelta(minutes=2)
#: How long a claim holds; far longer than one message takes with a connect/read timeout.
LEASE = datetime.timedelta(minutes=10)
#: Seconds to wait for the mail server when the site sets no ``EMAIL_TIMEOUT``.
FALLBACK_EMAIL_TIMEOUT = 30
#: Messages one delivery run sends at most.
BATCH = 100
#: Cache key set while a delivery run is queued and has not started.
RUN_QUEUED = "borgerraadgiver:outbox:run-queued"
#: Seconds after which a queued run that has not started (its worker is down) is asked for
#: again. Where the cache is not shared with the task worker, a message may go this much later.
RUN_QUEUED_SECONDS = 10


def queue_message(kind, recipient, subject, body, reference="", dedupe_key=None):
    """Owe ``recipient`` an e-mail. With ``dedupe_key``, a second call with the same key is a
    no-op (so a reminder job that runs every few minutes sends each reminder once)."""
    if dedupe_key and OutboxMessage.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        with transaction.atomic():
            message = OutboxMessage.objects.create(
                kind=kind, recipient=recipient, subject=subject, body=body,
                reference=reference, dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if dedupe_key:  # a concurrent run queued the same message first
            return None
        raise
    transaction.on_commit(_enqueue_delivery, robust=True)
    return message


def queue_messages(messages):
    """Owe several e-mails at once, in one INSERT (no dedupe keys). ``messages`` are dicts
    with the arguments of :func:`queue_message`, ``dedupe_key`` left out."""
    rows = [OutboxMessage(kind=m["kind"], recipient=m["recipient"], subject=m["subject"],
                          body=m["body"], reference=m.get("reference", ""))
            for m in messages]
    if not rows:
        return []
    created = OutboxMessage.objects.bulk_create(rows)
    transaction.on_commit(_enqueue_delivery, robust=True)
    return created


def _enqueue_delivery():
    # Robust (logged, never raised): the rows are committed, and the cron command or the next
    # run delivers them. A task backend that is down must not turn the citizen's stored
    # inquiry into a server error, nor stop the transaction's other callbacks.
    if _mark_run_queued() is False:
        return  # the queued run sends this message too
    try:
        deliver_outbox.enqueue()
    except Exception:
        _clear_run_queued()
        raise


def _mark_run_queued():
    """True when this call set the mark, False when a run was queued already, None when the
    cache is down (then a run is asked for every time, as without the mark)."""
    try:
        return cache.add(RUN_QUEUED, 1, timeout=RUN_QUEUED_SECONDS)
    except Exception:  # any cache backend's connection error
        return None


def _clear_run_queued():
    try:
        cache.delete(RUN_QUEUED)
    except Exception as error:  # any cache backend's connection error
        logger.warning("The cache is unavailable (%s); the queued-run mark runs out by itself.",
                       type(error).__name__)


def backoff(attempts):
    return BACKOFF_BASE * (2 ** max(attempts - 1, 0))


def delayed(now=None):
    """Messages still waiting longer than ``BORGERRAADGIVER_OUTBOX_WARN_MINUTES``, oldest
    first: the sign of a mail server or worker that has stopped, long before one fails."""
    now = now or timezone.now()
    limit = datetime.timedelta(minutes=conf.get("BORGERRAADGIVER_OUTBOX_WARN_MINUTES"))
    return OutboxMessage.objects.filter(status=OutboxStatus.PENDING,
                                        created_at__lt=now - limit).order_by("created_at", "id")


def retry(message):
    """Put a failed message back in the queue with a fresh set of attempts, and ask for a
    delivery run. False, and nothing changes, if the message has not failed (it is sent or
    still waiting, or another person retried it first)."""
    retried = OutboxMessage.objects.filter(pk=message.pk, status=OutboxStatus.FAILED).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now())
    if retried:
        transaction.on_commit(_enqueue_delivery, robust=True)
    return bool(retried)


def is_permanent(error):
    """True when the server refused this message for good (5xx), so retrying cannot help.
    Connection errors, timeouts and 4xx answers are temporary. A kind's own ``deliver`` says
    an error is for good with a true ``permanent`` attribute."""
    if getattr(error, "permanent", False):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, (smtplib.SMTPSenderRefused, smtplib.SMTPDataError)):
        return error.smtp_code >= 500
    return False


def _due(now):
    return (Q(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
            & (Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)))


def claim_next(token, now):
    """Claim the next due message for the worker ``token``; its id, or None if none is due."""
    while True:
        with transaction.atomic():
            candidate = (OutboxMessage.objects.select_for_update(skip_locked=True)
                         .filter(_due(now)).order_by("next_attempt_at", "id")
                         .values_list("id", flat=True).first())
            if candidate is None:
                return None
            claimed = OutboxMessage.objects.filter(_due(now), pk=candidate).update(
                claimed_by=token, claimed_until=now + LEASE)
        if claimed:
            return candidate
        # another worker claimed it between our read and our update (SQLite): try the next


def _connection():
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or FALLBACK_EMAIL_TIMEOUT
    return get_connection(timeout=timeout)


def _send_email(message):
    send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL,
              [message.recipient], connection=_connection())


def deliver_due(now=None, limit=BATCH):
    """Send the messages that are due. Returns (sent, not_sent) of this run. ``now`` fixes
    the clock (tests)."""
    token = uuid.uuid4().hex
    sent = failed = 0
    for _count in range(limit):
        # The clock is read per message: a long run must not stamp claims that already ran out.
        current = now or timezone.now()
        message_id = claim_next(token, current)
        if message_id is None:
            break
        message = OutboxMessage.objects.get(pk=message_id)
        changes = {"attempts": message.attempts + 1, "claimed_by": "", "claimed_until": None}
        try:
            (message_kinds.deliverer(message.kind) or _send_email)(message)
        except Exception as error:  # any transport error: retry later, never lose it
            changes["last_error"] = f"{type(error).__name__}: {error}"[:1000]
            if is_permanent(error) or changes["attempts"] >= MAX_ATTEMPTS:
                changes["status"] = OutboxStatus.FAILED
            else:
                changes["next_attempt_at"] = current + backoff(changes["attempts"])
            failed += 1
        else:
            changes.update(status=OutboxStatus.SENT, sent_at=timezone.now(), last_error="")
            sent += 1
        OutboxMessage.objects.filter(pk=message_id, claimed_by=token).update(**changes)
    return sent, failed


@task()
def deliver_outbox():
    """Background delivery of the outbox (django-tasks; a database worker in production)."""
    # Before looking for messages: one committed from now on asks for a run of its own.
    _clear_run_queued()
    sent, failed = deliver_due(limit=BATCH)
    if sent + failed >= BATCH:  # stopped at its limit; more may be due
        _enqueue_delivery()
    return {"sent": sent, "failed": failed}
