"""Table objects the statistics produce: plain data that the command, an admin view and a
frozen report snapshot all serialise the same way (:meth:`Table.as_dict`)."""

from dataclasses import dataclass, field

TOTAL = "TOTAL"

COUNT = "count"      # a number of cases: suppressed below the threshold
MEASURE = "measure"  # a median, mean or share: left empty when its group is small
PLAIN = "plain"      # a number of things that are not people (sessions held): never suppressed


@dataclass
class Column:
    code: str
    label: str
    kind: str = COUNT
    #: For a share: the codes of the count columns it is a share of. Multiplied by its
    #: denominator it would give their sum back, so it is left empty where one of them is hidden.
    reveals: tuple = ()


@dataclass
class Row:
    code: str
    label: str
    cells: list
    #: The size of the group a row's measures describe (None: the row has no measures).
    basis: int | None = None


@dataclass
class Table:
    id: str
    title: str
    columns: list
    rows: list
    notes: list = field(default_factory=list)

    def total_row(self):
        return next((i for i, row in enumerate(self.rows) if row.code == TOTAL), None)

    def total_column(self):
        return next((i for i, col in enumerate(self.columns) if col.code == TOTAL), None)

    def as_dict(self):
        return {
            "title": str(self.title),
            "columns": [{"code": col.code, "label": str(col.label)} for col in self.columns],
            "rows": [{"code": row.code, "label": str(row.label), "cells": list(row.cells)}
                     for row in self.rows],
            "notes": [str(note) for note in self.notes],
        }
