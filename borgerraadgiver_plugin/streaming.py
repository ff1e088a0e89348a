"""Exports in bounded memory: rows are read a chunk at a time and written as they are read.

The one place every export of the plugin goes through: the case listing, the veteran
registry, the access-log report and the statistics tables. The rows come from a single
cursor (server-side on PostgreSQL, through ``QuerySet.iterator``); whatever a view looks up
beside them (a ``prefetch_related`` lookup, the names of a chunk's themes) costs one query
per chunk, so neither memory nor the number of queries grows with the number of rows. CSV is
written a chunk per piece of the response; XLSX goes through openpyxl's write-only workbook
(or, for an export of texts only, :mod:`.text_sheet`) into a temporary file, which waits on
disk, not in memory, until it is sent. The audit entries of a chunk are stored while the
chunk is written (:func:`.audit.written_alongside`), and the chunk goes on only once they are.

A cell a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``, tab or carriage
return first) gets a leading apostrophe, in CSV and XLSX.
"""

import csv
import datetime
import io
import tempfile
from contextlib import contextmanager

from django.core.exceptions import FieldDoesNotExist
from django.db import connections
from django.http import FileResponse, StreamingHttpResponse
from wagtail.admin.views.mixins import ExcelDateFormatter

from . import audit, conf

CHUNK_SIZE_SETTING = "BORGERRAADGIVER_EXPORT_CHUNK_SIZE"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The same, as a set of first characters: ``cell[0] in FORMULA_FIRST`` is the cheap test
#: before :func:`neutralise` in a loop over a hundred thousand rows.
FORMULA_FIRST = frozenset(FORMULA_STARTS)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv; charset=utf-8"


def neutralise(value):
    """``value`` with anything a spreadsheet would evaluate turned into plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_all(values, first=FORMULA_FIRST):
    """:func:`neutralise` over one column's ``values`` (texts or ``None``), as a list: the
    test a comprehension, no call per cell."""
    return [("'" + value) if value and value[0] in first else value for value in values]


def choice_labels(model, fields):
    """``{field: {code: label}}`` for the choice fields of ``model`` among ``fields``,
    translated once. Django's ``get_FOO_display`` translates and hashes the choices again on
    every call, which dominates an export of thousands of rows."""
    labels = {}
    for name in fields:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a computed column
            continue
        if field.choices:
            labels[name] = {code: str(label) for code, label in field.flatchoices}
    return labels


def chunks(queryset, chunk_size=None):
    """``queryset``'s objects (or ``values_list`` rows) in lists of at most ``chunk_size``, its
    prefetches done per chunk. Closing the generator early (a client that went away) closes
    the cursor."""
    size = chunk_size or conf.get(CHUNK_SIZE_SETTING)
    chunk = []
    with without_jit(queryset.db):
        for item in queryset.iterator(chunk_size=size):
            chunk.append(item)
            if len(chunk) == size:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


@contextmanager
def without_jit(database):
    """PostgreSQL's JIT compiler off while an export's query is declared, then as it was.

    A query over every case with a subquery per row is estimated far above
    ``jit_above_cost``, and compiling it took about a second of a two-second query (measured
    at 100,000 cases) for a plan that is an index scan and lookups. The setting is the
    session's, so it is put back even when the reading stops early.
    """
    connection = connections[database]
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit'), set_config('jit', 'off', false)")
        before = cursor.fetchone()[0]
    try:
        yield
    finally:
        if before != "off" and connection.connection is not None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('jit', %s, false)", [before])


class CsvPieces:
    """A CSV file written a chunk at a time: :meth:`write` gives each chunk's rows (lists of
    cells; ``None`` is an empty cell) as one encoded piece."""

    def __init__(self):
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer)

    def write(self, rows):
        self.writer.writerows(rows)
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text.encode("utf-8")


def csv_pieces(heading, row_chunks):
    """The CSV file as encoded pieces: the ``heading`` row, then one piece per chunk of rows."""
    pieces = CsvPieces()
    yield pieces.write([heading])
    for rows in row_chunks:
        yield pieces.write(rows)


def xlsx_cells(worksheet, row, date_format):
    """``row`` as openpyxl takes it: plain values, but a date-time with the date format and a
    string that still looks like a formula kept as text."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in row:
        if isinstance(value, datetime.datetime):
            cell = WriteOnlyCell(worksheet, value)
            cell.number_format = date_format
            value = cell
        elif isinstance(value, str):
            if "\r" in value:
                # A line break is "\n" in a cell, as XML's end-of-line handling always made
                # of it; lxml would keep the "\r" as a character of its own.
                value = value.replace("\r\n", "\n").replace("\r", "\n")
            if value.startswith("="):
                cell = WriteOnlyCell(worksheet, value)
                cell.data_type = "s"
                value = cell
        cells.append(value)
    return cells


class XlsxSheet:
    """An XLSX workbook of one sheet written to the binary file ``output``: the ``heading``
    row, then :meth:`write` a chunk of rows at a time, :meth:`close` at the end."""

    def __init__(self, output, heading, title="Sheet1"):
        from openpyxl import Workbook

        self.output = output
        self.workbook = Workbook(write_only=True, iso_dates=True)
        self.worksheet = self.workbook.create_sheet(title=title)
        self.worksheet.append(heading)
        self.date_format = ExcelDateFormatter().get()

    def write(self, rows):
        worksheet, date_format = self.worksheet, self.date_format
        for row in rows:
            worksheet.append(xlsx_cells(worksheet, row, date_format))

    def close(self):
        self.workbook.save(self.output)


def write_xlsx(heading, row_chunks, output, title="Sheet1"):
    """An XLSX workbook of one sheet written to the binary file ``output``, a row at a time."""
    sheet = XlsxSheet(output, heading, title=title)
    for rows in row_chunks:
        sheet.write(rows)
    sheet.close()


def csv_response(heading, row_chunks, filename):
    response = StreamingHttpResponse(csv_pieces(heading, row_chunks), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(heading, row_chunks, filename, title="Sheet1"):
    return xlsx_file_response(lambda output: write_xlsx(heading, row_chunks, output, title=title),
                              filename)


def xlsx_file_response(write, filename):
    """The workbook ``write(output)`` writes, as a download. A zip needs its end before it can
    be sent: the file waits on disk, not in memory."""
    output = tempfile.TemporaryFile()
    try:
        write(output)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    return FileResponse(output, as_attachment=True, content_type=XLSX_TYPE,
                         filename=f"{filename}.xlsx")


class StreamingExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: the same columns and headings,
    but CSV streams a chunk per write and XLSX goes through ``xlsx_sheet_class`` (openpyxl's
    write-only workbook by default) into a temporary file, never a list of rows or a workbook
    in memory.

    Override points:

    - ``export_queryset(queryset)``: what the rows are read from; by default the model
      instances, but a view whose columns are plain values returns a ``values_list`` here.
    - ``export_rows(chunk, export_format)``: the cells of one chunk, a list per item in
      ``list_export`` order; by default Wagtail's ``to_row_dict`` and
      ``preprocess_field_value`` per cell (neutralised), which suits a few thousand rows.
    - ``record_export(chunk, export_format)``: called for each chunk before it is written
      (the audit log); the chunk is handed on only once what it logged is stored.
    """

    #: What writes the XLSX file: :class:`XlsxSheet` (openpyxl), or for a view whose cells
    #: are all texts, :class:`~borgerraadgiver_plugin.text_sheet.TextSheet`.
    xlsx_sheet_class = None

    def record_export(self, chunk, export_format):
        pass

    def export_queryset(self, queryset):
        return queryset

    def export_rows(self, chunk, export_format):
        preprocess = self.preprocess_field_value
        return [[preprocess(field, value, export_format)
                 for field, value in self.to_row_dict(item).items()] for item in chunk]

    def export_chunks(self, queryset, export_format, write=None):
        """Each chunk's rows, or what ``write(rows)`` makes of them. The chunk's audit entries
        are written alongside (:func:`audit.written_alongside`): the database stores them while
        the rows are turned into cells and written, and the chunk is handed on only once they
        are stored."""
        queryset = self.export_queryset(queryset)
        for chunk in chunks(queryset):
            with audit.written_alongside():
                self.record_export(chunk, export_format)
                rows = self.export_rows(chunk, export_format)
                written = rows if write is None else write(rows)
            yield written

    def export_heading(self, queryset):
        return [self.get_heading(queryset, field) for field in self.list_export]

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        pieces = CsvPieces()
        yield pieces.write([self.export_heading(queryset)])
        yield from self.export_chunks(queryset, self.FORMAT_CSV, write=pieces.write)

    def write_xlsx(self, queryset, output):
        sheet = (self.xlsx_sheet_class or XlsxSheet)(output, self.export_heading(queryset))
        for _written in self.export_chunks(queryset, self.FORMAT_XLSX, write=sheet.write):
            pass
        sheet.close()

    def write_xlsx_response(self, queryset):
        return xlsx_file_response(lambda output: self.write_xlsx(queryset, output),
                                  self.get_filename())
