"""The advisor's steps on a case: triage, timeline, consent, forwarding, investigation, pause,
extension, close and reopen, link and merge, legal hold.

Each step is one function that checks its rule, changes the case in one transaction, writes a
timeline event with author and time, logs the change in Wagtail's history and keeps the next
deadline current. A refused step raises :class:`WorkflowRefused` with a message for the advisor
and changes nothing. Views only collect input and call these.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import audit, dates
from ..choices import CaseStatus, HandlingMethod, Outcome, RequesterRole, UpheldValue
from . import deadlines, survey
from .documents import DocumentWriter
from .models import (
    Case,
    CaseEvent,
    CaseHandlingMethod,
    CaseLink,
    Forwarding,
    LinkKind,
    Representative,
)
from .models.timeline import EventKind


class WorkflowRefused(Exception):
    """A step the rules do not allow; ``str()`` is the message shown to the advisor."""


def _event(case, user, kind, text, internal=True, occurred_at=None):
    return CaseEvent.objects.create(
        case=case, kind=kind, text=text, internal=internal, author=user,
        occurred_at=occurred_at or timezone.now(),
    )


def _saved(case, user, fields):
    case.save(update_fields=[*fields, "updated_at"])
    deadlines.refresh_next_deadline(case)
    log(case, "wagtail.edit", user=user)


def ensure_editable(case):
    if case.status == CaseStatus.MERGED:
        raise WorkflowRefused(_(
            "%(reference)s has been merged into %(survivor)s and can no longer be changed. "
            "Work on %(survivor)s instead."
        ) % {"reference": case.reference, "survivor": case.merged_into or "-"})


def ensure_open(case):
    ensure_editable(case)
    if case.status == CaseStatus.CLOSED:
        raise WorkflowRefused(_("The case is closed. Reopen it first."))


def require_consent(case):
    """Forwarding and contacting the caseworker need the citizen's recorded consent."""
    if not case.consent_contact_unit:
        raise WorkflowRefused(_(
            "The citizen has not consented to the advisor contacting the unit. Record the "
            "consent before forwarding the case or contacting the caseworker."
        ))


def _use_method(case, method, day=None):
    CaseHandlingMethod.objects.get_or_create(
        case=case, method=method, defaults={"used_on": day or timezone.localdate()}
    )


@transaction.atomic
def triage(case, user, *, inquiry_type, origin, area, themes=(), within_remit=True,
           rejection_reason="", referral_bodies=()):
    """Visitation: what kind of case this is, and whether it is within the remit."""
    ensure_open(case)
    if not within_remit and not rejection_reason:
        raise WorkflowRefused(_("A case outside the remit needs a rejection reason."))
    case.inquiry_type, case.origin, case.area = inquiry_type, origin, area
    case.rejection_reason = "" if within_remit else rejection_reason
    if not case.triaged_at:
        case.triaged_at = timezone.now()
    if case.status == CaseStatus.NEW:
        case.status = CaseStatus.OPEN
    _saved(case, user, ["inquiry_type", "origin", "area", "rejection_reason", "triaged_at",
                        "status"])
    case.themes.set(themes)
    case.referral_bodies.set(referral_bodies if not within_remit else [])
    if not within_remit:
        _use_method(case, HandlingMethod.REJECTED)
    text = (_("Triaged: %(type)s, within the remit.") if within_remit
            else _("Triaged: %(type)s, outside the remit (%(reason)s)."))
    _event(case, user, EventKind.STATUS_CHANGE, text % {
        "type": case.get_inquiry_type_display(),
        "reason": case.get_rejection_reason_display(),
    })


@transaction.atomic
def record_consent(case, user, wording):
    ensure_open(case)
    case.consent_contact_unit = True
    case.consent_given_at = timezone.now()
    case.consent_wording = wording
    _saved(case, user, ["consent_contact_unit", "consent_given_at", "consent_wording"])
    _event(case, user, EventKind.NOTE, _("The citizen's consent to contact the unit is "
                                         "recorded: %(wording)s") % {"wording": wording})


@transaction.atomic
def add_event(case, user, *, kind, text, internal=True, occurred_at=None, with_unit=False,
              attachment=None):
    """A note, call, meeting, letter or e-mail on the timeline. Contact with the unit's
    caseworker (``with_unit``) needs the citizen's consent. ``attachment`` is a
    :class:`~.uploads.CheckedFile`; one the virus scanner blocked is kept in quarantine."""
    ensure_editable(case)
    if with_unit:
        require_consent(case)
    with DocumentWriter() as documents:
        event = _event(case, user, kind, text, internal=internal, occurred_at=occurred_at)
        if attachment:
            documents.add(attachment, case=case, event=event, uploaded_by=user)
        if kind == EventKind.MEETING and with_unit:
            _use_method(case, HandlingMethod.MEDIATION)
        log(case, "wagtail.edit", user=user)
    return event


@transaction.atomic
def acknowledge(case, user):
    ensure_open(case)
    if case.acknowledged_at:
        raise WorkflowRefused(_("Receipt has already been acknowledged."))
    case.acknowledged_at = timezone.now()
    _saved(case, user, ["acknowledged_at"])
    _event(case, user, EventKind.LETTER_OUT, _("Receipt acknowledged to the citizen."),
           internal=False)


def require_power_of_attorney(case, on, reason=""):
    """A case with a representative is shared only under a power of attorney valid ``on``,
    unless the advisor records why (``reason``, kept on the timeline). Returns the reason
    used, "" when none was needed."""
    if not case.has_representative:
        return ""
    state = case.power_of_attorney(on)
    if state.valid:
        return ""
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowRefused(_(
            "%(state)s The representative may not be told about the case without a valid "
            "power of attorney. Record a valid power of attorney, or write why the case is "
            "shared anyway.") % {"state": state.text})
    return reason


@transaction.atomic
def forward(case, user, *, unit, contact_person="", sent_on=None, poa_reason=""):
    """Videresendelse: the unit answers the citizen within the working days in the settings.
    With a representative on the case, refused without a valid power of attorney unless
    ``poa_reason`` says why (see :func:`require_power_of_attorney`)."""
    ensure_open(case)
    require_consent(case)
    sent_on = sent_on or timezone.localdate()
    poa_reason = require_power_of_attorney(case, sent_on, poa_reason)
    due = deadlines.forwarding_due(sent_on)
    forwarding = Forwarding.objects.create(case=case, unit=unit, contact_person=contact_person,
                                           sent_on=sent_on, due_on=due)
    _use_method(case, HandlingMethod.FORWARDED, sent_on)
    case.status = CaseStatus.AWAITING_UNIT
    _saved(case, user, ["status"])
    _event(case, user, EventKind.FORWARDED, _("Forwarded to %(unit)s; answer due %(due)s.") % {
        "unit": unit, "due": dates.show(due)})
    if poa_reason:
        _event(case, user, EventKind.NOTE, _(
            "Forwarded without a valid power of attorney: %(reason)s") % {"reason": poa_reason})
    return forwarding


@transaction.atomic
def record_representative(case, user, *, name, relation, email="", phone="", address="",
                          poa_received_on=None, poa_scope="", poa_parts="",
                          poa_valid_until=None, poa_oral=False, poa_oral_note="",
                          document=None):
    """Record (or update) who represents the party and their power of attorney. ``document``
    is a :class:`~.uploads.CheckedFile`: stored among the case's private documents and kept as
    the power of attorney. Invalid dates or a missing note are refused and nothing is stored."""
    ensure_editable(case)
    if case.anonymised_at:
        raise WorkflowRefused(_("The case has already been anonymised."))
    representative = Representative.objects.filter(case=case).first() or Representative(
        case=case)
    representative.name, representative.relation = name, relation
    representative.email, representative.phone = email, phone
    representative.address = address
    representative.poa_received_on = poa_received_on
    representative.poa_scope = poa_scope or representative.poa_scope
    representative.poa_parts = poa_parts
    representative.poa_valid_until = poa_valid_until
    representative.poa_oral, representative.poa_oral_note = poa_oral, poa_oral_note
    with DocumentWriter() as documents:
        event = _event(case, user, EventKind.NOTE, "")
        if document is not None:
            representative.poa_document = documents.add(document, case=case, event=event,
                                                        uploaded_by=user)
        try:
            representative.full_clean(exclude=["case"])
        except ValidationError as error:
            raise WorkflowRefused(" ".join(error.messages)) from None
        representative.save()
        case.representative = representative
        if case.requester_role in (RequesterRole.CITIZEN, RequesterRole.ANONYMOUS):
            # Who contacted the advisor is now the representative, in exports and statistics.
            case.requester_role = RequesterRole.REPRESENTATIVE
            case.save(update_fields=["requester_role", "updated_at"])
        event.text = _("Representative recorded (%(relation)s). %(state)s") % {
            "relation": representative.get_relation_display(),
            "state": case.power_of_attorney().text}
        event.save(update_fields=["text"])
        log(case, "wagtail.edit", user=user)
    return representative


@transaction.atomic
def record_answer(forwarding, user, *, answered_on, upheld=""):
    case = forwarding.case
    ensure_editable(case)
    if forwarding.answered_on:
        raise WorkflowRefused(_("The unit's answer has already been recorded."))
    forwarding.answered_on = answered_on
    forwarding.upheld = upheld
    forwarding.save(update_fields=["answered_on", "upheld"])
    if case.status == CaseStatus.AWAITING_UNIT and not case.forwardings.filter(
            answered_on__isnull=True).exists():
        case.status = CaseStatus.OPEN
    _saved(case, user, ["status"])
    _event(case, user, EventKind.ANSWER_RECEIVED, _("Answer received from %(unit)s: %(result)s.")
           % {"unit": forwarding.unit, "result": forwarding.get_upheld_display() or "-"})


@transaction.atomic
def request_statement(case, user, *, questions, asked_on=None):
    """Undersøgelse: questions to the unit, whose statement and files are due in working days."""
    ensure_open(case)
    require_consent(case)
    asked_on = asked_on or timezone.localdate()
    case.investigation_questions = questions
    case.statement_requested_on = asked_on
    case.statement_due = deadlines.statement_due(asked_on)
    case.statement_received_on = None
    _use_method(case, HandlingMethod.INVESTIGATION, asked_on)
    case.status = CaseStatus.AWAITING_UNIT
    _saved(case, user, ["investigation_questions", "statement_requested_on", "statement_due",
                        "statement_received_on", "status"])
    _event(case, user, EventKind.INVESTIGATION,
           _("Statement requested from the unit; due %(due)s.") % {
               "due": dates.show(case.statement_due)})


@transaction.atomic
def record_statement(case, user, *, received_on):
    """The unit's statement arrived: the citizen is heard on it (partshøring)."""
    ensure_open(case)
    if not case.statement_requested_on:
        raise WorkflowRefused(_("No statement has been requested on this case."))
    case.statement_received_on = received_on
    case.hearing_due = deadlines.hearing_due(received_on)
    case.status = CaseStatus.OPEN
    _saved(case, user, ["statement_received_on", "hearing_due", "status"])
    _event(case, user, EventKind.INVESTIGATION,
           _("The unit's statement was received; the citizen may comment until %(due)s.")
           % {"due": dates.show(case.hearing_due)})


@transaction.atomic
def conclude_investigation(case, user, *, statement, criticism_level="", request_to_act=""):
    ensure_open(case)
    case.advisor_statement = statement
    case.criticism_level = criticism_level
    case.request_to_act = request_to_act
    _saved(case, user, ["advisor_statement", "criticism_level", "request_to_act"])
    _event(case, user, EventKind.INVESTIGATION, _("The advisor's statement is recorded."))


def _reason(reason):
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowRefused(_("Give a reason; it is recorded on the timeline."))
    return reason


@transaction.atomic
def pause(case, user, *, reason):
    """Wait for the citizen: the inactivity clock starts, and the reason is on the timeline."""
    reason = _reason(reason)
    ensure_open(case)
    if case.paused_at:
        raise WorkflowRefused(_("The case is already waiting for the citizen."))
    case.paused_at = timezone.now()
    case.pause_reason = reason
    case.citizen_reply_due = deadlines.citizen_reply_due(timezone.localdate())
    case.status = CaseStatus.AWAITING_CITIZEN
    _saved(case, user, ["paused_at", "pause_reason", "citizen_reply_due", "status"])
    _event(case, user, EventKind.DEADLINE, _("Paused while waiting for the citizen (answer due "
                                             "%(due)s): %(reason)s") % {
        "due": dates.show(case.citizen_reply_due), "reason": reason})


@transaction.atomic
def hold(case, user, *, reason):
    """Legal hold: retention leaves the case alone until the hold is lifted (e.g. a lawsuit)."""
    reason = _reason(reason)
    ensure_editable(case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.anonymised_at:
        raise WorkflowRefused(_("The case has already been anonymised."))
    if case.legal_hold:
        raise WorkflowRefused(_("The case is already under a legal hold."))
    case.legal_hold, case.legal_hold_reason = True, reason
    case.legal_hold_by, case.legal_hold_at = user, timezone.now()
    case.save(update_fields=["legal_hold", "legal_hold_reason", "legal_hold_by",
                             "legal_hold_at", "updated_at"])
    audit.record(user, case, audit.LEGAL_HOLD, reason=reason)
    _event(case, user, EventKind.NOTE, _("Legal hold: %(reason)s") % {"reason": reason})


@transaction.atomic
def lift_hold(case, user, *, reason):
    reason = _reason(reason)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.legal_hold:
        raise WorkflowRefused(_("The case is not under a legal hold."))
    case.legal_hold, case.legal_hold_reason = False, ""
    case.legal_hold_by = case.legal_hold_at = None
    case.save(update_fields=["legal_hold", "legal_hold_reason", "legal_hold_by",
                             "legal_hold_at", "updated_at"])
    audit.record(user, case, audit.LEGAL_HOLD_LIFTED, reason=reason)
    _event(case, user, EventKind.NOTE, _("Legal hold lifted: %(reason)s") % {"reason": reason})


@transaction.atomic
def resume(case, user):
    ensure_open(case)
    if not case.paused_at:
        raise WorkflowRefused(_("The case is not paused."))
    case.paused_at = None
    case.citizen_reply_due = None
    case.status = CaseStatus.OPEN
    _saved(case, user, ["paused_at", "citizen_reply_due", "status"])
    _event(case, user, EventKind.DEADLINE, _("Resumed: the citizen has answered."))


@transaction.atomic
def extend(case, user, *, deadline, new_due, reason):
    """Move one open deadline later; ``deadline`` is a :class:`deadlines.Deadline`."""
    reason = _reason(reason)
    ensure_open(case)
    if new_due <= deadline.due:
        raise WorkflowRefused(_("The new date must be later than the current one (%(due)s).")
                              % {"due": dates.show(deadline.due)})
    if deadline.kind == deadlines.FORWARDING:
        Forwarding.objects.filter(pk=deadline.forwarding_id, case=case).update(due_on=new_due)
    else:
        field = {deadlines.ACKNOWLEDGEMENT: "acknowledgement_due",
                 deadlines.STATEMENT: "statement_due",
                 deadlines.CITIZEN: "citizen_reply_due"}[deadline.kind]
        setattr(case, field, new_due)
        case.save(update_fields=[field, "updated_at"])
    _saved(case, user, [])
    _event(case, user, EventKind.DEADLINE, _("%(deadline)s extended from %(old)s to %(new)s: "
                                             "%(reason)s") % {
        "deadline": deadline.label, "old": dates.show(deadline.due),
        "new": dates.show(new_due), "reason": reason})


#: A unit's answer to a forwarded complaint, as the outcome of the case.
UPHELD_OUTCOMES = {UpheldValue.UPHELD: Outcome.UPHELD,
                   UpheldValue.PARTLY_UPHELD: Outcome.PARTLY_UPHELD,
                   UpheldValue.NOT_UPHELD: Outcome.NOT_UPHELD}


def known_outcome(case):
    """The outcome the case's record already points to, for the advisor to confirm when
    closing: a rejection, the advisor's criticism or request to act, or the unit's latest
    answer. ``""`` when nothing recorded says it."""
    if case.outcome:
        return case.outcome
    if case.rejection_reason:
        return Outcome.REJECTED
    if case.request_to_act:
        return Outcome.REQUEST
    if case.criticism_level:
        return Outcome.CRITICISM
    if case.advisor_statement:
        return Outcome.NO_CRITICISM
    answered = case.forwardings.exclude(upheld="").filter(answered_on__isnull=False).order_by(
        "-answered_on", "-id").first() if case.pk else None
    return UPHELD_OUTCOMES.get(answered.upheld, "") if answered else ""


@transaction.atomic
def close(case, user, *, outcome, methods=()):
    """Closing needs an outcome and at least one handling method (recorded or chosen now)."""
    ensure_open(case)
    if not outcome:
        raise WorkflowRefused(_("Choose the outcome before closing the case."))
    for method in methods:
        _use_method(case, method)
    if not case.handling_methods.exists():
        raise WorkflowRefused(_("Choose the handling methods used before closing the case."))
    case.outcome = outcome
    case.status = CaseStatus.CLOSED
    case.closed_at = timezone.now()
    case.paused_at = None
    _saved(case, user, ["outcome", "status", "closed_at", "paused_at"])
    _event(case, user, EventKind.STATUS_CHANGE, _("Closed: %(outcome)s.") % {
        "outcome": case.get_outcome_display()})


@transaction.atomic
def reopen(case, user, *, reason):
    reason = _reason(reason)
    ensure_editable(case)
    if case.status != CaseStatus.CLOSED:
        raise WorkflowRefused(_("Only a closed case can be reopened."))
    previous = case.get_outcome_display()
    case.status = CaseStatus.OPEN
    case.closed_at = None
    case.outcome = ""
    _saved(case, user, ["status", "closed_at", "outcome"])
    survey.void_invitations(case)
    _event(case, user, EventKind.STATUS_CHANGE, _("Reopened (was closed as %(outcome)s): "
                                                  "%(reason)s") % {
        "outcome": previous, "reason": reason})


@transaction.atomic
def link(case, other, user, kind=LinkKind.RELATED):
    ensure_editable(case)
    if other.pk == case.pk:
        raise WorkflowRefused(_("A case cannot be linked to itself."))
    if CaseLink.objects.filter(Q(case=case, other=other) | Q(case=other, other=case)).exists():
        raise WorkflowRefused(_("The cases are already linked."))
    CaseLink.objects.create(case=case, other=other, kind=kind, created_by=user)
    for one, two in ((case, other), (other, case)):
        _event(one, user, EventKind.LINK, _("Linked to %(other)s (%(kind)s).") % {
            "other": two.reference, "kind": LinkKind(kind).label})


@transaction.atomic
def merge(case, survivor, user):
    """``case`` is a duplicate: it points to ``survivor`` and leaves the statistics."""
    ensure_editable(case)
    if survivor.pk == case.pk:
        raise WorkflowRefused(_("A case cannot be merged into itself."))
    if survivor.status == CaseStatus.MERGED:
        raise WorkflowRefused(_("%(reference)s is itself merged; merge into %(survivor)s.") % {
            "reference": survivor.reference, "survivor": survivor.merged_into})
    Case.objects.filter(merged_into=case).update(merged_into=survivor)
    CaseLink.objects.filter(Q(case=case, other=survivor) | Q(case=survivor, other=case)).delete()
    CaseLink.objects.create(case=case, other=survivor, kind=LinkKind.DUPLICATE, created_by=user)
    case.status = CaseStatus.MERGED
    case.merged_into = survivor
    case.paused_at = None
    case.locked, case.locked_by, case.locked_at = False, None, None
    _saved(case, user, ["status", "merged_into", "paused_at", "locked", "locked_by",
                        "locked_at"])
    _event(case, user, EventKind.LINK, _("Merged into %(survivor)s.") % {
        "survivor": survivor.reference})
    _event(survivor, user, EventKind.LINK, _("%(reference)s was merged into this case.") % {
        "reference": case.reference})


def same_person_cases(case):
    """The same person's other cases, matched on e-mail or phone (never on name alone)."""
    match = Q()
    if case.citizen_email:
        match |= Q(citizen_email__iexact=case.citizen_email)
    if case.citizen_phone:
        match |= Q(citizen_phone=case.citizen_phone)
    if not match:
        return Case.objects.none()
    return Case.objects.filter(match).exclude(pk=case.pk).select_related("area")
