"""Anonymising one case when its retention ends: identity and free text go, the counts stay.

What survives is what the statistics read (dates, type, origin, channel, areas, themes,
methods, outcome, criticism, rejection reason, referral bodies, forwardings' dates and
results), so a year's tables are the same after anonymisation. Files are deleted from private
storage; their rows stay as "deleted document". Letters lose their text and address, and the
delivery backend is asked to forget its copy. The receipt link dies with a new token.
"""

from pathlib import Path

from django.core import serializers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from .. import audit, dates
from ..choices import CaseStatus
from ..models import OutboxMessage
from ..public_forms import new_receipt_token
from ..retention import Source, start_of, write_json
from . import delivery
from .models import Case, CaseDocument, CaseEvent, Forwarding, Letter, Representative
from .outreach import retention as booking_retention

#: Case fields emptied; everything else on the row is kept for the statistics.
PERSONAL_FIELDS = (
    "citizen_name", "citizen_email", "citizen_phone", "citizen_address", "contact_preference",
    "consent_wording", "account", "pause_reason", "investigation_questions",
    "advisor_statement", "request_to_act", "legal_hold_reason", *Case.RIGHTS_TEXT_FIELDS,
)

#: Other parts reach their copies of a case's personal data with this hook: ``fn(case)`` is
#: called inside the anonymisation's transaction, before the case's texts are emptied (the
#: learning part deletes old revisions of notes that named the citizen).
ANONYMISING_HOOK = "register_borgerraadgiver_anonymising_case"


def delete_file(document):
    """Delete ``document``'s file from private storage; one already missing is fine."""
    if document.file.name:
        document.file.storage.delete(document.file.name)


@transaction.atomic
def anonymise(case, user=None):
    """Anonymise ``case`` in one transaction; a case already anonymised is left as it is.

    Returns the case, and whether it changed. The row is locked first, so a workflow step
    taken at the same moment waits; the edit screen's version check then refuses a form
    opened before the anonymisation, so no name comes back.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.anonymised_at:
        return case, False
    for reach in hooks.get_hooks(ANONYMISING_HOOK):
        reach(case)
    for name in PERSONAL_FIELDS:
        setattr(case, name, "")
    case.receipt_token = new_receipt_token()
    case.submission_key = None
    case.anonymised_at = timezone.now()
    case.save()

    case.events.update(text="")
    case.forwardings.update(contact_person="")
    case.survey_invitations.all().delete()  # the survey link dies with the receipt link
    # A booking the case was made from names the same person.
    for booking in case.outreach_bookings.filter(anonymised_at__isnull=True):
        booking_retention.anonymise(booking, user)
    # The representative's relation and the power of attorney's dates stay; who it was goes.
    Representative.objects.filter(case=case).update(
        name="", email="", phone="", address="", poa_parts="", poa_oral_note="", poa_document=None)
    letters = list(case.letters.all())
    # The delivery backend's own copy (the file backend's, a connector's archive) goes too.
    for letter in letters:
        delivery.forget(letter.dispatch_id)
    case.letters.update(subject="", body="", recipient_name="", recipient_address="",
                        dispatch_id="")
    documents = list(case.documents.all())
    # Inside the transaction: a run that dies after this leaves the case not anonymised, and
    # the next run finds the files gone (which is fine) and finishes it. Deleting after the
    # commit could leave a file behind that no row points to any more.
    for document in documents:
        delete_file(document)
    case.documents.update(file="", original_name=_("Deleted document"), sha256="",
                          scan_finding="")
    OutboxMessage.objects.filter(reference=case.reference).update(
        recipient="", subject="", body="", last_error="", dedupe_key=None)
    audit.scrub(case, related=[
        (CaseEvent, list(case.events.values_list("pk", flat=True))),
        (CaseDocument, [document.pk for document in documents]),
        (Forwarding, list(case.forwardings.values_list("pk", flat=True))),
        (Letter, [letter.pk for letter in letters]),
    ])
    audit.record(user, case, audit.ANONYMISE)
    return case, True


#: A merged duplicate is part of its survivor's matter: kept by the survivor's hold too.
HELD = Q(legal_hold=True) | Q(merged_into__legal_hold=True)


def _ended_before(cutoff):
    """Cases closed before ``cutoff``, and duplicates merged into such a case (a duplicate has
    no closing date of its own), that are not yet anonymised."""
    start = start_of(cutoff)
    ended = (Q(status=CaseStatus.CLOSED, closed_at__lt=start)
             | Q(status=CaseStatus.MERGED, merged_into__status=CaseStatus.CLOSED,
                 merged_into__closed_at__lt=start))
    return Case.objects.filter(ended, anonymised_at__isnull=True)


def due(cutoff):
    """Cases whose retention ended before ``cutoff``, unless under a legal hold."""
    return _ended_before(cutoff).exclude(HELD).order_by("closed_at", "pk")


def held(cutoff):
    return _ended_before(cutoff).filter(HELD).order_by("closed_at", "pk")


def describe(case):
    if case.closed_at is None:  # a merged duplicate
        return _("case %(reference)s, merged into %(survivor)s") % {
            "reference": case.reference, "survivor": case.merged_into}
    return _("case %(reference)s, closed %(day)s") % {
        "reference": case.reference, "day": dates.show(timezone.localdate(case.closed_at))}


def export(case, folder):
    """Write the case, its timeline, forwardings and documents for the archive: one JSON
    file named after the reference, the files beside it in a folder of the same name."""
    documents = list(case.documents.all())
    rows = [case, *Representative.objects.filter(case=case), *case.events.all(),
            *case.forwardings.all(), *case.handling_methods.all(), *documents,
            *case.letters.all()]
    files = Path(folder) / case.reference
    for document in documents:
        if document.file.name and document.file.storage.exists(document.file.name):
            files.mkdir(exist_ok=True)
            with document.file.open("rb") as source:
                (files / f"{document.pk}-{Path(document.original_name).name}").write_bytes(
                    source.read())
    return write_json(folder, case.reference, serializers.serialize("python", rows))


def source():
    return Source(due=due, held=held, describe=describe,
                  anonymise=anonymise, export=export)
