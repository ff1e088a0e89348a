"""Remit triage at intake: which answers put a matter outside the advisor's remit, and where to.

The citizen may still send the inquiry (the advisor can still guide), so triage never refuses:
it suggests a :class:`~borgerraadgiver_plugin.choices.RejectionReason` for the advisor to
decide on, names the bodies the citizen can turn to, and flags a matter older than the age
limit. The form shows the same guidance before sending (with JavaScript) and the receipt after.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ..choices import DEFAULT_REFERRALS, ReferralTarget, RejectionReason
from ..models import ReferralBody

R = RejectionReason
T = ReferralTarget

# Where the matter is already being handled ("elsewhere" on the form).
ELSEWHERE_NO = "NO"
ELSEWHERE_APPEAL = "APPEAL_BODY"
ELSEWHERE_SUPERVISION = "SUPERVISION"
ELSEWHERE_OMBUDSMAN = "OMBUDSMAN"
ELSEWHERE_COURT = "COURT"

# What the matter concerns ("concerns" on the form).
CONCERNS_POLITICAL = "POLITICAL"
CONCERNS_EMPLOYMENT = "EMPLOYMENT"
CONCERNS_OTHER_AUTHORITY = "OTHER_AUTHORITY"


@dataclass(frozen=True)
class Rule:
    """One answer that points outside the remit: the reason and the bodies to name."""

    key: str
    reason: str
    targets: tuple
    explanation: object


EXPLANATIONS = {
    R.PENDING_ELSEWHERE: _(
        "The citizen advisor cannot deal with a matter while it is before an appeal body, "
        "the municipal supervision, the Ombudsman or a court. That body decides it."
    ),
    R.POLITICAL: _(
        "The citizen advisor cannot change political decisions, such as the level of service "
        "the council has set. You can write to the council or the committee."
    ),
    R.PERSONNEL: _(
        "The citizen advisor does not deal with the employment of the municipality's own staff. "
        "Contact HR or your union. How staff treat citizens is within the remit, though."
    ),
    R.OUTSIDE_MUNICIPALITY: _(
        "The citizen advisor only deals with the municipality's own work. Other authorities "
        "have their own ways to complain."
    ),
}

RULES = {
    ELSEWHERE_APPEAL: Rule(ELSEWHERE_APPEAL, R.PENDING_ELSEWHERE,
                           (T.ANKESTYRELSEN, T.NAEVNENES_HUS),
                           EXPLANATIONS[R.PENDING_ELSEWHERE]),
    ELSEWHERE_SUPERVISION: Rule(ELSEWHERE_SUPERVISION, R.PENDING_ELSEWHERE, (T.TILSYNET,),
                                EXPLANATIONS[R.PENDING_ELSEWHERE]),
    ELSEWHERE_OMBUDSMAN: Rule(ELSEWHERE_OMBUDSMAN, R.PENDING_ELSEWHERE, (T.OMBUDSMAND,),
                              EXPLANATIONS[R.PENDING_ELSEWHERE]),
    ELSEWHERE_COURT: Rule(ELSEWHERE_COURT, R.PENDING_ELSEWHERE, (T.COURTS,),
                          EXPLANATIONS[R.PENDING_ELSEWHERE]),
    CONCERNS_OTHER_AUTHORITY: Rule(CONCERNS_OTHER_AUTHORITY, R.OUTSIDE_MUNICIPALITY,
                                   tuple(DEFAULT_REFERRALS[R.OUTSIDE_MUNICIPALITY]),
                                   EXPLANATIONS[R.OUTSIDE_MUNICIPALITY]),
    CONCERNS_POLITICAL: Rule(CONCERNS_POLITICAL, R.POLITICAL,
                             tuple(DEFAULT_REFERRALS[R.POLITICAL]), EXPLANATIONS[R.POLITICAL]),
    CONCERNS_EMPLOYMENT: Rule(CONCERNS_EMPLOYMENT, R.PERSONNEL,
                              tuple(DEFAULT_REFERRALS[R.PERSONNEL]), EXPLANATIONS[R.PERSONNEL]),
}
# An external area ("another authority") counts like the answer "another authority".
EXTERNAL_AREA_KEY = CONCERNS_OTHER_AUTHORITY


@dataclass
class Guidance:
    """What the citizen is told about one answer: why, and which bodies to contact."""

    key: str
    reason: str
    explanation: object
    bodies: list = field(default_factory=list)


@dataclass
class TriageResult:
    suggested_reason: str = ""
    keys: list = field(default_factory=list)
    age_limit_exceeded: bool = False

    @property
    def outside_remit(self):
        return bool(self.suggested_reason)


def months_before(day, months):
    """The same day ``months`` calendar months earlier (the month's last day if shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in range(day.day, 27, -1):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    return datetime.date(year, month, min(day.day, 28))


def is_older_than_limit(matter_date, today, limit_months):
    return bool(matter_date) and matter_date < months_before(today, limit_months)


def triage(*, elsewhere="", concerns=(), area_is_external=False, matter_date=None, today,
           age_limit_months=12):
    """Triage the answers of one inquiry. The first matching rule gives the suggested reason:
    a matter before another body first, then another authority, politics, employment."""
    keys = []
    if elsewhere in RULES:
        keys.append(elsewhere)
    for key in (CONCERNS_OTHER_AUTHORITY, CONCERNS_POLITICAL, CONCERNS_EMPLOYMENT):
        if key in concerns or (key == EXTERNAL_AREA_KEY and area_is_external):
            if key not in keys:
                keys.append(key)
    return TriageResult(
        suggested_reason=RULES[keys[0]].reason if keys else "",
        keys=keys,
        age_limit_exceeded=is_older_than_limit(matter_date, today, age_limit_months),
    )


def _bodies_by_target(targets):
    bodies = {}
    for body in ReferralBody.objects.filter(code__in=set(targets)):
        bodies.setdefault(body.code, []).append(body)
    return bodies


def guidance_for_keys(keys):
    """The guidance for each triage key, with the referral bodies of the right kinds."""
    rules = [RULES[key] for key in keys if key in RULES]
    bodies = _bodies_by_target([target for rule in rules for target in rule.targets])
    return [
        Guidance(rule.key, rule.reason, rule.explanation,
                 [body for target in rule.targets for body in bodies.get(target, [])])
        for rule in rules
    ]


def all_guidance():
    """Guidance for every answer, for the form to show as soon as an answer is chosen."""
    return guidance_for_keys(list(RULES))


def guidance_for_reason(reason):
    """Guidance for a stored suggested reason (the receipt), with its default bodies."""
    if reason not in EXPLANATIONS:
        return []
    targets = DEFAULT_REFERRALS.get(reason, [])
    bodies = _bodies_by_target(targets)
    return [Guidance(reason, reason, EXPLANATIONS[reason],
                     [body for target in targets for body in bodies.get(target, [])])]
