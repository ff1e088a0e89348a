"""Danish working days (arbejdsdage): the clock behind every statutory and local deadline.

Public holidays come from the maintained ``holidays`` package (Denmark); a municipality adds its
own closing days, either recurring ("24-12") or one-off ("2026-05-15").
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

import holidays
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_RECURRING = re.compile(r"^(\d{1,2})-(\d{1,2})$")
_ONE_OFF = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@lru_cache(maxsize=64)
def _danish_holidays(year):
    return frozenset(holidays.country_holidays("DK", years=year).keys())


def parse_closing_days(text):
    """Parse one closing day a line: ``DD-MM`` every year, or ``YYYY-MM-DD`` once.

    Returns ``(recurring, one_off)``: a set of ``(month, day)`` and a set of dates. Raises
    :class:`ValidationError` naming the first line that is not a real day.
    """
    recurring, one_off = set(), set()
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            if match := _RECURRING.match(line):
                day, month = (int(part) for part in match.groups())
                datetime.date(2000, month, day)  # a leap year, so 29-02 is allowed
                recurring.add((month, day))
                continue
            if match := _ONE_OFF.match(line):
                one_off.add(datetime.date(*(int(part) for part in match.groups())))
                continue
        except ValueError:
            pass
        raise ValidationError(
            _('Line %(number)s, "%(line)s", is not a day. Write DD-MM (every year) or '
              "YYYY-MM-DD (once)."),
            params={"number": number, "line": line[:40]},
            code="invalid_closing_day",
        )
    return recurring, one_off


@dataclass(frozen=True)
class WorkingCalendar:
    """Danish public holidays, weekends and the municipality's own closing days."""

    recurring_closed: frozenset = field(default_factory=frozenset)
    closed_dates: frozenset = field(default_factory=frozenset)

    @classmethod
    def from_text(cls, text):
        recurring, one_off = parse_closing_days(text)
        return cls(frozenset(recurring), frozenset(one_off))

    def is_working_day(self, day):
        return not (
            day.weekday() >= 5
            or day in _danish_holidays(day.year)
            or (day.month, day.day) in self.recurring_closed
            or day in self.closed_dates
        )

    def add(self, start, days):
        """The date ``days`` working days after ``start``.

        Counting starts the day after ``start``, so a start on a holiday or a weekend is the same
        as a start on the working day before it. ``days`` may be 0 (the next working day on or
        after ``start``) but not negative.
        """
        if days < 0:
            raise ValueError("days must not be negative")
        current = start
        if days == 0:
            while not self.is_working_day(current):
                current += datetime.timedelta(days=1)
            return current
        while days:
            current += datetime.timedelta(days=1)
            if self.is_working_day(current):
                days -= 1
        return current

    def between(self, start, end):
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.between(end, start)
        count, current = 0, start
        while current < end:
            current += datetime.timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count

