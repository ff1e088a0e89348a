"""Letters on a case: written from a template, stored as sent, delivered through the outbox.

A letter goes to the party (the citizen on the case) or to the representative acting for them;
a letter to the representative needs their postal address and, like forwarding, a power of
attorney valid that day unless the advisor records why
(:func:`.workflow.require_power_of_attorney`).

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
from .models.letters import Letter, LetterRecipient
from .models.timeline import CaseEvent, EventKind
from .outbox_kinds import LETTER
from .uploads import CheckedFile
from .workflow import WorkflowRefused, ensure_editable, require_power_of_attorney

PARTY, REPRESENTATIVE = LetterRecipient.PARTY, LetterRecipient.REPRESENTATIVE


def addressee(case, recipient=PARTY):
    """``(name, address)`` a letter to ``recipient`` goes to; refused when the case has none."""
    if recipient == REPRESENTATIVE:
        if not case.has_representative:
            raise WorkflowRefused(_("No representative is recorded on the case."))
        name, address = case.representative.name, case.representative.address
        missing = _("The representative has no name and postal address on the case, so a "
                    "letter to them cannot be sent. Add the address to the representative first.")
    elif recipient == PARTY:
        name, address = case.citizen_name, case.citizen_address
        missing = _("The case has no name and postal address for the citizen, so a letter "
                    "cannot be sent. Add them to the case details first.")
    else:
        raise WorkflowRefused(_("Choose who the letter goes to."))
    name, address = name.strip(), address.strip()
    if not name or not address:
        raise WorkflowRefused(missing)
    return name, address


def ensure_addressable(case, recipient=PARTY):
    """A letter needs the recipient's name and postal address on the case."""
    addressee(case, recipient)


def may_write_to(case, recipient=PARTY, poa_reason="", on=None):
    """A letter to the representative is refused without a power of attorney valid ``on``
    (default today), unless ``poa_reason`` says why; the reason used, "" when none was
    needed. The party may always be written to."""
    if recipient != REPRESENTATIVE:
        return ""
    return require_power_of_attorney(case, on or timezone.localdate(), poa_reason)


def draft(case, user, template=None, recipient=PARTY):
    """``(subject, body)`` of a new letter: the template with the case's values filled in,
    ``{navn}`` naming the recipient."""
    if template is None:
        return "", ""
    known = placeholders.values(case, user, recipient_name=_recipient_name(case, recipient))
    return placeholders.fill(template.subject, known), placeholders.fill(template.body, known)


def _recipient_name(case, recipient):
    if recipient == REPRESENTATIVE and case.has_representative:
        return case.representative.name
    return case.citizen_name


def refuse_unknown_placeholders(subject, body):
    if names := placeholders.unknown(f"{subject}\n{body}"):
        raise WorkflowRefused(_("Unknown placeholder %(names)s. Use only %(known)s.") % {
            "names": ", ".join(f"{{{name}}}" for name in names),
            "known": ", ".join(f"{{{name}}}" for name in placeholders.PLACEHOLDERS)})


def preview(case, user, *, subject, body, recipient=PARTY, poa_reason=""):
    """The letter as it would be sent, unsaved: refused as :func:`send_letter` would be."""
    name, address = addressee(case, recipient)
    may_write_to(case, recipient, poa_reason)
    refuse_unknown_placeholders(subject, body)
    known = placeholders.values(case, user, recipient_name=name)
    letter = Letter(case=case, written_by=user, subject=placeholders.fill(subject, known).strip(),
                    body=placeholders.fill(body, known).strip(), recipient=recipient,
                    recipient_name=name, recipient_address=address, created_at=timezone.now())
    if not letter.subject or not letter.body:
        raise WorkflowRefused(_("A letter needs a subject and a text."))
    return letter


def _pdf_file(letter, pdf):
    name = f"brev-{letter.case.reference}-{timezone.localtime(letter.created_at):%Y%m%d-%H%M}.pdf"
    return CheckedFile(file=ContentFile(pdf, name=name), original_name=name,
                       content_type="application/pdf", size=len(pdf),
                       sha256=hashlib.sha256(pdf).hexdigest())


def _timeline_text(case, letter):
    if letter.recipient == REPRESENTATIVE:
        return _("Letter to the representative (%(relation)s): %(subject)s") % {
            "relation": case.representative.get_relation_display(), "subject": letter.subject}
    return _("Letter to the citizen: %(subject)s") % {"subject": letter.subject}


def send_letter(case, user, *, subject, body, template=None, recipient=PARTY, poa_reason=""):
    """Write the letter to ``recipient`` (the party, or the case's representative) and queue
    it for delivery; the new letter. Refused (nothing stored) on a merged case, a recipient
    with no address, an unknown placeholder, or a letter to the representative without a
    valid power of attorney and no ``poa_reason`` (kept on the timeline when given)."""
    ensure_editable(case)
    letter = preview(case, user, subject=subject, body=body, recipient=recipient,
                     poa_reason=poa_reason)
    poa_reason = may_write_to(case, recipient, poa_reason)
    letter.template = template
    pdf = letter_pdf.render(letter)
    with DocumentWriter() as documents, transaction.atomic():
        letter.event = CaseEvent.objects.create(
            case=case, kind=EventKind.LETTER_OUT, internal=False, author=user,
            occurred_at=letter.created_at, text=_timeline_text(case, letter))
        if poa_reason:
            CaseEvent.objects.create(
                case=case, kind=EventKind.NOTE, author=user, occurred_at=letter.created_at,
                text=_("Letter sent to the representative without a valid power of attorney: "
                       "%(reason)s") % {"reason": poa_reason})
        letter.document = documents.add(_pdf_file(letter, pdf), case=case, event=letter.event,
                                        uploaded_by=user)
        to_whom = (_("A letter to the representative, delivered through the letter backend. "
                     "The text is on the case.") if recipient == REPRESENTATIVE
                   else _("A letter to the citizen, delivered through the letter backend. The "
                          "text is on the case."))
        letter.outbox_message = outbox.queue_message(
            LETTER, recipient="", subject=_("Letter on case %(reference)s") % {
                "reference": case.reference}, body=to_whom, reference=case.reference)
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
        pdf=pdf, letter_key=f"letter-{letter.pk}", recipient_role=letter.recipient)


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
    words = {"time": dates.show(letter.delivered_at), "subject": letter.subject,
             "id": dispatch_id}
    text = (_("Delivered to the representative %(time)s: %(subject)s (delivery id %(id)s)")
            if letter.recipient == REPRESENTATIVE
            else _("Delivered %(time)s: %(subject)s (delivery id %(id)s)")) % words
    CaseEvent.objects.create(case=letter.case, kind=EventKind.DELIVERY, internal=False,
                             occurred_at=letter.delivered_at, text=text)
    return letter
