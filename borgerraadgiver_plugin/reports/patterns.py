"""Mønstre i henvendelserne: what the advisor should look into, for the learning notes.

Two signals, both for the advisor's eyes only (they are never published): complaint themes that
rise against the previous period of the same length, across the municipality and within one
area; and citizens who come back often, so the totals can be read with and without them. Both
are counted in the database, one grouped query each.
"""

from dataclasses import dataclass

from django.db.models import Count, Max, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from .. import conf
from ..cases.models.case import Case
from ..choices import InquiryType
from ..models import Area, Theme
from .statistics.periods import previous_period


@dataclass(frozen=True)
class Rise:
    """A complaint theme (in one area, or everywhere when ``area`` is None) that rose."""

    theme: Theme
    area: Area | None
    now: int
    before: int

    @property
    def rise_pct(self):
        """How much it rose, in per cent; None when the previous period had none."""
        return round(100 * (self.now - self.before) / self.before) if self.before else None


@dataclass(frozen=True)
class RepeatComplainant:
    contact: str  # the e-mail address or phone number the cases share
    name: str  # the name on the latest of them
    cases: int


@dataclass(frozen=True)
class Repeats:
    people: list
    received: int  # every case received in the period
    by_repeaters: int  # of those, the cases of the people above

    @property
    def without_repeaters(self):
        return self.received - self.by_repeaters


def rising_themes(period, min_cases=None, min_rise_pct=None):
    """Themes, and theme × area, whose complaints received in ``period`` number at least
    ``min_cases`` and at least ``min_rise_pct`` % more than in the previous period. The themes
    across all areas come first, each by the number of complaints, most first."""
    min_cases = min_cases or conf.get("BORGERRAADGIVER_PATTERN_MIN_CASES")
    min_rise = conf.get("BORGERRAADGIVER_PATTERN_MIN_RISE_PCT") if min_rise_pct is None else (
        min_rise_pct)
    previous = previous_period(period)
    links = Case.themes.through.objects.filter(
        case__in=Case.objects.countable().filter(inquiry_type=InquiryType.COMPLAINT,
                                                 received_at__gte=previous.start_at,
                                                 received_at__lt=period.end_at))
    now, before = {}, {}
    groups = links.values("theme_id", "case__area_id").annotate(
        now=Count("pk", filter=_in(period)), before=Count("pk", filter=_in(previous)))
    for group in groups.order_by():
        for key in ((group["theme_id"], None), (group["theme_id"], group["case__area_id"])):
            now[key] = now.get(key, 0) + group["now"]
            before[key] = before.get(key, 0) + group["before"]
    found = [key for key, count in now.items()
             if count >= min_cases and count * 100 >= before[key] * (100 + min_rise)
             and count > before[key]]
    themes = Theme.objects.in_bulk({theme for theme, _area in found})
    areas = Area.objects.in_bulk({area for _theme, area in found if area is not None})
    rises = [Rise(themes[theme], areas.get(area), now[theme, area], before[theme, area])
             for theme, area in found]
    return sorted(rises, key=lambda rise: (rise.area is not None, -rise.now, rise.theme.name))


def _in(period):
    return Q(case__received_at__gte=period.start_at, case__received_at__lt=period.end_at)


def repeat_complainants(period, min_cases=None):
    """Citizens with at least ``min_cases`` inquiries received in ``period``, recognised by the
    e-mail address (or, without one, the phone number) their cases share."""
    min_cases = min_cases or conf.get("BORGERRAADGIVER_REPEAT_MIN_CASES")
    received = Case.objects.countable().filter(received_at__gte=period.start_at,
                                               received_at__lt=period.end_at)
    contact = Coalesce(NullIf(Lower("citizen_email"), Value("")),
                       NullIf("citizen_phone", Value("")))
    # A list of people: a restricted case names no one here, but still counts in the total.
    groups = list(received.unrestricted().annotate(contact=contact).exclude(contact=None)
                  .values("contact").annotate(cases=Count("pk"), latest=Max("pk"))
                  .filter(cases__gte=min_cases).order_by("-cases", "contact"))
    names = dict(Case.objects.filter(pk__in=[group["latest"] for group in groups])
                 .values_list("pk", "citizen_name"))
    people = [RepeatComplainant(group["contact"], names.get(group["latest"], ""),
                                group["cases"]) for group in groups]
    return Repeats(people, received.count(), sum(person.cases for person in people))
