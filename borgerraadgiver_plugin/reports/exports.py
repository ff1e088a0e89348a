"""One published statistics table as a CSV or XLSX file, figures exactly as on screen; both
written a row at a time through :mod:`..streaming` (CSV as it is sent, XLSX via a temporary
file)."""

from django.utils.translation import gettext as _

from .. import streaming
from ..streaming import neutralise


def table_heading(table):
    return [neutralise(_("Row")), *(neutralise(str(column.label)) for column in table.columns)]


def table_rows(table):
    """One row per table row: its label and its cells ("" for a figure left empty, "<3" for a
    hidden count)."""
    for row in table.rows:
        yield [neutralise(str(row.label)), *("" if cell is None else cell for cell in row.cells)]


def _one_row_per_chunk(table):
    return ([row] for row in table_rows(table))


def csv_response(table, filename):
    return streaming.csv_response(table_heading(table), _one_row_per_chunk(table), filename)


def xlsx_response(table, filename):
    return streaming.xlsx_response(table_heading(table), _one_row_per_chunk(table), filename,
                                   title=table.id[:31])
