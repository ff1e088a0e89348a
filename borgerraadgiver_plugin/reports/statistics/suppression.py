"""Small-cell suppression, primary and secondary, on every figure shown, exported or frozen.

Primary: a count from 1 to threshold − 1 becomes the string "<threshold"; 0 stays 0; a
measure (median, mean, share) of a group smaller than the threshold is left empty.

Secondary: a table with a TOTAL row or column is a set of lines (each column down to its TOTAL
row, each row across to its TOTAL column). A line with exactly one hidden count would give the
hidden figure away by subtraction, so the smallest other positive count in the line is hidden
as well (an ordinary cell before the total), repeated until no line has a single hidden count;
such a cell is published empty (null).
A share of a hidden count is left empty too, since share × denominator is the count.
"""

import copy

from django.utils.translation import gettext_lazy as _

from .tables import COUNT, MEASURE


def hidden_label(threshold):
    return f"<{threshold}"


def suppress(table, threshold):
    """A copy of ``table`` fit for publication."""
    published = copy.deepcopy(table)
    hidden = _hidden_counts(table, threshold)
    # A cell hidden only to protect another keeps no marker: "<3" on a 7 would be untrue.
    index = {column.code: c for c, column in enumerate(table.columns)}
    for r, row in enumerate(published.rows):
        small_group = row.basis is not None and row.basis < threshold
        for c, column in enumerate(published.columns):
            if column.kind == COUNT and (r, c) in hidden:
                small = 0 < (table.rows[r].cells[c] or 0) < threshold
                row.cells[c] = hidden_label(threshold) if small else None
            elif column.kind == MEASURE and (
                    small_group or any((r, index.get(code)) in hidden
                                       for code in column.reveals)):
                row.cells[c] = None
    if hidden:
        published.notes.append(_(
            "Counts from 1 to %(below)d are shown as “%(label)s”; where a hidden count could "
            "be worked out from the others and the total, a further count is left empty."
        ) % {"below": threshold - 1, "label": hidden_label(threshold)})
    return published


def _hidden_counts(table, threshold):
    count_columns = [c for c, col in enumerate(table.columns) if col.kind == COUNT]
    value = {(r, c): row.cells[c] or 0 for r, row in enumerate(table.rows) for c in count_columns}
    hidden = {cell for cell, n in value.items() if 0 < n < threshold}
    if not hidden:
        return hidden
    total_row, total_column = table.total_row(), table.total_column()
    lines = []
    if total_row is not None:
        lines += [[(r, c) for r in range(len(table.rows))] for c in count_columns]
    if total_column is not None:
        lines += [[(r, c) for c in count_columns] for r in range(len(table.rows))]

    def is_total(cell):
        return cell[0] == total_row or cell[1] == total_column

    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(cell in hidden for cell in line) != 1:
                continue
            candidates = [cell for cell in line if cell not in hidden and value[cell] > 0]
            if candidates:
                hidden.add(min(candidates, key=lambda cell: (is_total(cell), value[cell])))
                changed = True
    return hidden
