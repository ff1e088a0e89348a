"""A one-sheet XLSX workbook of text cells, written a chunk of rows at a time (the case export).

openpyxl's write-only workbook builds a cell object, checks and binds its value and writes an
XML element through lxml for every cell: at 100,000 cases of fifteen columns that was two
thirds of the export's time (about 15 µs a cell; XlsxWriter's constant-memory mode measured
the same here). A sheet whose cells are all texts needs none of that: each row is one piece
of SpreadsheetML with inline strings, escaped and streamed into the zip as it is written.
The package holds only the parts a workbook needs (content types, relations, the workbook,
a plain style sheet and the sheet).

The cells read back as openpyxl's did: a text as it was (at most 32,767 characters, a line
break as "\\n", surrounding spaces kept), ``None`` or ``""`` an empty cell. The control
characters XML cannot hold, which openpyxl refused with an error, are left out. Anything
but a text or ``None`` is refused (``TypeError``): the class is for exports whose cells are
texts already; others go through :class:`..streaming.XlsxSheet`.
"""

import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAX_TEXT = 32767
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

CONTENT_TYPES = (
    f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE_TYPE}.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    f'ContentType="{OFFICE_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE_TYPE}.styles+xml"/></Types>')
ROOT_RELATIONS = (
    f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONS}"><Relationship Id="rId1" '
    f'Type="{RELATIONS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK_RELATIONS = (
    f'{HEAD}<Relationships xmlns="{PACKAGE_RELATIONS}">'
    f'<Relationship Id="rId1" Type="{RELATIONS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{RELATIONS}/styles" Target="styles.xml"/>'
    '</Relationships>')
STYLES = (
    f'{HEAD}<styleSheet xmlns="{MAIN}"><fonts count="1"><font><sz val="11"/>'
    '<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
    'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    '</cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" '
    'xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>')


def column_letters(index):
    """``0`` -> "A", ``26`` -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value):
    """``value`` as the text of an inline string: escaped, a line break "\\n"."""
    if not isinstance(value, str):
        raise TypeError(f"a text sheet holds texts, not {type(value).__name__}")
    value = value[:MAX_TEXT]
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return escape(NOT_IN_XML.sub("", value))


class TextSheet:
    """The workbook written to the binary file ``output``: the ``heading`` row, then
    :meth:`write` a chunk of rows (sequences of texts or ``None``), :meth:`close` at the
    end. The same interface as :class:`..streaming.XlsxSheet`."""

    def __init__(self, output, heading, title="Sheet1"):
        self.archive = zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED)
        workbook = (f'{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{RELATIONS}"><sheets>'
                    f'<sheet name={quoteattr(title[:31])} sheetId="1" r:id="rId1"/>'
                    '</sheets></workbook>')
        for name, text in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELATIONS),
                           ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONS),
                           ("xl/styles.xml", STYLES)):
            self.archive.writestr(name, text)
        # No ZIP64 (some spreadsheet programs refuse it): a sheet stays far below its 2 GiB
        # (about 40 million of the case export's rows).
        self.sheet = self.archive.open("xl/worksheets/sheet1.xml", "w")
        self.sheet.write(f'{HEAD}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
        self.row = 0
        self.columns = []
        self.write([heading])

    def write(self, rows):
        columns = self.columns
        pieces = []
        for row in rows:
            self.row += 1
            number = self.row
            if len(row) > len(columns):
                columns.extend(column_letters(index) for index in range(len(columns), len(row)))
            pieces.append(f'<row r="{number}">')
            for letter, value in zip(columns, row, strict=False):
                if value is None or value == "":
                    continue
                text = cell_text(value)
                space = ' xml:space="preserve"' if text != text.strip() else ""
                pieces.append(f'<c r="{letter}{number}" t="inlineStr"><is><t{space}>{text}'
                              '</t></is></c>')
            pieces.append("</row>")
        self.sheet.write("".join(pieces).encode("utf-8"))

    def close(self):
        self.sheet.write(b"</sheetData></worksheet>")
        self.sheet.close()
        self.archive.close()
