"""The statistics engine: the tables of domain.md §10.3 for a period, beside the previous one.

Every figure is aggregated in the database (GROUP BY over a few dimensions at once, or
conditional aggregates); Python only adds up and arranges the grouped counts, never case rows.
A handful of queries serve all tables, so a year of 100,000 cases stays well within a second.
The counting rules are stated once, in :data:`COUNTING_RULES`, and printed under every table set
("methods"). Medians come from a histogram of days counted in the database (GROUP BY days), the
same on PostgreSQL and SQLite and exact.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import connection, models, transaction
from django.db.models import Count, Exists, ExpressionWrapper, F, OuterRef, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ... import conf
from ...cases.models import Case, CaseHandlingMethod, Forwarding, OutreachBooking, OutreachSession
from ...cases.survey import QUESTIONS, survey_counts
from ...choices import (
    CaseOrigin,
    CaseStatus,
    Channel,
    CriticismLevel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RecommendationStatus,
    ReferralTarget,
    RejectionReason,
    RequesterRole,
    UpheldValue,
)
from ...learning.models import Recommendation
from ...models import Area, Theme
from ...veterans.statistics import veteran_counts
from ...working_days import WorkingCalendar
from .periods import local_midnight, previous_period
from .suppression import suppress
from .tables import MEASURE, PLAIN, TOTAL, Column, Row, Table

PERIOD, PREVIOUS = "period", "previous"
NO_AREA = "NONE"
#: A share is shown only when its denominator reaches this many cases.
MIN_SHARE_BASE = 10

COUNTING_RULES = [
    _("One case is one record; a merged duplicate never counts (it is counted in the case it "
      "was merged into). Every origin counts: citizen inquiries as well as own-initiative and "
      "council-ordered studies, shown by origin."),
    _("Intake tables (type, origin, channel, requester, area × type, themes) count the cases "
      "received in the period; outcome tables (results, handling methods, rejections, "
      "processing time, outcome groups) count the cases closed in the period."),
    _("A case counts under the area stored on it, the area valid when it arrived, also after "
      "that area has closed."),
    _("Processing time is counted in calendar days from the day received to the day closed "
      "(Danish local time). A unit's answer time is counted in working days from the day the "
      "complaint was forwarded to the day the unit answered, for answers given in the period."),
    _("A share is shown only when its denominator is at least %(n)d cases; otherwise only the "
      "counts are shown."),
]

#: Every table, by its stable id (the API), with its title; in the order they are listed.
TITLES = {
    "inquiries_by_type": _("Inquiries by type"),
    "inquiries_by_origin": _("Inquiries by origin"),
    "inquiries_by_channel": _("Inquiries by channel"),
    "inquiries_by_requester_role": _("Inquiries by requester"),
    "area_by_type": _("Inquiries by area and type"),
    "complaints_by_theme": _("Complaints by theme"),
    "theme_by_area": _("Complaint themes by area"),
    "handling_methods_by_area": _("Handling methods by area"),
    "forwarded_results": _("Forwarded complaints: the units' answers"),
    "rejections_by_reason": _("Rejections by reason"),
    "investigations": _("Investigations by result"),
    "criticism_levels": _("Criticism by level"),
    "processing_time_by_type": _("Processing time by type"),
    "open_cases_by_age": _("Open cases at the end of the period, by age"),
    "fo_outcome_groups": _("Closed cases by the Ombudsman's outcome groups, by area"),
    "referrals_by_body": _("Referrals by body"),
    "recommendations_by_area": _("Recommendations issued in the period, by area and status now"),
    "studies": _("Own-initiative and council-ordered studies"),
    "outreach": _("Office hours and outreach sessions, by place"),
    "veterans": _("Veteran contacts"),
    "veteran_activities": _("The veteran coordinator's activities"),
    "survey": _("Satisfaction survey"),
}
TABLE_IDS = list(TITLES)
#: Origins that are the advisor's own studies (egen drift) rather than a citizen's inquiry.
STUDY_ORIGINS = [(code, label) for code, label in CaseOrigin.choices
                 if code != CaseOrigin.CITIZEN]
NO_RESULT = "NO_RESULT"

FO_CRITICISM, FO_NO_CRITICISM, FO_OTHER, FO_REJECTED = (
    "CRITICISM", "NO_CRITICISM", "OTHER", "REJECTED")
FO_GROUPS = [
    (FO_CRITICISM, _("Investigations with criticism, request or recommendation")),
    (FO_NO_CRITICISM, _("Investigations without criticism")),
    (FO_OTHER, _("Other handling and help")),
    (FO_REJECTED, _("Rejected")),
]
_CRITICAL_OUTCOMES = {Outcome.CRITICISM, Outcome.REQUEST, Outcome.RECOMMENDATION}

AGE_BUCKETS = [  # (code, label, lowest age in days, highest age in days or None)
    ("0_30", _("0–30 days"), 0, 30),
    ("31_90", _("31–90 days"), 31, 90),
    ("91_180", _("91–180 days"), 91, 180),
    ("181_365", _("181–365 days"), 181, 365),
    ("366_", _("More than 365 days"), 366, None),
]


def fo_group(investigated, criticism_level, outcome, rejection_reason):
    """Folketingets Ombudsmand's outcome group of a closed case, by precedence: an
    investigation is CRITICISM when it has a criticism level or a critical outcome, else
    NO_CRITICISM; otherwise a case with a rejection reason is REJECTED; the rest is OTHER."""
    if investigated:
        if criticism_level or outcome in _CRITICAL_OUTCOMES:
            return FO_CRITICISM
        return FO_NO_CRITICISM
    if rejection_reason:
        return FO_REJECTED
    return FO_OTHER


@dataclass
class Statistics:
    period: object
    previous: object
    threshold: int
    tables: dict  # id -> Table, unsuppressed: for computing, never for showing

    @property
    def notes(self):
        notes = [str(rule) % {"n": MIN_SHARE_BASE} for rule in COUNTING_RULES]
        if self.period.days != self.previous.days:
            notes.append(_("The previous period is %(prev)d days long, this one %(this)d days.")
                         % {"prev": self.previous.days, "this": self.period.days})
        return notes

    def published(self, table_ids=None):
        """The tables fit to show, export or freeze: suppressed with the site's threshold."""
        ids = table_ids or list(self.tables)
        return {table_id: suppress(self.tables[table_id], self.threshold) for table_id in ids}

    def as_dict(self, table_ids=None):
        return {
            "period": self.period.as_dict(),
            "previous": self.previous.as_dict(),
            "suppression_threshold": self.threshold,
            "tables": {table_id: table.as_dict()
                       for table_id, table in self.published(table_ids).items()},
            "methods": [str(note) for note in self.notes],
        }


def compute(period, threshold, calendar=None):
    """The statistics of ``period``; ``calendar`` (the municipality's, from its settings)
    counts the units' answer times in working days."""
    previous = previous_period(period)
    with transaction.atomic():  # one snapshot: the tables agree with each other
        _without_jit()
        tables = _Builder(period, previous, calendar or WorkingCalendar()).tables()
    return Statistics(period, previous, threshold, tables)


def _without_jit():
    """PostgreSQL would JIT-compile these grouped queries (their estimated cost passes
    jit_above_cost): a second of compiling for 100 ms of work. Off for this transaction only."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")


def _span(field, period):
    """'period' or 'previous' for a row already limited to the two periods."""
    return models.Case(When(**{f"{field}__gte": period.start_at}, then=Value(PERIOD)),
                       default=Value(PREVIOUS), output_field=models.CharField())


def _local_date(field):
    return TruncDate(field, tzinfo=timezone.get_default_timezone())


def _totals(groups, key, span):
    counts = Counter()
    for group in groups:
        if group["span"] == span:
            counts[group[key]] += group["n"]
    return counts


def _share(part, whole):
    return round(100 * part / whole, 1) if whole >= MIN_SHARE_BASE else None


def _median(histogram):
    """The median of a {value: count} histogram counted in the database."""
    size = sum(histogram.values())
    if not size:
        return None
    wanted, seen, values = {(size - 1) // 2, size // 2}, 0, []
    for value in sorted(histogram):
        for position in wanted:
            if seen <= position < seen + histogram[value]:
                values.append(value)
        seen += histogram[value]
    return sum(values) / len(values)


class _Builder:
    def __init__(self, period, previous, calendar):
        self.period, self.previous, self.calendar = period, previous, calendar
        cases = Case.objects.countable()
        self.received = cases.filter(received_at__gte=previous.start_at,
                                     received_at__lt=period.end_at)
        self.closed = cases.filter(status=CaseStatus.CLOSED, closed_at__gte=previous.start_at,
                                   closed_at__lt=period.end_at)

    # -- queries: one per family of tables ------------------------------------------------

    def _intake(self):
        return list(self.received.annotate(span=_span("received_at", self.period)).values(
            "span", "inquiry_type", "origin", "channel", "requester_role", "area_id",
        ).annotate(n=Count("pk")).order_by())

    def _outcomes(self):
        investigated = CaseHandlingMethod.objects.filter(
            case=OuterRef("pk"), method=HandlingMethod.INVESTIGATION)
        return list(self.closed.annotate(
            span=_span("closed_at", self.period), investigated=Exists(investigated),
        ).values(
            "span", "area_id", "inquiry_type", "origin", "outcome", "criticism_level",
            "rejection_reason", "investigated",
        ).annotate(n=Count("pk")).order_by())

    def _answers(self):
        """Units' answers given in the period, by unit, result and the two dates (so the
        working days are worked out once per pair of dates, never per row)."""
        answered = Forwarding.objects.filter(
            case__in=Case.objects.countable(), answered_on__gte=self.period.start,
            answered_on__lte=self.period.end)
        on_time = ExpressionWrapper(Q(answered_on__lte=F("due_on")),
                                    output_field=models.BooleanField())
        return list(answered.annotate(on_time=on_time).values(
            "unit_id", "upheld", "sent_on", "answered_on", "on_time",
        ).annotate(n=Count("pk")).order_by())

    def _processing_days(self):
        days = models.ExpressionWrapper(_local_date("closed_at") - _local_date("received_at"),
                                        output_field=models.DurationField())
        return list(self.closed.annotate(span=_span("closed_at", self.period), days=days)
                    .values("span", "inquiry_type", "days").annotate(n=Count("pk")).order_by())

    def _themes(self):
        links = Case.themes.through.objects.filter(
            case__in=self.received.filter(inquiry_type=InquiryType.COMPLAINT))
        return list(links.annotate(span=_span("case__received_at", self.period))
                    .values("span", "theme_id", "case__area_id").annotate(n=Count("pk"))
                    .order_by())

    def _methods(self):
        uses = CaseHandlingMethod.objects.filter(case__in=self.closed)
        return list(uses.annotate(span=_span("case__closed_at", self.period))
                    .values("span", "method", "case__area_id").annotate(n=Count("pk"))
                    .order_by())

    def _referrals(self):
        links = Case.referral_bodies.through.objects.filter(case__in=self.closed)
        return list(links.annotate(span=_span("case__closed_at", self.period))
                    .values("span", "referralbody__code").annotate(n=Count("pk")).order_by())

    def _recommendations(self):
        issued = Recommendation.objects.filter(issued_on__gte=self.period.start,
                                               issued_on__lte=self.period.end)
        return list(issued.annotate(span=Value(PERIOD)).values("span", "area_id", "status")
                    .annotate(n=Count("pk")).order_by())

    def _open_by_age(self):
        aggregates = {}
        for span, period in ((PERIOD, self.period), (PREVIOUS, self.previous)):
            still_open = Q(received_at__lt=period.end_at) & (
                Q(closed_at__isnull=True) | Q(closed_at__gte=period.end_at))
            if span == PERIOD:
                for origin, _label in STUDY_ORIGINS:
                    aggregates[f"study__{origin}"] = Count(
                        "pk", filter=still_open & Q(origin=origin))
            for code, _label, low, high in AGE_BUCKETS:
                in_bucket = Q(received_at__lt=local_midnight(
                    period.end - datetime.timedelta(days=low - 1)))
                if high is not None:
                    in_bucket &= Q(received_at__gte=local_midnight(
                        period.end - datetime.timedelta(days=high)))
                aggregates[f"{span}__{code}"] = Count("pk", filter=still_open & in_bucket)
        # Only cases open at one of the two ends can count: received before the later end
        # and not closed before the earlier one.
        candidates = Case.objects.countable().filter(received_at__lt=self.period.end_at).filter(
            Q(closed_at__isnull=True) | Q(closed_at__gte=self.previous.end_at))
        return candidates.aggregate(**aggregates)

    # -- table sets --------------------------------------------------------------------------

    def tables(self):
        intake, outcomes = self._intake(), self._outcomes()
        themes, methods = self._themes(), self._methods()
        recommendations, answers = self._recommendations(), self._answers()
        open_counts = self._open_by_age()
        seen_areas = ({g["area_id"] for g in intake + outcomes + recommendations}
                      | {g["case__area_id"] for g in themes + methods}
                      | {g["unit_id"] for g in answers})
        self.areas = self._area_rows(seen_areas)
        tables = [
            self._by_vocabulary("inquiries_by_type",
                                intake, "inquiry_type", InquiryType),
            self._by_vocabulary("inquiries_by_origin",
                                intake, "origin", CaseOrigin),
            self._by_vocabulary("inquiries_by_channel",
                                intake, "channel", Channel),
            self._by_vocabulary("inquiries_by_requester_role",
                                intake, "requester_role", RequesterRole),
            self._cross("area_by_type", intake,
                        "area_id", self.areas, "inquiry_type", _items(InquiryType.choices)),
            self._themes_table(themes),
            self._cross("theme_by_area", themes,
                        "theme_id", self.theme_items, "case__area_id", self.areas,
                        totals=False, note=_("A complaint can have several themes; each counts "
                                             "under every theme it has.")),
            self._cross("handling_methods_by_area", methods,
                        "case__area_id", self.areas, "method", _items(HandlingMethod.choices),
                        totals=False, note=_("A case can be handled in several ways; each "
                                             "method used counts once.")),
            self._forwarded_results(answers),
            self._by_vocabulary("rejections_by_reason",
                                [g for g in outcomes if g["rejection_reason"]],
                                "rejection_reason", RejectionReason),
            self._investigations(outcomes),
            self._by_vocabulary("criticism_levels",
                                [g for g in outcomes if g["criticism_level"]],
                                "criticism_level", CriticismLevel),
            self._processing_time(self._processing_days()),
            self._open_cases(open_counts),
            self._fo_outcome_groups(outcomes),
            self._by_vocabulary("referrals_by_body", self._referrals(),
                                "referralbody__code", ReferralTarget, total=False,
                                note=_("Cases closed in the period; a case referred to several "
                                       "bodies counts under each.")),
            self._cross("recommendations_by_area",
                        recommendations, "area_id", self.areas, "status",
                        _items(RecommendationStatus.choices)),
            self._studies(intake, outcomes, open_counts),
            self._outreach(),
            *self._veterans(),
            self._survey(),
        ]
        for table in tables:
            if not any(isinstance(cell, int) and cell for row in table.rows
                       for cell in row.cells):
                table.notes.append(_("No cases in these periods."))
        return {table.id: table for table in tables}

    def _area_rows(self, seen):
        period = self.period
        valid = (Q(valid_from__isnull=True) | Q(valid_from__lte=period.end)) & (
            Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))
        items = [(area.pk, str(area.pk), area.name)
                 for area in Area.objects.filter(Q(pk__in=seen) | valid)]
        if None in seen:
            items.append((None, NO_AREA, _("No area")))
        return items

    def _columns_period(self):
        return [Column(PERIOD, _("Period")), Column(PREVIOUS, _("Previous period"))]

    def _by_vocabulary(self, table_id, groups, key, vocabulary, total=True, note=None):
        now, before = _totals(groups, key, PERIOD), _totals(groups, key, PREVIOUS)
        rows = [Row(code, label, [now[code], before[code]]) for code, label in vocabulary.choices]
        if total:
            rows.append(Row(TOTAL, _("Total"), [sum(now.values()), sum(before.values())]))
        return Table(table_id, TITLES[table_id], self._columns_period(), rows,
                     [note] if note else [])

    def _cross(self, table_id, groups, row_key, row_items, column_key, column_items,
               totals=True, note=None):
        """Row items × column items, each (key in the groups, code, label), for the period
        (the previous period is in the one-dimensional tables); TOTAL row and column when a
        case counts once."""
        counts = Counter()
        for group in groups:
            if group["span"] == PERIOD:
                counts[group[row_key], group[column_key]] += group["n"]
        columns = [Column(code, label) for _key, code, label in column_items]
        rows = [Row(code, label, [counts[r, c] for c, _code, _label in column_items])
                for r, code, label in row_items]
        if totals:
            columns.append(Column(TOTAL, _("Total")))
            for row in rows:
                row.cells.append(sum(row.cells))
            rows.append(Row(TOTAL, _("Total"),
                            [sum(row.cells[i] for row in rows) for i in range(len(columns))]))
        return Table(table_id, TITLES[table_id], columns, rows, [note] if note else [])

    def _themes_table(self, themes):
        self.theme_items = [(theme.pk, theme.code, theme.name) for theme in Theme.objects.all()]
        now = _totals(themes, "theme_id", PERIOD)
        before = _totals(themes, "theme_id", PREVIOUS)
        rows = [Row(code, name, [now[pk], before[pk]]) for pk, code, name in self.theme_items]
        return Table("complaints_by_theme", TITLES["complaints_by_theme"], self._columns_period(),
                     rows, [_("A complaint can have several themes; each counts under every "
                              "theme it has.")])

    def _investigations(self, outcomes):
        """Investigations closed, with and without criticism (request, recommendation), and
        the share with criticism of the investigations and of every case closed."""
        investigations = [{**g, "fo": fo_group(True, g["criticism_level"], g["outcome"], "")}
                          for g in outcomes if g["investigated"]]
        table = self._by_vocabulary("investigations",
                                    investigations, "fo", _Choices(FO_GROUPS[:2]))
        investigated = table.rows[-1].cells[0]
        closed = sum(_totals(outcomes, "span", PERIOD).values())
        table.columns += [
            Column("pct_of_investigations", _("Share of the investigations, %"), MEASURE,
                   reveals=(PERIOD,)),
            Column("pct_of_closed", _("Share of all cases closed, %"), MEASURE,
                   reveals=(PERIOD,)),
        ]
        for row in table.rows:
            row.cells += [None if row.code == TOTAL else _share(row.cells[0], investigated),
                          _share(row.cells[0], closed)]
            row.basis = min(investigated, closed)
        table.notes.append(_("Shares are for the period, of the %(investigated)d "
                             "investigations and the %(closed)d cases closed in it.")
                           % {"investigated": investigated, "closed": closed})
        return table

    def _processing_time(self, groups):
        targets = conf.get("BORGERRAADGIVER_PROCESSING_TARGET_DAYS")
        columns = [Column("closed", _("Closed")),
                   Column("median_days", _("Median days"), MEASURE),
                   Column("mean_days", _("Mean days"), MEASURE),
                   Column("within_target_pct", _("Within target, %"), MEASURE)]
        histograms = {code: Counter() for code in InquiryType.values}
        for group in groups:
            if group["span"] == PERIOD:
                histograms[group["inquiry_type"]][group["days"].days] += group["n"]

        def row(code, label, histogram, within):
            closed = sum(histogram.values())
            mean = round(sum(d * n for d, n in histogram.items()) / closed, 1) if closed else None
            return Row(code, label, [closed, _median(histogram), mean, _share(within, closed)],
                       basis=closed)

        within = {code: sum(n for days, n in histograms[code].items()
                            if days <= targets.get(code, 0)) for code in histograms}
        rows = [row(code, label, histograms[code], within[code])
                for code, label in InquiryType.choices]
        rows.append(row(TOTAL, _("Total"), sum(histograms.values(), Counter()),
                        sum(within.values())))
        target_text = ", ".join(f"{label}: {targets.get(code, 0)}"
                                for code, label in InquiryType.choices)
        return Table("processing_time_by_type", TITLES["processing_time_by_type"], columns, rows, [
            _("Cases closed in the period; calendar days from the day received to the day "
              "closed. Targets in days: %(targets)s.") % {"targets": target_text}])

    def _forwarded_results(self, answers):
        """Per unit: the answers by result, the upheld share (upheld and partly upheld of the
        answers) and the answer time in working days against the unit's deadline."""
        results = [code for code, _label in UpheldValue.choices]
        columns = [*(Column(code, label) for code, label in UpheldValue.choices),
                   Column(NO_RESULT, _("No result recorded")),
                   Column(TOTAL, _("Answered")),
                   Column("upheld_pct", _("Upheld or partly upheld, %"), MEASURE,
                          reveals=(UpheldValue.UPHELD, UpheldValue.PARTLY_UPHELD)),
                   Column("median_working_days", _("Median working days"), MEASURE),
                   Column("mean_working_days", _("Mean working days"), MEASURE),
                   Column("within_deadline_pct", _("Within the deadline, %"), MEASURE)]
        working_days = {}
        by_unit = {}
        for group in answers:
            dates = group["sent_on"], group["answered_on"]
            if dates not in working_days:
                working_days[dates] = max(0, self.calendar.between(*dates))
            for key in (group["unit_id"], TOTAL):
                unit = by_unit.setdefault(key, {"results": Counter(), "days": Counter(),
                                                "on_time": 0})
                unit["results"][group["upheld"] or NO_RESULT] += group["n"]
                unit["days"][working_days[dates]] += group["n"]
                unit["on_time"] += group["n"] if group["on_time"] else 0

        def row(key, code, label):
            unit = by_unit.get(key, {"results": Counter(), "days": Counter(), "on_time": 0})
            counts, days = unit["results"], unit["days"]
            answered = sum(counts.values())
            upheld = counts[UpheldValue.UPHELD] + counts[UpheldValue.PARTLY_UPHELD]
            mean = (round(sum(d * n for d, n in days.items()) / answered, 1)
                    if answered else None)
            return Row(code, label, [*(counts[result] for result in results), counts[NO_RESULT],
                                     answered, _share(upheld, answered), _median(days), mean,
                                     _share(unit["on_time"], answered)], basis=answered)

        rows = [row(key, code, label) for key, code, label in self.areas]
        rows.append(row(TOTAL, TOTAL, _("Total")))
        return Table("forwarded_results", TITLES["forwarded_results"],
                     columns, rows, [_("Answers the units gave in the period, by the unit the "
                                       "complaint was forwarded to; working days from the day "
                                       "it was forwarded to the day of the answer.")])

    def _studies(self, intake, outcomes, open_counts):
        """Own-initiative and council-ordered studies: begun, closed and still open."""
        begun_now, begun_before = (_totals(intake, "origin", span) for span in (PERIOD,
                                                                                 PREVIOUS))
        closed = _totals(outcomes, "origin", PERIOD)
        rows = [Row(code, label, [begun_now[code], begun_before[code], closed[code],
                                  open_counts[f"study__{code}"]])
                for code, label in STUDY_ORIGINS]
        rows.append(Row(TOTAL, _("Total"), [sum(row.cells[i] for row in rows)
                                            for i in range(4)]))
        return Table("studies", TITLES["studies"], [
            Column(PERIOD, _("Begun in the period")),
            Column(PREVIOUS, _("Begun in the previous period")),
            Column("closed", _("Closed in the period")),
            Column("open", _("Open at the end of the period")),
        ], rows)

    def _open_cases(self, counts):
        rows = [Row(code, label, [counts[f"{PERIOD}__{code}"], counts[f"{PREVIOUS}__{code}"]])
                for code, label, _low, _high in AGE_BUCKETS]
        rows.append(Row(TOTAL, _("Total"), [sum(r.cells[0] for r in rows),
                                            sum(r.cells[1] for r in rows)]))
        return Table("open_cases_by_age", TITLES["open_cases_by_age"],
                     [Column(PERIOD, _("End of the period")),
                      Column(PREVIOUS, _("End of the previous period"))], rows)

    def _outreach(self):
        """Per place: the sessions held in the period (not cancelled), the bookings made for
        them (not cancelled by the citizen) and the inquiries taken there (cases linked to a
        session), and the same three for the previous period."""
        spans = {}
        for span, period in ((PERIOD, self.period), (PREVIOUS, self.previous)):
            held = OutreachSession.objects.held_between(period.start_at, period.end_at)
            spans[span] = (
                Counter(dict(held.values_list("place_name").annotate(n=Count("pk"))
                             .order_by())),
                Counter(dict(OutreachBooking.objects.active().filter(session__in=held)
                             .values_list("session__place_name").annotate(n=Count("pk"))
                             .order_by())),
                Counter(dict(Case.objects.countable().filter(outreach_session__in=held)
                             .values_list("outreach_session__place_name")
                             .annotate(n=Count("pk")).order_by())),
            )
        both = [*spans[PERIOD], *spans[PREVIOUS]]
        places = sorted(set().union(*both))
        rows = [Row(place, place, [counts[place] for counts in both]) for place in places]
        rows.append(Row(TOTAL, _("Total"), [sum(counts.values()) for counts in both]))
        return Table("outreach", TITLES["outreach"], [
            Column("sessions", _("Sessions held"), PLAIN),
            Column("bookings", _("Bookings")),
            Column("inquiries", _("Inquiries taken there")),
            Column("sessions_previous", _("Sessions held, previous period"), PLAIN),
            Column("bookings_previous", _("Bookings, previous period")),
            Column("inquiries_previous", _("Inquiries taken there, previous period")),
        ], rows, [_("Sessions that began in the period and were not cancelled; bookings not "
                    "cancelled by the citizen; inquiries registered with the session where "
                    "they were taken.")])

    def _veterans(self):
        """The veteran coordinator's anonymous counts (veterans.statistics) as two tables:
        contacts by role with their total, and activities (no total: they do not add up)."""
        now = veteran_counts(self.period.start, self.period.end)
        before = veteran_counts(self.previous.start, self.previous.end)
        contacts = Table("veterans", TITLES["veterans"], self._columns_period(), [
            Row(code, label, [now["contacts"][key], before["contacts"][key]])
            for code, key, label in [("VETERAN", "veterans", _("Veterans")),
                                     ("RELATIVE", "relatives", _("Relatives")),
                                     (TOTAL, "total", _("Total"))]
        ], [_("Contacts registered in the period or with an activity in it.")])
        activity_rows = [
            ("NEW_CONTACTS", _("New contacts"), lambda c: c["new_contacts"]["total"]),
            ("COORDINATION_MEETINGS", _("Coordination meetings"),
             lambda c: c["coordination_meetings"]),
            ("CONTACT_ACTIVITIES", _("Contacts and conversations"),
             lambda c: c["contact_activities"]),
            ("EVENTS", _("Events"), lambda c: c["events"]),
            ("REFERRALS", _("Referrals to partners"), lambda c: c["referrals"]),
            ("NOMINATIONS", _("Grant nominations"), lambda c: c["nominations"]),
        ]
        activities = Table("veteran_activities", TITLES["veteran_activities"],
                           self._columns_period(),
                           [Row(code, label, [value(now), value(before)])
                            for code, label, value in activity_rows])
        return contacts, activities

    def _survey(self):
        """The satisfaction survey's answers (cases.survey): a row per question and period,
        across its answers to their sum, so a hidden small count cannot be worked out."""
        columns = [Column("YES", _("Yes")), Column("MIDDLE", _("Partly / maybe")),
                   Column("NO", _("No")), Column(TOTAL, _("Answers"))]
        rows = []
        for span, period in ((PERIOD, self.period), (PREVIOUS, self.previous)):
            counts = survey_counts(range(period.start.year, period.end.year + 1))
            for field, question, choices in QUESTIONS:
                cells = [counts[field][code] for code, _label in choices]
                label = question if span == PERIOD else format_lazy(
                    "{} ({})", question, _("previous period"))
                rows.append(Row(f"{field}_{span}".upper(), label, [*cells, sum(cells)]))
        return Table("survey", TITLES["survey"], columns, rows, [
            _("Answers are kept with the year the case was closed only, so a period counts "
              "the answers of the calendar years it falls in.")])

    def _fo_outcome_groups(self, outcomes):
        grouped = [{**g, "fo": fo_group(g["investigated"], g["criticism_level"], g["outcome"],
                                        g["rejection_reason"])} for g in outcomes]
        table = self._cross("fo_outcome_groups",
                            grouped, "area_id", self.areas, "fo", _items(FO_GROUPS))
        table.notes.append(_("The groups of Folketingets Ombudsmand's statistics for "
                             "municipalities, for cases closed in the period."))
        return table


class _Choices:
    """A fixed list of (code, label) pairs used like a vocabulary's ``choices``."""

    def __init__(self, choices):
        self.choices = choices


def _items(choices):
    """(key, code, label) items of a vocabulary, whose key in the groups is its code."""
    return [(code, code, label) for code, label in choices]
