"""Bar charts of published tables as plain SVG, drawn on the server.

A chart shows exactly the figures of the published (suppressed) table it sits above: a hidden
count gets no bar, only its label ("<3", or a dash for a count left empty). It needs no
JavaScript, prints as it shows, and its text alternative points to the table, which carries the
same figures for screen readers.
"""

from dataclasses import dataclass

from .statistics.engine import PERIOD, PREVIOUS
from .statistics.tables import COUNT, TOTAL

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 40
BAR_HEIGHT = 14
ROW_GAP = 10
#: The period's bars in Wagtail's primary colour, the previous period's in a grey that still
#: passes 3:1 against white (WCAG 1.4.11).
FILLS = ("#2e1f5e", "#767676")


@dataclass
class Bar:
    y: int
    width: float
    text: str
    fill: str


@dataclass
class ChartRow:
    label: str
    y: int
    bars: list


@dataclass
class Chart:
    height: int
    rows: list
    legend: list  # (label, fill)
    bar_x: int = LABEL_WIDTH
    width: int = WIDTH


def series_columns(table):
    """The columns a chart draws: the period beside the previous one where the table has
    both, else its total column, else its first count column."""
    codes = [column.code for column in table.columns]
    if PERIOD in codes and PREVIOUS in codes:
        return [codes.index(PERIOD), codes.index(PREVIOUS)]
    if TOTAL in codes:
        return [codes.index(TOTAL)]
    return [next(i for i, column in enumerate(table.columns) if column.kind == COUNT)]


def bar_chart(table):
    """A :class:`Chart` of a published table, or None when it has nothing to draw."""
    rows = [row for row in table.rows if row.code != TOTAL]
    series = series_columns(table)
    values = [row.cells[c] for row in rows for c in series]
    largest = max((value for value in values if isinstance(value, int | float)), default=0)
    if not rows or not largest:
        return None
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    step = BAR_HEIGHT * len(series) + ROW_GAP
    chart_rows = []
    for index, row in enumerate(rows):
        top = index * step
        bars = []
        for position, c in enumerate(series):
            value = row.cells[c]
            number = value if isinstance(value, int | float) else 0
            bars.append(Bar(y=top + position * BAR_HEIGHT, width=round(room * number / largest, 1),
                            text="–" if value is None else str(value),
                            fill=FILLS[position % len(FILLS)]))
        chart_rows.append(ChartRow(label=str(row.label), y=top, bars=bars))
    legend = [(str(table.columns[c].label), FILLS[i % len(FILLS)]) for i, c in enumerate(series)]
    return Chart(height=len(rows) * step, rows=chart_rows, legend=legend)
