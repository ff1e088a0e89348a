"""Remit triage rules, without HTTP."""

import datetime

import pytest

from borgerraadgiver_plugin.cases import triage
from borgerraadgiver_plugin.choices import RejectionReason

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 31)


@pytest.mark.parametrize(("day", "months", "expected"), [
    (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
    (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
    (datetime.date(2026, 1, 15), 12, datetime.date(2025, 1, 15)),
    (datetime.date(2026, 1, 15), 13, datetime.date(2024, 12, 15)),
])
def test_months_before_keeps_the_day_or_takes_the_months_last(day, months, expected):
    assert triage.months_before(day, months) == expected


def test_age_limit_flags_only_matters_older_than_the_limit():
    assert triage.triage(matter_date=datetime.date(2025, 3, 30), today=TODAY).age_limit_exceeded
    assert not triage.triage(matter_date=datetime.date(2025, 3, 31),
                             today=TODAY).age_limit_exceeded
    assert not triage.triage(today=TODAY).age_limit_exceeded
    assert triage.triage(matter_date=datetime.date(2026, 1, 1), today=TODAY,
                         age_limit_months=2).age_limit_exceeded


def test_a_matter_before_another_body_wins_over_other_answers():
    result = triage.triage(elsewhere=triage.ELSEWHERE_COURT,
                           concerns=[triage.CONCERNS_POLITICAL], today=TODAY)
    assert result.suggested_reason == RejectionReason.PENDING_ELSEWHERE
    assert result.keys == [triage.ELSEWHERE_COURT, triage.CONCERNS_POLITICAL]


def test_no_answers_outside_the_remit_suggest_nothing():
    result = triage.triage(elsewhere=triage.ELSEWHERE_NO, today=TODAY)
    assert result.suggested_reason == "" and not result.outside_remit


def test_guidance_names_the_bodies_of_the_right_kind(groups):
    (guidance,) = triage.guidance_for_keys([triage.ELSEWHERE_OMBUDSMAN])
    assert [body.name for body in guidance.bodies] == ["Folketingets Ombudsmand"]
    (political,) = triage.guidance_for_reason(RejectionReason.POLITICAL)
    assert [body.code for body in political.bodies] == ["COUNCIL"]
    assert triage.guidance_for_reason("") == []
    assert {item.key for item in triage.all_guidance()} == set(triage.RULES)
