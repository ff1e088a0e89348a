"""Importing an existing case log (a spreadsheet or an ESDH extract) as cases.

:func:`read` checks every row against a :class:`Mapping` (which column holds which case
field, and the municipality's own codes for the vocabularies) and returns a :class:`Plan`: the
rows that can be imported and a :class:`Problem` (row, column, value, reason) for every one
that cannot. :func:`commit` stores a plan with no problems in one transaction, all or nothing.
Each imported case keeps its original reference in ``Case.original_reference`` and takes new,
gap-free references in the year it was received (:func:`references.take_references`).

Only what the statistics and similar earlier cases need is imported: no names or contact
details of citizens.
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import audit, dates
from ..choices import CaseStatus, Channel, InquiryType, Outcome, RequesterRole
from ..models import Area, Theme
from ..references import take_references
from ..text import validate_plain_text
from . import import_files
from .import_files import Formula, UnreadableFile
from .models import Case, CaseEvent
from .models.timeline import EventKind

DEFAULT_MAPPING = Path(__file__).with_name("import_mapping.toml")
MAX_ROWS = 50_000
BATCH = 1000
#: Day first, as Danish spreadsheets write dates; ISO for ESDH extracts.
DATE_FORMATS = ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d")
CHOICES = {"channel": Channel, "inquiry_type": InquiryType, "requester_role": RequesterRole,
           "outcome": Outcome}
FIELDS = ("original_reference", "received_at", "channel", "inquiry_type", "requester_role",
          "area", "themes", "outcome", "closed_at", "account")
#: Needed in every row, unless the mapping gives a default (a log kept by phone only).
REQUIRED = ("original_reference", "received_at", "channel")


class MappingError(Exception):
    """The mapping file is wrong; ``str()`` says where."""


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    value: str
    reason: str

    def __str__(self):
        return _("Row %(row)s, column %(column)s, value “%(value)s”: %(reason)s") % {
            "row": self.row, "column": self.column or "-", "value": self.value,
            "reason": self.reason}


@dataclass
class Row:
    """One row that can be imported, as case fields (area and themes as records)."""

    number: int
    values: dict

    def shown(self):
        """The row as the preview shows it: original reference, dates, names of codes."""
        values = self.values

        def day(name):
            return dates.show(timezone.localdate(values[name])) if values.get(name) else ""

        def label(name):
            return CHOICES[name](values[name]).label if values.get(name) else ""

        return [values["original_reference"], day("received_at"), label("channel"),
                label("inquiry_type"), str(values.get("area") or ""),
                ", ".join(str(theme) for theme in values.get("themes", ())),
                label("outcome"), day("closed_at")]


@dataclass
class Plan:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    read: int = 0

    @property
    def ok(self):
        return not self.problems and bool(self.rows)


@dataclass
class Mapping:
    """``columns``: case field -> header; ``codes``: field -> {their code: our code, area
    name or theme code}; ``defaults``: field -> our code, for a column the log lacks."""

    columns: dict
    codes: dict
    defaults: dict

    @classmethod
    def load(cls, text=None):
        """The mapping in ``text`` (TOML) laid over the default mapping."""
        base = tomllib.loads(DEFAULT_MAPPING.read_text(encoding="utf-8"))
        try:
            own = tomllib.loads(text) if text else {}
        except tomllib.TOMLDecodeError as error:
            raise MappingError(_("The mapping file is not valid TOML: %(error)s") % {
                "error": error}) from None
        mapping = cls({**base.get("columns", {}), **own.get("columns", {})},
                      own.get("codes", {}), {**base.get("defaults", {}),
                                             **own.get("defaults", {})})
        mapping.check()
        return mapping

    def check(self):
        for section in (self.columns, self.codes, self.defaults):
            unknown = sorted(set(section) - set(FIELDS))
            if unknown:
                raise MappingError(_("The mapping file names unknown case fields: "
                                     "%(fields)s.") % {"fields": ", ".join(unknown)})
        for name, codes in self.codes.items():
            if name in CHOICES:
                for theirs, ours in codes.items():
                    if ours not in CHOICES[name].values:
                        raise MappingError(_(
                            "The mapping file maps %(theirs)s to %(ours)s, which is not a "
                            "code of %(field)s.") % {"theirs": theirs, "ours": ours,
                                                     "field": name})
        for name, value in self.defaults.items():
            if name in CHOICES and value not in CHOICES[name].values:
                raise MappingError(_("The default %(value)s is not a code of %(field)s.")
                                   % {"value": value, "field": name})


class _Vocabulary:
    """Looks codes and names up once per import."""

    def __init__(self, mapping):
        self.mapping = mapping
        self.choices = {name: self._choice_names(choices) for name, choices in CHOICES.items()}
        self.areas = {area.name.casefold(): area for area in Area.objects.all()}
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[theme.code.casefold()] = theme
            self.themes.setdefault(theme.name.casefold(), theme)

    @staticmethod
    def _choice_names(choices):
        names = {}
        for value, label in choices.choices:
            names[value.casefold()] = value
            for language in ("da", "en"):
                with translation.override(language):
                    names.setdefault(str(label).casefold(), value)
        return names

    def translate(self, name, value):
        return self.mapping.codes.get(name, {}).get(value, value)

    def choice(self, name, value):
        found = self.choices[name].get(self.translate(name, value).casefold())
        if found is None:
            raise ValueError(_("an unknown code; add it to the mapping file"))
        return found

    def area(self, value):
        found = self.areas.get(self.translate("area", value).casefold())
        if found is None:
            raise ValueError(_("an unknown area; add it to the mapping file"))
        return found

    def theme_list(self, value):
        found = []
        for part in value.replace(",", ";").split(";"):
            if part.strip():
                theme = self.themes.get(self.translate("themes", part.strip()).casefold())
                if theme is None:
                    raise ValueError(_("an unknown theme “%(theme)s”; add it to the mapping "
                                       "file") % {"theme": part.strip()})
                found.append(theme)
        return found


def parse_day(value):
    """A date from a cell: a spreadsheet date, or text day first (31-12-2024, 31.12.2024,
    31/12/2024) or ISO (2024-12-31), each optionally with a time HH:MM."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    text = str(value).strip()
    for date_format in DATE_FORMATS:
        for with_time in (f"{date_format} %H:%M", date_format):
            try:
                return datetime.datetime.strptime(text, with_time)  # noqa: DTZ007
            except ValueError:
                continue
    raise ValueError(_("not a date; write it as 31-12-2024, 31.12.2024, 31/12/2024 or "
                       "2024-12-31"))


def read(name, data, mapping):
    """A :class:`Plan` for the file ``name`` (its bytes in ``data``); nothing is stored."""
    plan = Plan()
    try:
        lines = import_files.rows(name, data)
        header = next(lines, None)
        if header is None:
            plan.problems.append(Problem(1, "", "", _("The file is empty.")))
            return plan
        columns = _columns(header, mapping, plan)
        if plan.problems:
            return plan
        vocabulary = _Vocabulary(mapping)
        seen = {}
        for number, cells in lines:
            plan.read += 1
            if plan.read > MAX_ROWS:
                plan.problems.append(Problem(number, "", "", _(
                    "The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS}))
                return plan
            row = _row(number, cells, columns, mapping, vocabulary, plan.problems)
            if row is None:
                continue
            reference = row.values["original_reference"]
            if reference in seen:
                plan.problems.append(Problem(number, mapping.columns["original_reference"],
                                             reference, _("the same reference as row %(row)s")
                                             % {"row": seen[reference]}))
                continue
            seen[reference] = number
            plan.rows.append(row)
    except UnreadableFile as error:
        plan.problems.append(Problem(1, "", name, str(error)))
        return plan
    _already_imported(plan, mapping)
    if not plan.rows and not plan.problems:
        plan.problems.append(Problem(1, "", "", _("The file has no rows to import.")))
    return plan


def _columns(header, mapping, plan):
    """Case field -> cell index, from the header row; a Problem for each missing column."""
    number, cells = header
    titles = [str(cell or "").strip() for cell in cells]
    index = {}
    for position, title in enumerate(titles):
        if title:
            index.setdefault(title.casefold(), position)
    columns = {}
    for name, title in mapping.columns.items():
        if title.casefold() in index:
            columns[name] = index[title.casefold()]
        elif name in REQUIRED and name not in mapping.defaults:
            plan.problems.append(Problem(number, title, "", _(
                "The column is missing. The header row holds: %(found)s.") % {
                "found": ", ".join(filter(None, titles)) or "-"}))
    return columns


def _cell(cells, position):
    return cells[position] if position is not None and position < len(cells) else None


def _row(number, cells, columns, mapping, vocabulary, problems):
    values, count = {}, len(problems)
    for name in FIELDS:
        raw = _cell(cells, columns.get(name))
        title = mapping.columns.get(name, name)
        if isinstance(raw, Formula):
            problems.append(Problem(number, title, str(raw), _(
                "a formula; save the sheet with values instead of formulas")))
            continue
        empty = raw is None or str(raw).strip() == ""
        if empty and name in mapping.defaults:
            raw, empty = mapping.defaults[name], False
        if empty:
            if name in REQUIRED:
                problems.append(Problem(number, title, "", _("a value is required")))
            continue
        try:
            values[name] = _value(name, raw, vocabulary)
        except ValueError as error:
            problems.append(Problem(number, title, str(raw), str(error)))
    if len(problems) > count:
        return None
    error = _row_rule(values)
    if error:
        problems.append(Problem(number, mapping.columns.get(error[0], error[0]),
                                str(values.get(error[0], "")), error[1]))
        return None
    return Row(number, values)


def _value(name, raw, vocabulary):
    if name in ("received_at", "closed_at"):
        return timezone.make_aware(parse_day(raw))
    text = str(raw).strip()
    if name in CHOICES:
        return vocabulary.choice(name, text)
    if name == "area":
        return vocabulary.area(text)
    if name == "themes":
        return vocabulary.theme_list(text)
    if name == "account":
        try:
            validate_plain_text(text)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None
        return text
    if len(text) > 60:
        raise ValueError(_("longer than 60 characters"))
    return text


def _row_rule(values):
    """(field, reason) when the row's values do not fit together, else None."""
    received, closed = values.get("received_at"), values.get("closed_at")
    if received and received > timezone.now():
        return "received_at", _("lies in the future")
    if closed and received and closed < received:
        return "closed_at", _("before the case was received")
    if values.get("outcome") and not closed:
        return "outcome", _("an outcome needs the date the case was closed")
    area = values.get("area")
    if area and received and not area.is_valid_on(timezone.localdate(received)):
        return "area", _("the area was not valid when the case was received")
    return None


def _already_imported(plan, mapping):
    """A Problem for each row whose original reference an earlier import already holds."""
    by_reference = {row.values["original_reference"]: row for row in plan.rows}
    references = list(by_reference)
    for start in range(0, len(references), BATCH):
        for reference in Case.objects.filter(
                original_reference__in=references[start:start + BATCH]).values_list(
                "original_reference", flat=True):
            row = by_reference[reference]
            plan.problems.append(Problem(row.number, mapping.columns["original_reference"],
                                         reference, _("already imported")))
            plan.rows.remove(row)
    plan.problems.sort(key=lambda problem: problem.row)


@transaction.atomic
def commit(plan, user, source, via=""):
    """Store every row of ``plan`` as a case, or none; the new cases in received order.

    The import as a whole is one entry of the access log, in the same transaction: who
    (``user``, None for the command without ``--user``), when, the file (``source``), how
    (``via``: "admin" or "command"), how many cases and their new and original references."""
    if not plan.ok:
        raise ValueError("only a plan without problems can be committed")
    rows = sorted(plan.rows, key=lambda row: (row.values["received_at"], row.number))
    by_year = {}
    for row in rows:
        by_year.setdefault(timezone.localtime(row.values["received_at"]).year, []).append(row)
    created = []
    for year_rows in by_year.values():
        references = iter(take_references(year_rows[0].values["received_at"], len(year_rows)))
        for start in range(0, len(year_rows), BATCH):
            created += _store(year_rows[start:start + BATCH], references, user, source)
    if created:
        _log_import(user, source, via, created)
    return created


def _log_import(user, source, via, created):
    by_year = {}
    for case in created:  # in received order, so each year's references ascend
        by_year.setdefault(timezone.localtime(case.received_at).year, []).append(
            case.reference)
    ranges = ", ".join(refs[0] if len(refs) == 1 else f"{refs[0]}–{refs[-1]}"
                       for _year, refs in sorted(by_year.items()))
    originals = sorted(case.original_reference for case in created)
    label = _("Case log %(name)s: %(count)s cases, %(references)s") % {
        "name": source, "count": len(created), "references": ranges}
    data = {"file": source, "cases": len(created), "references": ranges,
            "original_references": f"{originals[0]}–{originals[-1]}" if len(originals) > 1
            else originals[0]}
    if via:
        data["via"] = via
    audit.record_on_model(user, Case, audit.IMPORT, "import", label, **data)


def _store(rows, references, user, source):
    cases = []
    for row, reference in zip(rows, references, strict=False):
        values = {key: value for key, value in row.values.items() if key != "themes"}
        closed = values.get("closed_at")
        cases.append(Case(reference=reference, status=CaseStatus.CLOSED if closed
                          else CaseStatus.OPEN, triaged_at=values["received_at"], **values))
    Case.objects.bulk_create(cases)
    through = Case.themes.through
    through.objects.bulk_create(
        through(case_id=case.pk, theme_id=theme.pk)
        for case, row in zip(cases, rows, strict=True) for theme in row.values.get("themes", ()))
    CaseEvent.objects.bulk_create(
        CaseEvent(case=case, kind=EventKind.NOTE, author=user, occurred_at=timezone.now(),
                  text=_("Imported from %(source)s, where its reference was %(reference)s.")
                  % {"source": source, "reference": case.original_reference})
        for case in cases)
    return cases
