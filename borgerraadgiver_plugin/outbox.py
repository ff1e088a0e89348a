"""The transactional outbox: nothing is lost when the mail server is down.

``queue_message`` writes an :class:`OutboxMessage` in the caller's transaction and asks for a
delivery run once that transaction commits; ``deliver_due`` sends what is due, retrying with
exponential backoff and marking a message failed (visible to the advisor) after the last try.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import OutboxMessage, OutboxStatus

MAX_ATTEMPTS = 6
BACKOFF_BASE = datetime.timedelta(minutes=2)


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
    transaction.on_commit(_enqueue_delivery)
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
    transaction.on_commit(_enqueue_delivery)
    return created


def _enqueue_delivery():
    from .tasks import deliver_outbox

    deliver_outbox.enqueue()


def backoff(attempts):
    return BACKOFF_BASE * (2 ** max(attempts - 1, 0))


def deliver_due(now=None, limit=100):
    """Send the messages that are due. Returns (sent, failed_for_now)."""
    now = now or timezone.now()
    sent = failed = 0
    due = OutboxMessage.objects.filter(
        status=OutboxStatus.PENDING, next_attempt_at__lte=now
    ).order_by("next_attempt_at", "id")[:limit]
    for message_id in list(due.values_list("id", flat=True)):
        with transaction.atomic():
            message = (OutboxMessage.objects.select_for_update()
                       .filter(id=message_id, status=OutboxStatus.PENDING).first())
            if message is None:  # another worker took it
                continue
            message.attempts += 1
            try:
                send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL,
                          [message.recipient])
            except Exception as error:  # any transport error: retry later, never lose it
                message.last_error = f"{type(error).__name__}: {error}"[:1000]
                if message.attempts >= MAX_ATTEMPTS:
                    message.status = OutboxStatus.FAILED
                else:
                    message.next_attempt_at = now + backoff(message.attempts)
                failed += 1
            else:
                message.status = OutboxStatus.SENT
                message.sent_at = timezone.now()
                message.last_error = ""
                sent += 1
            message.save()
    return sent, failed
