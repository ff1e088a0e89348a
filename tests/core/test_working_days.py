import datetime

import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.working_days import WorkingCalendar, parse_closing_days

D = datetime.date
CAL = WorkingCalendar()
CLOSED = WorkingCalendar.from_text("24-12\n31-12\n05-06")


def test_easter_days_are_skipped():
    # 2026: Maundy Thursday 2 April, Good Friday 3 April, Easter Monday 6 April.
    assert CAL.add(D(2026, 4, 1), 1) == D(2026, 4, 7)
    assert CAL.between(D(2026, 3, 31), D(2026, 4, 7)) == 2


def test_christmas_and_year_change_with_closing_days():
    # From Monday 21 Dec 2026: 22, 23 are working days; 24 closed; 25, 26 holidays; 28-30
    # working; 31 closed; 1 Jan holiday; 4 Jan working.
    assert CLOSED.add(D(2026, 12, 21), 5) == D(2026, 12, 30)
    assert CLOSED.add(D(2026, 12, 21), 6) == D(2027, 1, 4)
    assert CAL.add(D(2026, 12, 21), 6) == D(2026, 12, 30)  # 24 Dec counts when open


def test_start_on_a_holiday_counts_from_the_next_working_day():
    assert CAL.add(D(2026, 12, 25), 1) == D(2026, 12, 28)
    assert CAL.add(D(2026, 12, 25), 0) == D(2026, 12, 28)


def test_great_prayer_day_is_a_working_day_after_its_abolition():
    assert not CAL.is_working_day(D(2023, 5, 5))
    assert CAL.is_working_day(D(2024, 4, 26))


def test_constitution_day_is_closed_only_when_configured():
    assert CAL.is_working_day(D(2026, 6, 5))
    assert not CLOSED.is_working_day(D(2026, 6, 5))


def test_one_off_closing_day():
    calendar = WorkingCalendar.from_text("2026-05-15")
    assert not calendar.is_working_day(D(2026, 5, 15))
    assert calendar.is_working_day(D(2027, 5, 14))


def test_between_is_negative_backwards_and_zero_on_same_day():
    assert CAL.between(D(2026, 1, 12), D(2026, 1, 12)) == 0
    assert CAL.between(D(2026, 1, 16), D(2026, 1, 12)) == -4


def test_add_refuses_negative_days():
    with pytest.raises(ValueError):
        CAL.add(D(2026, 1, 1), -1)


@pytest.mark.parametrize("text", ["31-02", "2026-13-01", "juleaften", "24/12", "1-2-3"])
def test_malformed_closing_days_are_refused_with_the_line(text):
    with pytest.raises(ValidationError) as info:
        parse_closing_days(f"24-12\n{text}")
    assert "2" in info.value.messages[0]


def test_blank_lines_are_ignored():
    assert parse_closing_days("\n24-12\n\n") == ({(12, 24)}, set())
