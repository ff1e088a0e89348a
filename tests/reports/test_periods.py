"""Periods and the previous period of the same length."""

import datetime

import pytest
from django.utils import translation

from borgerraadgiver_plugin.reports.statistics import (
    PeriodError,
    make_period,
    parse_day,
    previous_period,
    reporting_year,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_previous_of_whole_months_is_the_same_months_before():
    assert previous_period(make_period(D(2024, 1, 1), D(2024, 12, 31))) == make_period(
        D(2023, 1, 1), D(2023, 12, 31))
    # A three-quarter status (Jan–Sep) beside Apr–Dec of the year before.
    assert previous_period(make_period(D(2025, 1, 1), D(2025, 9, 30))) == make_period(
        D(2024, 4, 1), D(2024, 12, 31))
    # March 2024 beside February 2024, of another length.
    previous = previous_period(make_period(D(2024, 3, 1), D(2024, 3, 31)))
    assert (previous.start, previous.end, previous.days) == (D(2024, 2, 1), D(2024, 2, 29), 29)


def test_previous_of_a_custom_period_has_as_many_days():
    previous = previous_period(make_period(D(2025, 3, 10), D(2025, 3, 19)))
    assert (previous.start, previous.end) == (D(2025, 2, 28), D(2025, 3, 9))


def test_reporting_year_from_the_setting():
    assert reporting_year(2024, 10) == make_period(D(2024, 10, 1), D(2025, 9, 30))
    assert reporting_year(2025, 1) == make_period(D(2025, 1, 1), D(2025, 12, 31))


def test_bounds_are_copenhagen_midnight(settings):
    period = make_period(D(2025, 1, 1), D(2025, 6, 30))
    assert period.start_at.isoformat() == "2025-01-01T00:00:00+01:00"
    assert period.end_at.isoformat() == "2025-07-01T00:00:00+02:00"


@pytest.mark.parametrize(("start", "end", "message"), [
    (D(2025, 2, 1), D(2025, 1, 1), "before it starts"),
    (D(2005, 1, 1), D(2024, 12, 31), "five years"),
    (D(2025, 1, 1), None, "both"),
])
def test_bad_periods_are_refused(start, end, message):
    with pytest.raises(PeriodError, match=message):
        make_period(start, end)


@pytest.mark.parametrize(("text", "message"), [
    ("2025-02-30", "not a day"), ("", "missing"), ("1/2/2025", "YYYY-MM-DD"),
    ("2025-1-1", "YYYY-MM-DD"),
])
def test_bad_days_are_refused(text, message):
    with pytest.raises(PeriodError, match=message):
        parse_day(text, "--from")
