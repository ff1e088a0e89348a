"""Statistics for the annual report and interim statuses (issue 13)."""

from .engine import COUNTING_RULES, Statistics, compute, fo_group
from .periods import Period, PeriodError, make_period, parse_day, previous_period, reporting_year
from .suppression import suppress
from .tables import TOTAL, Column, Row, Table

__all__ = [
    "COUNTING_RULES", "TOTAL", "Column", "Period", "PeriodError", "Row", "Statistics", "Table",
    "compute", "fo_group", "make_period", "parse_day", "previous_period", "reporting_year",
    "suppress",
]
