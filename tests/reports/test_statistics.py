"""Every table against figures worked out by hand on tests/reports/dataset.py (2025 beside
2024), raw and as published (suppressed)."""

import datetime

import pytest
from django.utils import translation

from borgerraadgiver_plugin.reports.statistics import compute, make_period
from borgerraadgiver_plugin.reports.statistics.engine import TABLE_IDS, fo_group
from tests.reports import dataset

YEAR_2025 = make_period(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


@pytest.fixture
def data(db):
    return dataset.build()


@pytest.fixture
def stats(data):
    return compute(YEAR_2025, threshold=3)


def cells(table, code=None):
    """{row code: cells}, or one row's cells."""
    rows = {row.code: row.cells for row in table.rows}
    return rows[code] if code else rows


def test_every_table_id_is_computed(stats):
    assert list(stats.tables) == TABLE_IDS


def test_inquiries_by_type_counts_local_new_year_and_never_the_merged_case(stats):
    # 2025 (Copenhagen): new_year, closed_area, no_criticism, rejected are complaints (4);
    # still_open is guidance; study a suggestion. merged and next_year never count.
    # 2024: old_year (23:30 local on 31 Dec) and last_year.
    assert cells(stats.tables["inquiries_by_type"]) == {
        "WAYFINDING": [0, 0], "GUIDANCE": [1, 1], "COMPLAINT": [4, 1], "SUGGESTION": [1, 0],
        "INTERNAL_ADVICE": [0, 0], "TOTAL": [6, 2],
    }


def test_origin_channel_and_requester(stats):
    origin = cells(stats.tables["inquiries_by_origin"])
    assert origin["CITIZEN"] == [5, 2] and origin["OWN_GENERAL"] == [1, 0]
    assert origin["TOTAL"] == [6, 2]
    channel = cells(stats.tables["inquiries_by_channel"])
    assert channel["WEBFORM"] == [2, 0]  # new_year, rejected
    assert channel["EMAIL"] == [3, 0]  # closed_area, no_criticism, study
    assert channel["PHONE"] == [1, 1]  # still_open; old_year
    assert channel["LETTER"] == [0, 1]  # last_year
    assert cells(stats.tables["inquiries_by_requester_role"], "CITIZEN") == [6, 2]


def test_area_by_type_keeps_the_closed_area_and_shows_cases_without_area(stats, data):
    a, b, c = (str(area.pk) for area in (data.areas.a, data.areas.b, data.areas.c))
    table = stats.tables["area_by_type"]
    assert [col.code for col in table.columns] == [
        "WAYFINDING", "GUIDANCE", "COMPLAINT", "SUGGESTION", "INTERNAL_ADVICE", "TOTAL"]
    # The area closed in 2023 with no cases is not a row; Kultur (valid, no cases) is.
    assert cells(table) == {
        a: [0, 1, 3, 0, 0, 4], b: [0, 0, 1, 0, 0, 1], c: [0, 0, 0, 0, 0, 0],
        "NONE": [0, 0, 0, 1, 0, 1], "TOTAL": [0, 1, 4, 1, 0, 6],
    }


def test_complaint_themes_multi_count_and_by_area(stats, data):
    t1, t2 = (theme.code for theme in data.themes)
    # Complaints 2025 with SVAR: new_year, closed_area, no_criticism (merged is left out);
    # SAGSTID: new_year; old_year is guidance. 2024: last_year has SAGSTID.
    assert cells(stats.tables["complaints_by_theme"]) == {t1: [3, 0], t2: [1, 1]}
    by_area = cells(stats.tables["theme_by_area"])
    a, b, c = (str(area.pk) for area in (data.areas.a, data.areas.b, data.areas.c))
    assert [col.code for col in stats.tables["theme_by_area"].columns] == [a, b, c, "NONE"]
    assert by_area == {t1: [2, 1, 0, 0], t2: [1, 0, 0, 0]}


def test_outcome_tables_count_cases_closed_in_the_period(stats, data):
    a, b = str(data.areas.a.pk), str(data.areas.b.pk)
    # Closed in 2025: new_year (A, forwarded: OTHER), old_year (A, received in 2024: OTHER),
    # closed_area (B, investigation with a criticism level: CRITICISM), no_criticism (A,
    # NO_CRITICISM), rejected (A, REJECTED), study (no area, closed 23:30 on 31 Dec: OTHER).
    assert cells(stats.tables["fo_outcome_groups"]) == {
        a: [0, 1, 2, 1, 4], b: [1, 0, 0, 0, 1], str(data.areas.c.pk): [0, 0, 0, 0, 0],
        "NONE": [0, 0, 1, 0, 1], "TOTAL": [1, 1, 3, 1, 6],
    }
    assert cells(stats.tables["rejections_by_reason"], "POLITICAL") == [1, 0]
    assert cells(stats.tables["rejections_by_reason"], "TOTAL") == [1, 0]
    assert cells(stats.tables["criticism_levels"], "KRITISABELT") == [1, 0]
    methods = stats.tables["handling_methods_by_area"]
    column = {col.code: i for i, col in enumerate(methods.columns)}
    assert cells(methods, a)[column["INVESTIGATION"]] == 1
    assert cells(methods, a)[column["FORWARDED"]] == 1
    assert cells(methods, a)[column["REJECTED"]] == 1
    assert cells(methods, b)[column["INVESTIGATION"]] == 1


def test_investigations_and_their_shares_need_ten_cases(stats):
    table = stats.tables["investigations"]
    # 2025: closed_area (criticism), no_criticism; 2024: last_year (recommendation).
    # 2 investigations and 6 closed: below 10, so the shares are left empty.
    assert cells(table) == {"CRITICISM": [1, 1, None, None],
                            "NO_CRITICISM": [1, 0, None, None], "TOTAL": [2, 1, None, None]}


def test_processing_time_in_local_calendar_days(stats):
    table = stats.tables["processing_time_by_type"]
    # Complaints closed in 2025: 10 (new_year, from 1 Jan local), 120, 20, 4 days:
    # median (10 + 20) / 2 = 15, mean 154 / 4 = 38.5; 4 cases < 10, so no share.
    assert cells(table, "COMPLAINT") == [4, 15, 38.5, None]
    assert cells(table, "GUIDANCE") == [1, 2, 2.0, None]  # old_year: 31 Dec to 2 Jan
    assert cells(table, "SUGGESTION") == [1, 183, 183.0, None]  # 1 Jul to 31 Dec
    assert cells(table, "WAYFINDING") == [0, None, None, None]
    # All six: 2, 4, 10, 20, 120, 183 -> median 15, mean 339 / 6 = 56.5.
    assert cells(table, "TOTAL") == [6, 15, 56.5, None]


def test_open_cases_by_age_at_each_period_end(stats):
    # End of 2025: still_open (1 June: 213 days). End of 2024: old_year (0 days).
    assert cells(stats.tables["open_cases_by_age"]) == {
        "0_30": [0, 1], "31_90": [0, 0], "91_180": [0, 0], "181_365": [1, 0], "366_": [0, 0],
        "TOTAL": [1, 1],
    }


def test_referrals_by_body_kind_of_cases_closed(stats):
    # rejected (2025) went to the council and the unit; last_year (2024) to the council.
    referrals = cells(stats.tables["referrals_by_body"])
    assert referrals["COUNCIL"] == [1, 1] and referrals["UNIT"] == [1, 0]
    assert sum(cells[0] for cells in referrals.values()) == 2 and "TOTAL" not in referrals


def test_recommendations_issued_in_the_period_by_area_and_status(stats, data):
    table = stats.tables["recommendations_by_area"]
    column = {col.code: i for i, col in enumerate(table.columns)}
    rows = cells(table)
    # Two accepted in A in 2025 (the one of 31 Dec 2024 is not in the period); one in Kultur.
    assert rows[str(data.areas.a.pk)][column["ACCEPTED"]] == 2
    assert rows[str(data.areas.c.pk)][column["PROPOSED"]] == 1
    assert rows["TOTAL"][column["TOTAL"]] == 3
    assert rows["TOTAL"][column["DECLINED"]] == 0


def test_veteran_tables_from_the_veteran_counts(stats):
    # Published, the relative's 1 is "<3" and the 3 veterans beside it are left empty, else
    # 4 − 3 would give the 1 away. 2025: three veterans (one registered 00:30 on 1 January
    # locally) and a relative; 2024: one.
    # The 2024 contact has no activity in 2025, so it is not a 2025 contact.
    assert cells(stats.tables["veterans"]) == {
        "VETERAN": [3, 1], "RELATIVE": [1, 0], "TOTAL": [4, 1]}
    assert cells(stats.tables["veteran_activities"], "NEW_CONTACTS") == [4, 1]
    assert cells(stats.published()["veterans"]) == {
        "VETERAN": [None, "<3"], "RELATIVE": ["<3", 0], "TOTAL": [4, "<3"]}


def test_published_tables_are_suppressed(stats):
    published = stats.published()
    # 1s become "<3"; 2024's column is 1 + 1 = 2, so its total is hidden as well.
    assert cells(published["inquiries_by_type"]) == {
        "WAYFINDING": [0, 0], "GUIDANCE": ["<3", "<3"], "COMPLAINT": [4, "<3"],
        "SUGGESTION": ["<3", 0], "INTERNAL_ADVICE": [0, 0], "TOTAL": [6, "<3"],
    }
    # A median and mean of a group below 3 are left empty; 4 complaints keep theirs.
    time = cells(published["processing_time_by_type"])
    assert time["GUIDANCE"] == ["<3", None, None, None]
    assert time["COMPLAINT"] == [4, 15, 38.5, None]
    # Raw figures stay raw for computing.
    assert cells(stats.tables["inquiries_by_type"], "GUIDANCE") == [1, 1]


def test_fo_group_precedence():
    assert fo_group(True, "KRITISABELT", "", "POLITICAL") == "CRITICISM"
    assert fo_group(True, "", "REQUEST", "") == "CRITICISM"
    assert fo_group(True, "", "RECOMMENDATION", "") == "CRITICISM"
    assert fo_group(True, "", "NOT_UPHELD", "POLITICAL") == "NO_CRITICISM"
    assert fo_group(False, "", "REJECTED", "POLITICAL") == "REJECTED"
    assert fo_group(False, "", "CRITICISM", "") == "OTHER"


def test_a_period_with_no_cases_says_so(db):
    with translation.override("en"):
        empty = compute(make_period(datetime.date(2030, 1, 1), datetime.date(2030, 6, 30)), 3)
        for table in empty.published().values():
            assert any("No cases" in str(note) for note in table.notes), table.id
    assert cells(empty.tables["processing_time_by_type"], "TOTAL") == [0, None, None, None]


def test_queries_are_few(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        compute(YEAR_2025, 3).as_dict()
