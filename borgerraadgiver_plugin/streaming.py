"""Exports in bounded memory: rows are read a chunk at a time and written as they are read.

The one place every export of the plugin goes through (the case listing and the veteran
registry today; statistics tables and access-request reports can reuse it). The rows come
from a single cursor (server-side on PostgreSQL, through ``QuerySet.iterator``), and each
``prefetch_related`` lookup costs one query per chunk, so neither memory nor the number of
queries grows with the number of rows. A cell a spreadsheet would read as a formula (``=``,
``+``, ``-``, ``@``, tab or carriage return first) gets a leading apostrophe, in CSV and XLSX.
"""

import csv
import tempfile

from django.http import FileResponse
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter

from . import conf

CHUNK_SIZE_SETTING = "BORGERRAADGIVER_EXPORT_CHUNK_SIZE"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """``value`` with anything a spreadsheet would evaluate turned into plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def chunks(queryset, chunk_size=None):
    """``queryset``'s objects in lists of at most ``chunk_size``, its prefetches done per
    chunk. Closing the generator early (a client that went away) closes the cursor."""
    size = chunk_size or conf.get(CHUNK_SIZE_SETTING)
    chunk = []
    for item in queryset.iterator(chunk_size=size):
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class StreamingExportMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: the same columns, headings and
    value preprocessing, but CSV streams a chunk per write and XLSX goes through openpyxl's
    write-only workbook into a temporary file, never a list of rows or a workbook in memory.

    ``record_export(chunk, export_format)`` is called for each chunk just before it is written
    (the audit log): a view overrides it.
    """

    def record_export(self, chunk, export_format):
        pass

    def export_chunks(self, queryset, export_format):
        for chunk in chunks(queryset):
            self.record_export(chunk, export_format)
            yield chunk

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: self.get_heading(queryset, field)
                               for field in self.list_export})
        for chunk in self.export_chunks(queryset, self.FORMAT_CSV):
            yield b"".join(self.write_csv_row(writer, self.to_row_dict(item)) for item in chunk)

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title="Sheet1")
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for chunk in self.export_chunks(queryset, self.FORMAT_XLSX):
            for item in chunk:
                worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item),
                                                        date_format=date_format))
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        # A zip needs its end before it can be sent: the file waits on disk, not in memory.
        output = tempfile.TemporaryFile()
        self.write_xlsx(queryset, output)
        output.seek(0)
        return FileResponse(output, as_attachment=True, content_type=XLSX_TYPE,
                            filename=f"{self.get_filename()}.xlsx")
