"""The plugin's statistics API: every table for a period, suppressed, as JSON or CSV.

    manage.py borgerraadgiver_statistics --from 2025-01-01 --to 2025-12-31 [--format csv]
                                         [--table fo_outcome_groups]

Bad arguments end with a one-line error and exit status 2, never a traceback.
"""

import argparse
import csv
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from ....models import BorgerraadgiverSettings
from ...statistics import PeriodError, compute, make_period, parse_day
from ...statistics.engine import TABLE_IDS

USAGE_ERROR = 2


class _Once(argparse.Action):
    """Store an option, refusing it the second time: two --from values are a mistake."""

    def __call__(self, parser, namespace, values, option_string=None):
        if getattr(namespace, f"_seen_{self.dest}", False):
            parser.error(_("%(option)s is given more than once.") % {"option": option_string})
        setattr(namespace, f"_seen_{self.dest}", True)
        setattr(namespace, self.dest, values)


class Command(BaseCommand):
    help = "Statistics for a period (both dates included), small cells suppressed."

    def add_arguments(self, parser):
        # Checked in handle, not by argparse: a missing date gets the same Danish message as
        # an empty one, and an unknown option is still reported first.
        parser.add_argument("--from", dest="start", action=_Once,
                            help="First day, YYYY-MM-DD (Danish local date).")
        parser.add_argument("--to", dest="end", action=_Once,
                            help="Last day, YYYY-MM-DD (included).")
        parser.add_argument("--format", action=_Once, choices=["json", "csv"], default="json")
        parser.add_argument("--table", action=_Once, choices=TABLE_IDS,
                            help="Only this table.")

    def handle(self, *args, start, end, format, table, **options):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                period = make_period(parse_day(start, "--from"), parse_day(end, "--to"))
            except PeriodError as error:
                raise CommandError(str(error), returncode=USAGE_ERROR) from None
            advisor_settings = BorgerraadgiverSettings.current()
            statistics = compute(period, advisor_settings.suppression_threshold,
                                 advisor_settings.calendar)
            data = statistics.as_dict([table] if table else None)
            if format == "csv":
                self._write_csv(data)
            else:
                self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))

    def _write_csv(self, data):
        """Long format, one figure a line, so every table fits one stable header."""
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(["table", "row_code", "row_label", "column_code", "column_label",
                         "value"])
        for table_id, table in data["tables"].items():
            for row in table["rows"]:
                for column, cell in zip(table["columns"], row["cells"], strict=True):
                    writer.writerow([table_id, row["code"], row["label"], column["code"],
                                     column["label"], "" if cell is None else cell])

