"""The case export's XLSX writer: what a text becomes in a cell, read back with openpyxl."""

import io

import openpyxl
import pytest

from borgerraadgiver_plugin.text_sheet import MAX_TEXT, TextSheet, column_letters


def written(rows, heading=("A", "B", "C")):
    output = io.BytesIO()
    sheet = TextSheet(output, list(heading), title="Henvendelser")
    for chunk in (rows[:1], rows[1:]):
        sheet.write(chunk)
    sheet.close()
    workbook = openpyxl.load_workbook(io.BytesIO(output.getvalue()))
    assert workbook.sheetnames == ["Henvendelser"]
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_texts_come_back_as_written_and_empty_cells_as_empty():
    rows = [("Åse & <Ørum>", None, "'=SUM(A1)"), ("", "  mellemrum  ", "linje\r\nto\rtre")]
    assert written(rows) == [["A", "B", "C"], ["Åse & <Ørum>", None, "'=SUM(A1)"],
                             [None, "  mellemrum  ", "linje\nto\ntre"]]


def test_characters_xml_cannot_hold_are_left_out_not_an_error():
    assert written([("a\x00b\x1fc", "ok\tfane", None)])[1] == ["abc", "ok\tfane", None]


def test_a_text_longer_than_a_cell_holds_is_cut_at_the_limit():
    assert written([("x" * (MAX_TEXT + 10), None, None)])[1][0] == "x" * MAX_TEXT


def test_anything_but_a_text_is_refused():
    with pytest.raises(TypeError):
        written([(1, None, None)])


def test_columns_past_z_are_lettered_as_in_a_spreadsheet():
    assert [column_letters(n) for n in (0, 25, 26, 27, 701, 702)] == [
        "A", "Z", "AA", "AB", "ZZ", "AAA"]
    row = [str(n) for n in range(30)]
    assert written([row], heading=row)[1] == row
