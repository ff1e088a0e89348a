"""What every public form page does with a valid submission, so nothing a citizen sends is lost.

:func:`submission_key` tells a resend of the same content (one inquiry) from a resend with any
change, a field or a file (a new inquiry). :func:`store` runs the page's writes in one
transaction that waits a bounded time for a lock; a full disk or a database that stays locked
or unreachable raises :class:`NotStored`, and the page shows the form again with everything
the citizen wrote (status 503) instead of a bare server error. :func:`refused` gives a
refusal its status and, for 429 and 503, a ``Retry-After``.
"""

import hashlib
import hmac
import json
import logging
import secrets
from contextlib import contextmanager

from django.db import IntegrityError, OperationalError, connection, models, transaction
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from . import conf
from .spam import HONEYPOT_FIELD, TOKEN_FIELD, retry_after
from .storage import removed_unless_committed

logger = logging.getLogger(__name__)

NOT_STORED = _("Your inquiry has not been saved because of a fault on our side. What you "
               "wrote is still in the form: please try again in a moment.")
NOT_STORED_RETRY_AFTER = 30


class NotStored(Exception):
    """Storage or database failed; nothing of the submission was kept."""


#: A receipt token is looked up by its first characters (the selector, indexed) and then
#: compared in full in constant time, so an answer's timing tells nothing about the rest.
TOKEN_SELECTOR = 12
TOKEN_LENGTHS = range(TOKEN_SELECTOR + 8, 65)


class Rejected(Exception):
    """A valid form that cannot be stored as sent, found only while storing (under the lock):
    a slot booked by someone else a moment earlier. ``message`` is shown on ``field`` (None:
    the whole form), the transaction rolls back and the answers are kept (status 409)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def new_receipt_token():
    """The unguessable part of a receipt's address (``receipt_token`` of a stored record)."""
    return secrets.token_urlsafe(32)


def token_selector(field="receipt_token"):
    """The indexed expression :func:`find_by_token` looks tokens up by."""
    return Substr(field, 1, TOKEN_SELECTOR)


def find_by_token(queryset, token, field="receipt_token"):
    """The record of ``queryset`` whose ``field`` is ``token``, or None."""
    if not isinstance(token, str) or len(token) not in TOKEN_LENGTHS or not token.isascii():
        return None
    candidates = queryset.annotate(br_token_selector=token_selector(field)).filter(
        br_token_selector=token[:TOKEN_SELECTOR])
    for record in candidates[:5]:
        if hmac.compare_digest(getattr(record, field).encode(), token.encode()):
            return record
    return None


def fingerprint(form):
    """A hash over every answer of a valid form and the content of every file."""
    answers = {name: _canonical(value) for name, value in form.cleaned_data.items()
               if name not in (HONEYPOT_FIELD, TOKEN_FIELD)}
    text = json.dumps(answers, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _canonical(value):
    if isinstance(value, list | tuple):
        return [_canonical(item) for item in value]
    if isinstance(value, models.Model):
        return value.pk
    if digest := getattr(value, "sha256", None):  # a checked upload
        return [getattr(value, "original_name", ""), digest]
    if hasattr(value, "chunks"):  # an unchecked upload
        value.seek(0)
        digest = hashlib.sha256()
        for chunk in value.chunks():
            digest.update(chunk)
        value.seek(0)
        return [value.name, digest.hexdigest()]
    return value


def submission_key(form):
    """The rendered form (its token's nonce) and what was sent in it: the same key twice is
    the same inquiry sent twice."""
    return f"{form.nonce}:{fingerprint(form)}"


def store(write, resent=None):
    """``write()`` in one transaction; :class:`NotStored` when it fails for want of storage
    or database. A lock is waited for at most ``BORGERRAADGIVER_FORM_DB_WAIT`` seconds. Files
    written (``storage.save_whole``) are removed when the transaction does not commit.

    When a unique key refuses the write, the same submission was most likely stored a moment
    before (a double click, a retry that crossed the first): after the rollback, ``resent()``
    returns that first record, and it is the result. Finding it after the transaction, not in
    it, spares every submission a savepoint (on PostgreSQL a failed statement ends the
    transaction it is in)."""
    try:
        with (removed_unless_committed(),
              _bounded_lock_wait(conf.get("BORGERRAADGIVER_FORM_DB_WAIT"))):
            return write()
    except IntegrityError:
        if resent is not None and (first := resent()) is not None:
            return first
        raise
    except (OSError, OperationalError) as error:
        # Only the kind of fault: the submission itself is personal data.
        logger.error("A public form could not be stored: %s %s", type(error).__name__,
                     getattr(error, "errno", "") or "")
        raise NotStored from error


@contextmanager
def _bounded_lock_wait(seconds):
    """A transaction whose wait for a lock is bounded: SQLite retries a locked database for
    its busy timeout, PostgreSQL gives up a lock after its lock timeout."""
    milliseconds = max(1, int(seconds * 1000))
    with _sqlite_busy_timeout(milliseconds), transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")
        yield


@contextmanager
def _sqlite_busy_timeout(milliseconds):
    """SQLite takes its write lock at BEGIN (IMMEDIATE), so its wait is set before the
    transaction, and put back afterwards to the connection's own: the ``timeout`` Django
    passes to sqlite3.connect (5 s when OPTIONS name none). Other databases: nothing."""
    own = int(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5) * 1000)
    if connection.vendor != "sqlite" or own == milliseconds:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {milliseconds}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {own}")


def refused(response, status, request=None, scope=None):
    """``response`` with ``status``; a rate limit (429, for ``scope``) or a failed store (503)
    also says when to try again."""
    response.status_code = status
    if status == 429:
        response["Retry-After"] = str(retry_after(request, scope))
    elif status == 503:
        response["Retry-After"] = str(NOT_STORED_RETRY_AFTER)
    return response
