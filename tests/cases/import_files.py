"""Logs to import, built in the test: CSV text and .xlsx workbooks (openpyxl)."""

import csv
import io

from openpyxl import Workbook

HEADER = ["Sagsnummer", "Modtaget", "Kanal", "Type", "Område", "Temaer", "Resultat",
          "Afsluttet", "Resumé"]


def csv_bytes(rows, header=HEADER, delimiter=";"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def xlsx_bytes(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
