"""The cases' part of an access request: cases that name the person, as the party, as the
representative, in a timeline entry, a letter or a document's file name (see
:mod:`..subject_access`)."""

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from .. import dates
from ..subject_access import Document, Record, Source, phone_q, text_q
from .models import Case, CaseDocument, CaseEvent, Letter, Representative

PERMISSION = "borgerraadgiver_cases.view_case"
CASE_FIELDS = ("citizen_name", "citizen_email", "citizen_phone")
#: The representative's texts an access request searches (the person may be the one who acts).
REPRESENTATIVE_FIELDS = ("name", "email", "phone", "address", "poa_parts", "poa_oral_note")
LETTER_FIELDS = ("recipient_name", "recipient_address", "subject", "body")


class CaseSource(Source):
    label = _("Cases")
    permission = PERMISSION

    def find(self, query):
        cases, by_phone = phone_q(Case.objects.all(), query, "citizen_phone")
        matching_events = CaseEvent.objects.filter(text__icontains=query)
        matching_documents = CaseDocument.objects.filter(original_name__icontains=query)
        representatives, rep_by_phone = phone_q(Representative.objects.all(), query, "phone")
        representatives = representatives.filter(text_q(query, *REPRESENTATIVE_FIELDS)
                                                 | rep_by_phone)
        matching_letters = Letter.objects.filter(text_q(query, *LETTER_FIELDS))
        cases = (cases.filter(text_q(query, *CASE_FIELDS) | by_phone
                              | Q(pk__in=matching_events.values("case_id"))
                              | Q(pk__in=matching_documents.values("case_id"))
                              | Q(pk__in=representatives.values("case_id"))
                              | Q(pk__in=matching_letters.values("case_id")))
                 .select_related("area", "representative")
                 .prefetch_related(Prefetch("events", queryset=CaseEvent.objects.order_by(
                     "occurred_at", "pk")), "documents", "letters")
                 .order_by("received_at", "pk"))
        return [case_record(case, query) for case in cases]


def _matched(case, query):
    needle = query.casefold()
    found = [case._meta.get_field(name).verbose_name for name in CASE_FIELDS
             if needle in getattr(case, name).casefold()]
    representative = getattr(case, "representative", None)
    if representative and any(needle in getattr(representative, name).casefold()
                              for name in REPRESENTATIVE_FIELDS):
        found.append(_("representative"))
    if any(needle in event.text.casefold() for event in case.events.all()):
        found.append(_("timeline"))
    if any(needle in document.original_name.casefold() for document in case.documents.all()):
        found.append(_("document name"))
    if any(needle in getattr(letter, name).casefold() for letter in case.letters.all()
           for name in LETTER_FIELDS):
        found.append(_("letter"))
    # Nothing contains the query as typed: the phone number matched with other spacing.
    return found or [case._meta.get_field("citizen_phone").verbose_name]


def case_record(case, query=""):
    """A case as the citizen is shown it: who, what, the timeline and the documents."""
    details = [
        (_("Received"), dates.show(case.received_at)),
        (_("Type"), case.get_inquiry_type_display()),
        (_("Status"), case.get_status_display()),
        (_("Channel"), case.get_channel_display()),
        (_("Area"), str(case.area or "")),
        (_("Name"), case.citizen_name),
        (_("E-mail"), case.citizen_email),
        (_("Phone"), case.citizen_phone),
        (_("Address"), case.citizen_address),
        (_("The citizen's account"), case.account),
        (_("The advisor's statement"), case.advisor_statement),
        (_("Request to act (henstilling)"), case.request_to_act),
        (_("Closed"), dates.show(case.closed_at) if case.closed_at else ""),
    ]
    entries = [(f"{dates.show(event.occurred_at)} {event.get_kind_display()}",
                [(_("Text"), event.text)]) for event in case.events.all()]
    representative = getattr(case, "representative", None)
    if representative:
        entries.insert(0, (_("Representative"), [(label, value) for label, value in (
            (_("Name"), representative.name),
            (_("Relation to the party"), representative.get_relation_display()),
            (_("E-mail"), representative.email), (_("Phone"), representative.phone),
            (_("Address"), representative.address),
            (_("Power of attorney"), case.power_of_attorney().text),
            (_("Parts covered"), representative.poa_parts),
            (_("Note of the oral power of attorney"), representative.poa_oral_note),
        ) if value]))
    entries += [(f"{dates.show(letter.created_at)} {_('Letter')}",
                 [(_("Sent to"), letter.get_recipient_display()),
                  (_("Recipient"), letter.recipient_name), (_("Address"), letter.recipient_address),
                  (_("Subject"), letter.subject), (_("Text"), letter.body),
                  (_("Delivered"), dates.show(letter.delivered_at))])
                for letter in case.letters.all()]
    documents = [Document(document.original_name, document.file, document.scan_label)
                 for document in case.documents.all()]
    data = {
        "reference": case.reference, "received_at": case.received_at,
        "inquiry_type": case.inquiry_type, "status": case.status, "channel": case.channel,
        "area": str(case.area or ""), "citizen_name": case.citizen_name,
        "citizen_email": case.citizen_email, "citizen_phone": case.citizen_phone,
        "citizen_address": case.citizen_address,
        "representative": {
            "name": representative.name, "relation": representative.relation,
            "email": representative.email, "phone": representative.phone,
            "address": representative.address,
            "poa_received_on": representative.poa_received_on,
            "poa_scope": representative.poa_scope, "poa_parts": representative.poa_parts,
            "poa_valid_until": representative.poa_valid_until,
            "poa_oral": representative.poa_oral, "poa_oral_note": representative.poa_oral_note,
        } if representative else None,
        "account": case.account, "advisor_statement": case.advisor_statement,
        "request_to_act": case.request_to_act, "closed_at": case.closed_at,
        "timeline": [{"occurred_at": event.occurred_at, "kind": event.kind, "text": event.text}
                     for event in case.events.all()],
        "letters": [{"created_at": letter.created_at, "recipient": letter.recipient,
                     "recipient_name": letter.recipient_name,
                     "recipient_address": letter.recipient_address, "subject": letter.subject,
                     "body": letter.body, "delivered_at": letter.delivered_at}
                    for letter in case.letters.all()],
    }
    return Record(
        key=f"case:{case.pk}", kind=_("Case"), reference=case.reference, instance=case,
        name=case.citizen_name, email=case.citizen_email, phone=case.citizen_phone,
        matched=_matched(case, query) if query else [],
        details=[(label, value) for label, value in details if value],
        entries=entries, documents=documents, data=data)
