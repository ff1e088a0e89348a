"""Primary and secondary suppression on hand-made tables (no database)."""

from borgerraadgiver_plugin.reports.statistics import TOTAL, Column, Row, Table, suppress
from borgerraadgiver_plugin.reports.statistics.tables import MEASURE


def column_table(values):
    rows = [Row(f"R{i}", f"r{i}", [v]) for i, v in enumerate(values)]
    rows.append(Row(TOTAL, "total", [sum(values)]))
    return Table("t", "T", [Column("period", "Period")], rows)


def published(table, threshold=3):
    return [row.cells for row in suppress(table, threshold).rows]


def test_small_counts_show_the_threshold_and_zero_stays_zero():
    assert published(column_table([5, 1, 0, 2, 7])) == [[5], ["<3"], [0], ["<3"], [7], [15]]
    assert published(column_table([5, 1, 0, 2, 7]), threshold=5) == [
        [5], ["<5"], [0], ["<5"], [7], [15]]


def test_a_single_hidden_cell_in_a_line_hides_the_smallest_other():
    # 5 + ? + 4 = 10 would give the 1 away: the 4 goes too (never the 0, never the total
    # first), and is left empty, since "<3" would be untrue of it.
    assert published(column_table([5, 1, 0, 4])) == [[5], ["<3"], [0], [None], [10]]


def test_the_total_is_hidden_when_no_other_cell_can_be():
    # 0 + 2 = 2: the only other positive figure is the total.
    assert published(column_table([0, 2])) == [[0], ["<3"], ["<3"]]


def test_secondary_suppression_in_a_cross_table_leaves_no_cell_derivable():
    columns = [Column("X", "x"), Column("Y", "y"), Column(TOTAL, "total")]
    rows = [Row("A", "a", [1, 5, 6]), Row("B", "b", [4, 4, 8]), Row(TOTAL, "t", [5, 9, 14])]
    # a·x hidden; its row hides a·y, its column b·x, then column y hides b·y. The four cells
    # fit both 1, 5, 4, 4 and 2, 4, 3, 5, so none can be worked out.
    assert published(Table("t", "T", columns, rows)) == [
        ["<3", None, 6], [None, None, 8], [5, 9, 14]]


def test_measures_of_small_groups_and_shares_of_hidden_counts_are_left_empty():
    columns = [Column("period", "n"), Column("median", "median", MEASURE),
               Column("pct", "share", MEASURE, reveals=("period",))]
    rows = [Row("A", "a", [2, 4.0, 20.0], basis=2), Row("B", "b", [12, 6.0, 50.0], basis=12),
            Row("C", "c", [3, 5.0, 30.0], basis=10), Row(TOTAL, "t", [17, 5.0, 100.0], basis=17)]
    # A: group of 2 → median empty; C's count 3 is hidden as A's partner, so its share goes.
    assert published(Table("t", "T", columns, rows)) == [
        ["<3", None, None], [12, 6.0, 50.0], [None, 5.0, None], [17, 5.0, 100.0]]


def test_suppression_leaves_the_raw_table_alone_and_adds_a_note():
    table = column_table([1, 9])
    result = suppress(table, 3)
    assert table.rows[0].cells == [1] and not table.notes
    assert result.notes and "<3" in str(result.notes[0])
