"""Reading an existing case log: the rows of an ``.xlsx`` workbook's first sheet or of a CSV
file, streamed (openpyxl's read-only mode, Python's csv), each with its row number.

A cell holding a formula is passed on as :class:`Formula`, never evaluated: the importer
refuses it with the row. A file that is neither is refused with :class:`UnreadableFile`.
"""

import csv
import io
import uuid
import zipfile
from dataclasses import dataclass

from django.core import signing
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..storage import private_storage, save_whole

EXTENSIONS = (".xlsx", ".csv")


class UnreadableFile(Exception):
    """The file cannot be read as a spreadsheet; ``str()`` says why, for the advisor."""


@dataclass(frozen=True)
class Formula:
    text: str

    def __str__(self):
        return self.text


def rows(name, data):
    """``(row number, [cell values])`` for every row of the file ``name`` holding ``data``
    (bytes), the header row first, blank rows skipped."""
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        yield from _xlsx_rows(data)
    elif lowered.endswith(".csv"):
        yield from _csv_rows(data)
    else:
        raise UnreadableFile(_("%(name)s is not an .xlsx or .csv file.") % {"name": name})


def _xlsx_rows(data):
    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UnreadableFile(_("The file is not an Excel workbook (.xlsx)."))
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise UnreadableFile(_("The workbook cannot be read: it is damaged or not an .xlsx "
                               "file.")) from error
    try:
        sheet = workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(), start=1):
            values = [Formula(str(cell.value)) if cell.data_type == "f" else cell.value
                      for cell in cells]
            if any(value not in (None, "") for value in values):
                yield number, values
    finally:
        workbook.close()


class _Semicolons(csv.excel):
    delimiter = ";"


def _csv_rows(data):
    if b"\x00" in data[:4096]:
        raise UnreadableFile(_("The file is not a text (CSV) file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's CSV on Danish Windows
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = _Semicolons if text.count(";") > text.count(",") else csv.excel
    try:
        for number, values in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            if any(value.strip() for value in values):
                yield number, values
    except csv.Error as error:
        raise UnreadableFile(_("The CSV file cannot be read: %(error)s") % {
            "error": error}) from error


class PendingImport:
    """An uploaded log kept in private storage between the preview and the confirmation,
    named by a signed token; discarded on confirmation and at most :attr:`MAX_AGE` seconds
    old (older ones are purged by the nightly retention run and whenever the import screen
    is opened)."""

    FOLDER = "imports"
    MAX_AGE = 24 * 3600
    SALT = "borgerraadgiver.cases.import"

    def __init__(self, storage):
        self.storage = storage

    def save(self, name, data, mapping_text):
        key = uuid.uuid4().hex
        suffix = ".xlsx" if name.lower().endswith(".xlsx") else ".csv"
        save_whole(self.storage, f"{self.FOLDER}/{key}{suffix}", ContentFile(data))
        save_whole(self.storage, f"{self.FOLDER}/{key}.toml",
                   ContentFile((mapping_text or "").encode()))
        return signing.dumps({"key": key, "suffix": suffix, "name": name}, salt=self.SALT)

    def load(self, token):
        """``(name, data, mapping text)``, or None for a bad, old or used token."""

        try:
            found = signing.loads(token, salt=self.SALT, max_age=self.MAX_AGE)
            with self.storage.open(f"{self.FOLDER}/{found['key']}{found['suffix']}") as file:
                data = file.read()
            with self.storage.open(f"{self.FOLDER}/{found['key']}.toml") as file:
                mapping_text = file.read().decode()
        except (signing.BadSignature, OSError, KeyError, TypeError):
            return None
        return found["name"], data, mapping_text or None

    def discard(self, token):

        try:
            found = signing.loads(token, salt=self.SALT)
        except signing.BadSignature:
            return
        for suffix in (found.get("suffix", ".csv"), ".toml"):
            name = f"{self.FOLDER}/{found.get('key', '-')}{suffix}"
            if self.storage.exists(name):
                self.storage.delete(name)

    def purge(self, now, dry_run=False):
        """Remove uploads older than MAX_AGE (``now``: an aware datetime); the number of
        uploads (a log and its mapping file count as one) removed, or with ``dry_run`` that
        would be."""
        try:
            _dirs, files = self.storage.listdir(self.FOLDER)
        except FileNotFoundError:
            return 0
        uploads = set()
        for file_name in files:
            name = f"{self.FOLDER}/{file_name}"
            if (now - self.storage.get_modified_time(name)).total_seconds() > self.MAX_AGE:
                uploads.add(file_name.rsplit(".", 1)[0])
                if not dry_run:
                    self.storage.delete(name)
        return len(uploads)


def purge_pending_imports(now, dry_run=False):
    """The retention run's clean-up (``retention.CLEANUP_HOOK``): uploads abandoned between
    the preview and the confirmation are deleted after MAX_AGE even if nobody opens the import
    screen again."""
    count = PendingImport(private_storage()).purge(now, dry_run=dry_run)
    if not count:
        return []
    hours = PendingImport.MAX_AGE // 3600
    if dry_run:
        line = ngettext("Would delete %(count)s uploaded case log not imported within "
                        "%(hours)s hours", "Would delete %(count)s uploaded case logs not "
                        "imported within %(hours)s hours", count)
    else:
        line = ngettext("Deleted %(count)s uploaded case log not imported within %(hours)s "
                        "hours", "Deleted %(count)s uploaded case logs not imported within "
                        "%(hours)s hours", count)
    return [line % {"count": count, "hours": hours}]
