"""One published statistics table as a CSV or XLSX file, figures exactly as on screen."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from ..streaming import XLSX_TYPE, neutralise


def table_rows(table):
    """The heading row, then one row per table row: its label and its cells ("" for a figure
    left empty, "<3" for a hidden count)."""
    yield [neutralise(_("Row")), *(neutralise(str(column.label)) for column in table.columns)]
    for row in table.rows:
        yield [neutralise(str(row.label)), *("" if cell is None else cell for cell in row.cells)]


def csv_response(table, filename):
    output = io.StringIO()
    csv.writer(output).writerows(table_rows(table))
    response = HttpResponse(output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(table, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=table.id[:31])
    for row in table_rows(table):
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
