"""The units' answers to forwarded complaints and the advisor's own studies, on the fixed
dataset plus the forwardings and studies below, against figures worked out by hand."""

import datetime

import pytest

from borgerraadgiver_plugin.cases.models import Forwarding
from borgerraadgiver_plugin.choices import CaseOrigin, CaseStatus, UpheldValue
from borgerraadgiver_plugin.reports.statistics import compute
from borgerraadgiver_plugin.working_days import WorkingCalendar
from tests.factories import CaseFactory
from tests.reports import dataset
from tests.reports.test_statistics import YEAR_2025, cells

D = datetime.date


def forward(case, unit, sent, answered, upheld="", due_days=14):
    return Forwarding.objects.create(case=case, unit=unit, sent_on=sent, answered_on=answered,
                                     due_on=sent + datetime.timedelta(days=due_days),
                                     upheld=upheld)


@pytest.fixture
def data(db):
    data = dataset.build()
    a, b, cases = data.areas.a, data.areas.b, data.cases
    # Thu 2 Jan -> Thu 9 Jan 2025: 5 working days, upheld, on time.
    forward(cases.new_year, a, D(2025, 1, 2), D(2025, 1, 9), UpheldValue.UPHELD)
    # Mon 3 Nov -> Wed 5 Nov 2025: 2 working days, partly upheld.
    forward(cases.still_open, a, D(2025, 11, 3), D(2025, 11, 5), UpheldValue.PARTLY_UPHELD)
    # Answered the day it was sent (0 working days), no result recorded.
    forward(cases.rejected, a, D(2025, 5, 2), D(2025, 5, 2))
    # Mon 3 Mar -> Thu 20 Mar 2025: 13 working days, after its 14-day deadline; area b has
    # closed since, the answer still counts under it.
    forward(cases.closed_area, b, D(2025, 3, 3), D(2025, 3, 20), UpheldValue.NOT_UPHELD,
            due_days=10)
    # Not in 2025's table: answered in 2024, not answered yet, and on a merged duplicate.
    forward(cases.last_year, a, D(2024, 5, 6), D(2024, 5, 20), UpheldValue.UPHELD)
    forward(cases.still_open, b, D(2025, 12, 1), None)
    forward(cases.merged, a, D(2025, 3, 3), D(2025, 3, 4), UpheldValue.UPHELD)
    # Studies: one begun in 2024 and still open; one council-ordered study begun and closed
    # in 2025 (with the dataset's own-initiative study of 2025, closed on New Year's Eve).
    CaseFactory(area=None, origin=CaseOrigin.OWN_SPECIFIC, status=CaseStatus.OPEN,
                received_at=dataset.utc(2024, 11, 1, 9))
    CaseFactory(area=a, origin=CaseOrigin.COUNCIL_ORDERED, status=CaseStatus.CLOSED,
                received_at=dataset.utc(2025, 2, 1, 9), closed_at=dataset.utc(2025, 9, 1, 9))
    return data


@pytest.fixture
def stats(data):
    return compute(YEAR_2025, threshold=3)


COLUMNS = ["UPHELD", "PARTLY_UPHELD", "NOT_UPHELD", "NO_RESULT", "TOTAL", "upheld_pct",
           "median_working_days", "mean_working_days", "within_deadline_pct"]


def test_answers_by_unit_with_working_days_and_deadline(stats, data):
    table = stats.tables["forwarded_results"]
    assert [column.code for column in table.columns] == COLUMNS
    a, b = str(data.areas.a.pk), str(data.areas.b.pk)
    rows = cells(table)
    # a: 5, 2 and 0 working days -> median 2, mean 7/3; shares need 10 answers.
    assert rows[a] == [1, 1, 0, 1, 3, None, 2, 2.3, None]
    assert rows[b] == [0, 0, 1, 0, 1, None, 13, 13.0, None]
    assert rows["TOTAL"] == [1, 1, 1, 1, 4, None, 3.5, 5.0, None]


def test_upheld_and_within_deadline_shares_from_ten_answers(data):
    case, unit = data.cases.still_open, data.areas.c
    for day in range(6, 16):  # Mon 6 Oct 2025 onwards, each answered 2 days later
        sent = D(2025, 10, day)
        forward(case, unit, sent, sent + datetime.timedelta(days=2),
                UpheldValue.UPHELD if day < 9 else UpheldValue.NOT_UPHELD, due_days=1)
    row = cells(compute(YEAR_2025, 3).tables["forwarded_results"], str(unit.pk))
    # 3 of 10 upheld; every answer came 2 days after sending, past its 1-day deadline.
    assert row[:5] == [3, 0, 7, 0, 10]
    assert row[5] == 30.0 and row[8] == 0.0


def test_answer_time_counts_the_municipalitys_closing_days(data):
    closing = WorkingCalendar.from_text("2025-01-03\n2025-01-06")
    row = cells(compute(YEAR_2025, 3, calendar=closing).tables["forwarded_results"],
                str(data.areas.a.pk))
    # 2 Jan -> 9 Jan loses two working days: 3, 2 and 0 -> median 2, mean 5/3.
    assert row[6:8] == [2, 1.7]


def test_published_answers_hide_small_counts_and_every_share_they_reveal(stats, data):
    published = cells(stats.published()["forwarded_results"])
    a = str(data.areas.a.pk)
    # a's 1s are hidden. Its 3 answers are hidden too: the answered column would otherwise
    # give b's single answer away (4 in all - 3). A group of 3 keeps its median and mean.
    assert published[a][:5] == ["<3", "<3", 0, "<3", None]
    assert published[a][6:8] == [2, 2.3]
    # b's single answer: the count hidden, and its median and mean too (a group of 1).
    assert published[str(data.areas.b.pk)][2] == "<3"
    assert published[str(data.areas.b.pk)][6:8] == [None, None]


def test_studies_begun_closed_and_open(stats):
    studies = cells(stats.tables["studies"])
    assert studies["OWN_GENERAL"] == [1, 0, 1, 0]
    assert studies["OWN_SPECIFIC"] == [0, 1, 0, 1]
    assert studies["COUNCIL_ORDERED"] == [1, 0, 1, 0]
    assert studies["INSPECTION"] == [0, 0, 0, 0]
    assert studies["TOTAL"] == [2, 1, 2, 1]
    assert "CITIZEN" not in studies
