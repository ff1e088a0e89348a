"""Spreadsheet export of the case listing: which columns, and their values.

Dates and times are written in ISO 8601, times in Copenhagen time with their offset. The
citizen's own text and contact details are exported only when the advisor asks for them.
Streaming and formula neutralising are :mod:`borgerraadgiver_plugin.streaming`'s.
"""

from django.db import connections, models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..streaming import choice_labels, neutralise_all
from .models.representation import Representative

BASE_COLUMNS = [
    "reference", "received_at", "channel", "requester_role", "representative_relation",
    "inquiry_type", "origin", "status", "area", "theme_names", "next_deadline", "outcome",
    "closed_at",
]
#: The party's identity and, apart from it, the representative's: never one for the other.
TEXT_COLUMNS = ["citizen_name", "citizen_email", "citizen_phone", "representative_name",
                "representative_email", "account"]

HEADINGS = {
    "theme_names": _("Themes"),
    "area": _("Area"),
    "representative_relation": _("Representative's relation to the party"),
    "representative_name": _("Representative's name"),
    "representative_email": _("Representative's e-mail"),
}

INCLUDE_TEXT_PARAM = "with_text"


def export_columns(include_text=False):
    return BASE_COLUMNS + (TEXT_COLUMNS if include_text else [])


#: Columns read from another table than the case's own: the lookup ``values_list`` reads.
LOOKUPS = {"area": "area__name", "representative_relation": "representative__relation",
           "representative_name": "representative__name",
           "representative_email": "representative__email"}
#: Columns not read from the case's own row.
PER_CHUNK = {"theme_names"}
#: The themes' own order (``Theme.Meta.ordering``), the id to break ties.
THEME_ORDER = ("theme__name", "theme_id")


class CaseRows:
    """The export's cells for ``columns``, from ``values_list`` rows of the listing's queryset.

    :meth:`read_from` is what to read (the primary key and the reference first, for the audit
    log); :meth:`rows` turns one chunk of those rows into cells. The work goes a column at a
    time, not a cell at a time: a chunk is turned on its side, and each column gets its one
    converter over all its values (the label for a choice, the name for the area, ISO 8601 for
    a date, the text itself otherwise), then the formula check. A hundred thousand rows of
    fifteen cells are a million and a half cells, so a function call per cell is what an
    export's time goes to. The theme names come with each row on PostgreSQL (one ordered
    ``STRING_AGG`` per case in the same query); elsewhere one query per chunk.
    """

    def __init__(self, model, columns):
        self.model = model
        labels = choice_labels(model, columns)
        self.read = [column for column in columns if column not in PER_CHUNK]
        self.convert = [self._converter(column, labels) for column in self.read]
        self.theme_position = columns.index("theme_names") if "theme_names" in columns \
            else None
        self.themes_in_row = False

    def _converter(self, column, labels):
        """A function from one column's values (a tuple) to its cells (a list), the formula
        check included; a date is never a formula, so it goes without."""
        if column in labels:
            get = labels[column].get
            return lambda codes: neutralise_all(list(map(get, codes, codes)))
        if column == "representative_relation":
            relation = {code: str(label) for code, label
                        in Representative._meta.get_field("relation").flatchoices}
            return lambda codes: neutralise_all(
                [relation.get(code, code) if code else "" for code in codes])
        if column in LOOKUPS:  # a name from another table, or none
            return lambda texts: neutralise_all([text or "" for text in texts])
        field = self.model._meta.get_field(column)
        if isinstance(field, models.DateTimeField):
            zone = timezone.get_current_timezone()  # once, not per cell (dates.iso's way)
            return lambda moments: [moment and moment.astimezone(zone).isoformat("T", "seconds")
                                    for moment in moments]
        if isinstance(field, models.DateField):
            return lambda days: [day and day.isoformat() for day in days]
        return neutralise_all

    def read_from(self, queryset):
        """``queryset`` (its filters and ordering kept) as the ``values_list`` to export."""
        values = ["pk", "reference", *(LOOKUPS.get(column, column) for column in self.read)]
        self.themes_in_row = (self.theme_position is not None
                              and connections[queryset.db].vendor == "postgresql")
        if self.themes_in_row:
            from django.contrib.postgres.aggregates import StringAgg

            names = (self.themes().filter(case_id=OuterRef("pk")).values("case_id")
                     .annotate(names=StringAgg("theme__name", ", ", order_by=THEME_ORDER))
                     .values("names"))
            queryset = queryset.annotate(export_theme_names=Subquery(names))
            values.append("export_theme_names")
        return queryset.values_list(*values)

    def themes(self):
        return self.model.themes.through.objects.all()

    def theme_names(self, ids):
        """``{case id: "Theme, Theme"}`` for the cases ``ids``, in the themes' own order."""
        names = {}
        for case_id, name in (self.themes().filter(case_id__in=ids).order_by(*THEME_ORDER)
                              .values_list("case_id", "theme__name")):
            names.setdefault(case_id, []).append(name)
        return {case_id: ", ".join(found) for case_id, found in names.items()}

    def rows(self, chunk):
        """The cells of ``chunk``, a tuple per row."""
        if not chunk:
            return []
        values = list(zip(*chunk, strict=True))
        cells = [convert(column) for convert, column
                 in zip(self.convert, values[2:], strict=False)]
        if self.theme_position is not None:
            if self.themes_in_row:
                names = values[-1]
            else:
                found = self.theme_names(values[0])
                names = [found.get(case_id) for case_id in values[0]]
            cells.insert(self.theme_position, neutralise_all([name or "" for name in names]))
        return list(zip(*cells, strict=True))
