"""The submit pipeline of the complaint form: one transaction, nothing half-stored.

The form has already been validated without side effects (files included). ``submit`` then
writes the case, its documents and the outbox rows in the caller's transaction (the page's,
:func:`~borgerraadgiver_plugin.public_forms.store`). The case carries the form's
:func:`~borgerraadgiver_plugin.public_forms.submission_key` in a unique column, so a second
submit of the same rendered form with the same content fails on it, even when both arrive at
the same time, and after the rollback :func:`stored_before` finds the first case; any other
content, a field or a file, is a new inquiry. Files written before a failure are removed, a
half-written one included.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import CaseStatus, Channel, RequesterRole
from ..outbox import queue_messages
from ..public_forms import submission_key
from ..references import next_reference
from . import deadlines, outbox_kinds, triage
from .documents import DocumentWriter
from .forms import CONSENT_WORDING, TO_BOOL
from .models.case import Case
from .models.representation import Representative
from .representation import RepresentativeRelation

KIND_ACKNOWLEDGEMENT = outbox_kinds.ACKNOWLEDGEMENT
KIND_NOTICE = outbox_kinds.NEW_INQUIRY


def build_case(form, settings, now=None):
    """An unsaved :class:`Case` from a valid form, triaged."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    data = form.cleaned_data
    result = triage.triage(**form.triage_answers(), today=today,
                           age_limit_months=settings.complaint_age_limit_months)
    name, email, phone = data.get("name", ""), data.get("email", ""), data.get("phone", "")
    if data.get("on_behalf"):
        # The writer is the representative (:func:`build_representative`); the case's own
        # identity is the party's, so the representative's cases are never counted as theirs.
        role = RequesterRole.REPRESENTATIVE
        name, email, phone = data.get("on_behalf_of", ""), "", ""
    elif not (name or email or phone):
        role = RequesterRole.ANONYMOUS
    else:
        role = RequesterRole.CITIZEN
    consent = bool(data.get("consent_contact_unit"))
    return Case(
        received_at=now,
        channel=Channel.WEBFORM,
        status=CaseStatus.NEW,
        requester_role=role,
        inquiry_type=data["inquiry_type"],
        citizen_name=name,
        citizen_email=email,
        citizen_phone=phone,
        contact_preference=data.get("contact_preference", ""),
        consent_contact_unit=consent,
        consent_given_at=now if consent else None,
        consent_wording=str(CONSENT_WORDING) if consent else "",
        area=data.get("area"),
        account=data["account"],
        matter_date=data.get("matter_date"),
        unit_contacted=TO_BOOL.get(data.get("unit_contacted")),
        unit_answered=TO_BOOL.get(data.get("unit_answered")),
        suggested_rejection_reason=result.suggested_reason,
        age_limit_exceeded=result.age_limit_exceeded,
        acknowledgement_due=deadlines.acknowledgement_due(today, settings),
    )


def build_representative(form):
    """An unsaved :class:`Representative` for a form sent on behalf of someone else (the
    writer's name and contact), or None. Its power of attorney counts only once the advisor
    has checked it and recorded when it was received and what it covers."""
    data = form.cleaned_data
    if not data.get("on_behalf"):
        return None
    return Representative(name=data.get("name", ""), email=data.get("email", ""),
                          phone=data.get("phone", ""),
                          relation=data.get("representative_relation")
                          or RepresentativeRelation.RELATIVE)


def messages_for(case, page, settings, representative=None, request=None):
    """The writer's acknowledgement and the advisor's notice: the reference and a generic
    sentence only, never the citizen's name, text or files. Sent on behalf of someone, the
    receipt goes to the representative who wrote."""
    reference = case.reference
    messages = []
    writer_email = representative.email if representative else case.citizen_email
    if writer_email:
        messages.append({
            "kind": KIND_ACKNOWLEDGEMENT, "recipient": writer_email,
            "reference": reference,
            "subject": _("Receipt for your inquiry %(reference)s") % {"reference": reference},
            "body": _(
                "The citizen advisor has received your inquiry. Your reference number is "
                "%(reference)s. Please quote it when you contact the citizen advisor.\n\n"
                "This e-mail was sent automatically. Do not reply with personal information."
            ) % {"reference": reference} + _status_link(case, page, request),
        })
    recipients = (page.notification_addresses if page is not None else []) or (
        settings.notification_addresses or ([settings.advisor_email]
                                             if settings.advisor_email else []))
    messages.extend({
        "kind": KIND_NOTICE, "recipient": address, "reference": reference,
        "subject": _("New inquiry %(reference)s") % {"reference": reference},
        "body": _("A new inquiry with reference number %(reference)s has arrived through the "
                  "web form. Read it in the administration.") % {"reference": reference},
    } for address in recipients)
    return messages


def _status_link(case, page, request=None):
    """The paragraph with the case's status link (its receipt), when it came by a page. The
    address is the site's own (its Site record), never the request's Host; the request only
    spares looking the sites up again."""
    base = page.get_full_url(request) if page is not None else None
    if not base:
        return ""
    link = base + page.reverse_subpage("receipt", kwargs={"token": case.receipt_token})
    return "\n\n" + _("Where your case stands (keep the link to yourself):\n%(link)s") % {
        "link": link}


def submit(form, *, page, settings, request=None):
    """Store a valid, human form inside the caller's transaction and return its case.

    The same rendered form sent twice with the same content (a double click, a retry) raises
    ``IntegrityError`` the second time (see :func:`stored_before`); sent again with any other
    content (back button, a file added, send), it is a new inquiry.
    """
    case = build_case(form, settings)
    case.submission_key = submission_key(form)
    representative = build_representative(form)
    with DocumentWriter() as documents:
        # Taking the reference here lets Case.save() skip its own savepoint; the number
        # still rolls back with everything else.
        case.validate_area()
        case.reference = next_reference(case.received_at)
        case.save()
        for checked in form.cleaned_data.get("attachments") or []:
            documents.add(checked, case=case)
        if representative is not None:
            representative.case = case
            if power := form.cleaned_data.get("power_of_attorney"):
                representative.poa_document = documents.add(power, case=case)
            representative.save()
        queue_messages(messages_for(case, page, settings, representative, request))
    return case


def stored_before(form):
    """The case a submit of this same rendered form with the same content stored, or None."""
    return Case.objects.filter(submission_key=submission_key(form)).first()
