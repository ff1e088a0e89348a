"""The satisfaction survey: who is asked, and how an answer is kept (domain.md §8).

When the advisor closes a case, the citizen gets one anonymous link by e-mail, unless the
advisor switched it off for the case. Never for a rejected case, an anonymous one, or one with
no e-mail address (staff intake often has none). The answer keeps the year the case was closed,
its type and its area, nothing else; the invitation only records that it was used, so the two
cannot be matched up. The free comment is scanned for personal data like a learning note, and
what the scan finds is masked before the comment is stored.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import CaseStatus, HandlingMethod
from ..outbox import queue_message
from ..privacy import find_personal_data
from ..public_forms import find_by_token
from . import outbox_kinds
from .models.survey import ReturnChoice, SurveyAnswer, SurveyAnswerChoice, SurveyInvitation

MASK = "[…]"


class SurveyClosed(Exception):
    """The link was used already, or its case was reopened."""


def is_eligible(case):
    """Whether closing ``case`` may send the survey: a named citizen with an e-mail address,
    a case that was handled rather than rejected, and not anonymised."""
    return (case.status == CaseStatus.CLOSED and bool(case.citizen_email)
            and not case.rejection_reason
            and case.anonymised_at is None
            and not case.handling_methods.filter(method=HandlingMethod.REJECTED).exists())


def invite(case, link_for):
    """Send ``case``'s citizen the survey link ``link_for(token)`` through the outbox; the
    invitation, or None when the case is not eligible, already has a live invitation, or no
    public page can show the survey (``link_for`` returns None)."""
    if not is_eligible(case) or case.survey_invitations.filter(voided=False).exists():
        return None
    invitation = SurveyInvitation(case=case)
    link = link_for(invitation.token)
    if not link:
        return None
    invitation.save()
    queue_message(
        kind=outbox_kinds.SURVEY, recipient=case.citizen_email, reference=case.reference,
        subject=gettext("What did you think of the citizen advisor?"),
        body=gettext(
            "Your case with the citizen advisor is closed. Would you tell us how it went? "
            "Four short questions, and your answer is anonymous: it cannot be traced back to "
            "you or your case.\n\n%(link)s\n\nThe link works once.\n\nThis e-mail was sent "
            "automatically. Do not reply with personal information.") % {"link": link},
    )
    return invitation


def void_invitations(case):
    """A reopened case: its unanswered link no longer opens the survey."""
    case.survey_invitations.filter(answered=False).update(voided=True)


def find_invitation(token):
    return find_by_token(SurveyInvitation.objects.select_related("case"), token, field="token")


def masked(comment, names=()):
    """``(comment, masked)``: the comment with every piece of personal data (and each of
    ``names``) replaced."""
    findings = find_personal_data(comment, names)  # in reading order, without overlaps
    parts, position = [], 0
    for finding in findings:
        parts += [comment[position:finding.start], MASK]
        position = finding.end
    parts.append(comment[position:])
    return "".join(parts), bool(findings)


@transaction.atomic
def record_answer(invitation, *, heard, understood, would_return, comment=""):
    """Keep one answer for ``invitation``; :class:`SurveyClosed` if it was used or voided.
    The invitation is locked first, so two answers sent at once keep only one."""
    invitation = SurveyInvitation.objects.select_for_update().select_related("case").get(
        pk=invitation.pk)
    if invitation.answered or invitation.voided:
        raise SurveyClosed
    case = invitation.case
    text, was_masked = masked(comment.strip(), [case.citizen_name] if case.citizen_name else [])
    closed = case.closed_at or timezone.now()
    answer = SurveyAnswer.objects.create(
        year=timezone.localdate(closed).year, inquiry_type=case.inquiry_type,
        area_id=case.area_id, heard=heard, understood=understood, would_return=would_return,
        comment=text, comment_masked=was_masked)
    invitation.answered = True
    invitation.save(update_fields=["answered"])
    return answer


#: The three questions with fixed answers, as the statistics count them.
QUESTIONS = [
    ("heard", _("Felt heard"), SurveyAnswerChoice.choices),
    ("understood", _("Understood the answer"), SurveyAnswerChoice.choices),
    ("would_return", _("Would contact the advisor again"), ReturnChoice.choices),
]


def comments(years):
    """The stored (scanned and masked) comments of the closing ``years``, alphabetically, so
    their order says nothing about when they came."""
    return list(SurveyAnswer.objects.filter(year__in=list(years)).exclude(comment="")
                .order_by("comment").values_list("comment", flat=True))


def survey_counts(years):
    """Answers kept for the closing ``years``, counted in one query, as a plain dict::

        {"heard": {"YES": int, "PARTLY": int, "NO": int}, "understood": {...},
         "would_return": {"YES": int, "MAYBE": int, "NO": int}, "total": int}
    """
    cells = {f"{field}__{code}": Count("pk", filter=Q(**{field: code}))
             for field, _label, choices in QUESTIONS for code, _choice in choices}
    found = SurveyAnswer.objects.filter(year__in=list(years)).aggregate(
        total=Count("pk"), **cells)
    counts = {"total": found["total"]}
    for field, _label, choices in QUESTIONS:
        counts[field] = {code: found[f"{field}__{code}"] for code, _choice in choices}
    return counts
