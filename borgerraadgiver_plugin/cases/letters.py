"""Letters to the citizen: written from a template, stored as sent, delivered through the outbox.

:func:`send_letter` stores, in one transaction, the letter, its PDF copy among the case's
documents, the outgoing letter on the timeline and an outbox row; after the commit the outbox
hands it to the delivery backend (:mod:`.delivery`) with the outbox's retries, so a backend that
is down or hangs loses nothing: the letter stays queued, visible on the outbox screen. The
backend's answer, and a delivery receipt that comes later, go on the timeline.
"""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import dates, outbox
from . import delivery, letter_pdf, placeholders
from .documents import DocumentWriter
from .models.letters import Letter
from .models.timeline import CaseEvent, EventKind
from .outbox_kinds import LETTER
from .uploads import CheckedFile
from .workflow import WorkflowRefused, ensure_editable


def ensure_addressable(case):
    """A letter needs the citizen's name and postal address on the case."""
    if not case.citizen_name.strip() or not case.citizen_address.strip():
        raise WorkflowRefused(_(
            "The case has no name and postal address for the citizen, so a letter cannot be "
            "sent. Add them to the case details first."))


def draft(case, user, template=None):
    """``(subject, body)`` of a new letter: the template with the case's values filled in."""
    if template is None:
        return "", ""
    known = placeholders.values(case, user)
    return placeholders.fill(template.subject, known), placeholders.fill(template.body, known)


def refuse_unknown_placeholders(subject, body):
    if names := placeholders.unknown(f"{subject}\n{body}"):
        raise WorkflowRefused(_("Unknown placeholder %(names)s. Use only %(known)s.") % {
            "names": ", ".join(f"{{{name}}}" for name in names),
            "known": ", ".join(f"{{{name}}}" for name in placeholders.PLACEHOLDERS)})


def preview(case, user, *, subject, body):
    """The letter as it would be sent, unsaved: refused as :func:`send_letter` would be."""
    ensure_addressable(case)
    refuse_unknown_placeholders(subject, body)
    known = placeholders.values(case, user)
    letter = Letter(case=case, written_by=user, subject=placeholders.fill(subject, known).strip(),
                    body=placeholders.fill(body, known).strip(),
                    recipient_name=case.citizen_name.strip(),
                    recipient_address=case.citizen_address.strip(), created_at=timezone.now())
    if not letter.subject or not letter.body:
        raise WorkflowRefused(_("A letter needs a subject and a text."))
    return letter


def _pdf_file(letter, pdf):
    name = f"brev-{letter.case.reference}-{timezone.localtime(letter.created_at):%Y%m%d-%H%M}.pdf"
    return CheckedFile(file=ContentFile(pdf, name=name), original_name=name,
                       content_type="application/pdf", size=len(pdf),
                       sha256=hashlib.sha256(pdf).hexdigest())


def send_letter(case, user, *, subject, body, template=None):
    """Write the letter to the case's citizen and queue it for delivery; the new letter.
    Refused (nothing stored) on a merged case, a case with no address or an unknown
    placeholder."""
    ensure_editable(case)
    letter = preview(case, user, subject=subject, body=body)
    letter.template = template
    pdf = letter_pdf.render(letter)
    with DocumentWriter() as documents, transaction.atomic():
        letter.event = CaseEvent.objects.create(
            case=case, kind=EventKind.LETTER_OUT, internal=False, author=user,
            occurred_at=letter.created_at,
            text=_("Letter to the citizen: %(subject)s") % {"subject": letter.subject})
        letter.document = documents.add(_pdf_file(letter, pdf), case=case, event=letter.event,
                                        uploaded_by=user)
        letter.outbox_message = outbox.queue_message(
            LETTER, recipient="", subject=_("Letter on case %(reference)s") % {
                "reference": case.reference},
            body=_("A letter to the citizen, delivered through the letter backend. The text "
                   "is on the case."), reference=case.reference)
        letter.save()
        log(case, "wagtail.edit", user=user)
    return letter


def outgoing(letter):
    """The letter as a backend receives it (no database object in it)."""
    with letter.document.file.open("rb") as source:
        pdf = source.read()
    return delivery.OutgoingLetter(
        reference=letter.case.reference, subject=letter.subject, body=letter.body,
        recipient_name=letter.recipient_name, recipient_address=letter.recipient_address,
        pdf=pdf, letter_key=f"letter-{letter.pk}")


def deliver(message):
    """The outbox's ``deliver`` for letters: hand the letter over, record the answer."""
    letter = (Letter.objects.select_related("case", "document")
              .filter(outbox_message=message).first())
    if letter is None or letter.document is None or not letter.document.file.name:
        raise delivery.PermanentDeliveryError("the letter or its PDF is gone (anonymised?)")
    if letter.dispatch_id:
        return  # handed over by an earlier attempt whose bookkeeping was cut short
    receipt = delivery.send(outgoing(letter))
    record_handover(letter, receipt)


@transaction.atomic
def record_handover(letter, receipt):
    letter.dispatch_id = receipt.dispatch_id
    letter.handed_over_at = receipt.handed_over_at
    letter.save(update_fields=["dispatch_id", "handed_over_at"])
    if receipt.delivered_at:
        record_receipt(receipt.dispatch_id, receipt.delivered_at)


@transaction.atomic
def record_receipt(dispatch_id, delivered_at=None):
    """Record that the letter the backend calls ``dispatch_id`` was delivered (Digital Post's
    receipt); on the timeline once. Returns the letter, or None for an id nobody sent."""
    letter = (Letter.objects.select_for_update().select_related("case")
              .filter(dispatch_id=dispatch_id).first())
    if letter is None or letter.delivered_at:
        return letter
    letter.delivered_at = delivered_at or timezone.now()
    letter.save(update_fields=["delivered_at"])
    CaseEvent.objects.create(
        case=letter.case, kind=EventKind.DELIVERY, internal=False,
        occurred_at=letter.delivered_at,
        text=_("Delivered %(time)s: %(subject)s (delivery id %(id)s)") % {
            "time": dates.show(letter.delivered_at), "subject": letter.subject,
            "id": dispatch_id})
    return letter
