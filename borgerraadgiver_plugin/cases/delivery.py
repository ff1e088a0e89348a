"""Delivery backends for letters: how a letter leaves the system (Digital Post in production).

Chosen by the setting ``BORGERRAADGIVER_LETTER_BACKEND`` (a dotted path, the way Django's
``EMAIL_BACKEND`` chooses a mail transport). A backend is a class with

``send(letter: OutgoingLetter) -> Receipt``
    Hand the letter over. Return a :class:`Receipt` when the recipient's provider took it;
    raise on anything else: :class:`PermanentDeliveryError` when retrying cannot help (the
    citizen cannot receive Digital Post and no print fallback is set up), any other exception
    for an outage, which is retried. It runs in a worker thread with a time limit
    (``BORGERRAADGIVER_LETTER_TIMEOUT`` seconds), so it must not use the database.

``forget(dispatch_id)`` (optional)
    Delete what the backend kept of a letter, when the case is anonymised.

A receipt that arrives later (Digital Post's "kvittering" after delivery) is recorded with
:func:`borgerraadgiver_plugin.cases.letters.record_receipt`. See ``docs/digital-post.md``.
Letters never go by plain e-mail: there is no e-mail backend.
"""

import concurrent.futures
import datetime
import json
import uuid
from dataclasses import asdict, dataclass, field

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.module_loading import import_string

from .. import conf
from ..storage import private_storage


@dataclass(frozen=True)
class OutgoingLetter:
    """Everything a backend needs, with no database object in it."""

    reference: str
    subject: str
    body: str
    recipient_name: str
    recipient_address: str
    pdf: bytes = field(repr=False)
    #: Ours, stable across retries: a backend may use it to refuse sending the same letter twice.
    letter_key: str = ""
    #: Who ``recipient_name`` is: ``"PARTY"`` (the citizen on the case) or ``"REPRESENTATIVE"``
    #: (the person acting for them under a power of attorney).
    recipient_role: str = "PARTY"


@dataclass(frozen=True)
class Receipt:
    """What the backend answered: its id for the letter, when it took it over and, if it
    already knows, when it was delivered."""

    dispatch_id: str
    handed_over_at: datetime.datetime
    delivered_at: datetime.datetime | None = None


class PermanentDeliveryError(Exception):
    """The letter cannot be delivered however often it is tried."""

    permanent = True


class DeliveryTimeout(Exception):
    """The backend did not answer in time; the letter is tried again later."""


class FileBackend:
    """For the demo and tests: writes what would be sent into private storage, under
    ``outgoing-letters/<id>/`` (``letter.json`` and ``letter.pdf``), and reports it delivered."""

    folder = "outgoing-letters"

    def send(self, letter):
        dispatch_id = f"file-{uuid.uuid4().hex}"
        storage = private_storage()
        now = timezone.now()
        envelope = {k: v for k, v in asdict(letter).items() if k != "pdf"}
        envelope["dispatch_id"] = dispatch_id
        storage.save(f"{self.folder}/{dispatch_id}/letter.json",
                     ContentFile(json.dumps(envelope, ensure_ascii=False, indent=2).encode()))
        storage.save(f"{self.folder}/{dispatch_id}/letter.pdf", ContentFile(letter.pdf))
        return Receipt(dispatch_id=dispatch_id, handed_over_at=now, delivered_at=now)

    def forget(self, dispatch_id):
        storage = private_storage()
        for name in ("letter.json", "letter.pdf"):
            path = f"{self.folder}/{dispatch_id}/{name}"
            if storage.exists(path):
                storage.delete(path)


def get_backend():
    return import_string(conf.get("BORGERRAADGIVER_LETTER_BACKEND"))()


def send(letter, backend=None):
    """Hand ``letter`` to the backend within the time limit; its :class:`Receipt`.
    Raises what the backend raised, or :class:`DeliveryTimeout`."""
    backend = backend or get_backend()
    seconds = conf.get("BORGERRAADGIVER_LETTER_TIMEOUT")
    # A backend that hangs is left behind in its thread; the letter stays queued.
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        future = pool.submit(backend.send, letter)
        try:
            return future.result(timeout=seconds)
        except concurrent.futures.TimeoutError:
            raise DeliveryTimeout(f"no answer from the delivery backend in {seconds} s") from None
    finally:
        pool.shutdown(wait=False)


def forget(dispatch_id, backend=None):
    """Ask the backend to delete its copy of a letter, if it keeps one."""
    backend = backend or get_backend()
    if dispatch_id and hasattr(backend, "forget"):
        backend.forget(dispatch_id)
