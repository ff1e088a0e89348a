"""Reporting periods: local (Europe/Copenhagen) dates, both ends included."""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

#: The longest period the statistics compute (five years and leap days; a 19-month first
#: report fits, a 20-year span is refused as a typo).
MAX_DAYS = 5 * 366
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class PeriodError(ValueError):
    """A period that cannot be computed; the message is meant for the person who asked."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def start_at(self):
        """The first instant of the period: local midnight of its first day."""
        return local_midnight(self.start)

    @property
    def end_at(self):
        """The first instant after the period (exclusive bound)."""
        return local_midnight(self.end + datetime.timedelta(days=1))

    def as_dict(self):
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()),
                               timezone.get_default_timezone())


def parse_day(text, name):
    """A strict YYYY-MM-DD date; ``name`` names the argument in the error."""
    if not text:
        raise PeriodError(_("%(name)s is missing: give a date as YYYY-MM-DD.") % {"name": name})
    if not _ISO_DAY.fullmatch(text):
        raise PeriodError(_("%(name)s must be a date written YYYY-MM-DD, not “%(text)s”.")
                          % {"name": name, "text": text})
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise PeriodError(_("%(name)s: %(text)s is not a day in the calendar.")
                          % {"name": name, "text": text}) from None


def make_period(start, end):
    if start is None or end is None:
        raise PeriodError(_("A period needs both a start and an end date."))
    if end < start:
        raise PeriodError(_("The period ends (%(end)s) before it starts (%(start)s).")
                          % {"start": start.isoformat(), "end": end.isoformat()})
    period = Period(start, end)
    if period.days > MAX_DAYS:
        raise PeriodError(_("The period is %(days)d days long; at most %(max)d days (five "
                            "years) can be computed at once.")
                          % {"days": period.days, "max": MAX_DAYS})
    return period


def _is_whole_months(period):
    last = calendar.monthrange(period.end.year, period.end.month)[1]
    return period.start.day == 1 and period.end.day == last


def _months_back(day, months):
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def previous_period(period):
    """The period of the same length just before: the same number of whole months when the
    period is whole months (a year beside the year before, even across a leap day), else the
    same number of days."""
    end = period.start - datetime.timedelta(days=1)
    if _is_whole_months(period):
        months = ((period.end.year - period.start.year) * 12
                  + period.end.month - period.start.month + 1)
        return Period(_months_back(period.start, months), end)
    return Period(end - datetime.timedelta(days=period.days - 1), end)


def reporting_year(first_year, start_month):
    """The reporting year that begins on the 1st of ``start_month`` in ``first_year`` (the
    site setting; 1 = the calendar year)."""
    start = datetime.date(first_year, start_month, 1)
    following = _months_back(start, -12)
    return Period(start, following - datetime.timedelta(days=1))


def half_year(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year, 6, 30))


def three_quarters(year):
    return Period(datetime.date(year, 1, 1), datetime.date(year, 9, 30))


def presets(today, start_month):
    """The periods an advisor usually reports on, as ``(label, period)``: the reporting year
    under way and the one before, and the interim periods (half-year, three quarters) of the
    calendar year that have ended by ``today``."""
    first_year = today.year if today.month >= start_month else today.year - 1
    choices = [(_("This reporting year"), reporting_year(first_year, start_month)),
               (_("Last reporting year"), reporting_year(first_year - 1, start_month))]
    if start_month != 1:
        choices.append((_("Calendar year %(year)d") % {"year": today.year - 1},
                        reporting_year(today.year - 1, 1)))
    for label, period in [(_("Three quarters of %(year)d"), three_quarters(today.year)),
                          (_("First half of %(year)d"), half_year(today.year))]:
        if period.end < today:
            choices.append((label % {"year": today.year}, period))
    return choices
