"""Importing an existing log (cases.importing and borgerraadgiver_import), without HTTP."""

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from borgerraadgiver_plugin.cases import importing
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.choices import CaseStatus, Channel, Outcome
from borgerraadgiver_plugin.models import ReferenceCounter
from tests.factories import AreaFactory, CaseFactory, ThemeFactory

from .import_files import HEADER, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "example_site" / "import"


@pytest.fixture
def vocabulary():
    return AreaFactory(name="Jobcenter"), ThemeFactory(code="HEARING", name="Partshøring")


def row(reference="L-1", received="03-02-2024", channel="Telefon", kind="Klage",
        area="Jobcenter", themes="HEARING", outcome="Medhold", closed="10-02-2024",
        account="Ingen partshøring."):
    return [reference, received, channel, kind, area, themes, outcome, closed, account]


def plan_of(data, name="log.csv", mapping=None):
    return importing.read(name, data, importing.Mapping.load(mapping))


def problems(plan):
    return [(p.row, p.column, p.value) for p in plan.problems]


def test_a_row_becomes_a_closed_case_with_its_original_reference_and_a_new_one(vocabulary):
    area, theme = vocabulary
    CaseFactory(received_at=timezone.make_aware(datetime.datetime(2024, 5, 1)))  # BR-2024-0001
    plan = plan_of(csv_bytes([row()]))
    assert plan.ok, plan.problems
    [case] = importing.commit(plan, None, "log.csv")
    case = Case.objects.get(pk=case.pk)
    assert case.original_reference == "L-1" and case.reference == "BR-2024-0002"
    assert timezone.localdate(case.received_at) == datetime.date(2024, 2, 3)
    assert (case.channel, case.area, list(case.themes.all())) == (Channel.PHONE, area, [theme])
    assert case.status == CaseStatus.CLOSED and case.outcome == Outcome.UPHELD
    assert "L-1" in case.events.get().text


def test_new_references_are_gap_free_in_each_cases_own_year(vocabulary):
    plan = plan_of(csv_bytes([row("A", "05-01-2023", closed=""), row("B", "2022-12-30", closed=""),
                              row("C", "01.01.2023", closed="")]
                             ).replace(b";Medhold;", b";;"))
    assert plan.ok, plan.problems
    importing.commit(plan, None, "log.csv")
    got = dict(Case.objects.values_list("original_reference", "reference"))
    assert got == {"B": "BR-2022-0001", "C": "BR-2023-0001", "A": "BR-2023-0002"}
    assert ReferenceCounter.objects.get(year=2023).last_number == 2


def test_the_three_common_danish_date_formats_are_read_and_others_refused_with_the_row(
        vocabulary):
    plan = plan_of(csv_bytes([row("A", "03-02-2024"), row("B", "03.02.2024"),
                              row("C", "2024-02-03"), row("D", "02/31/2024"),
                              row("E", "3 feb 2024")]))
    assert problems(plan) == [(5, "Modtaget", "02/31/2024"), (6, "Modtaget", "3 feb 2024")]
    assert "31-12-2024" in plan.problems[0].reason
    assert [r.values["received_at"].date() for r in plan.rows] == [datetime.date(2024, 2, 3)] * 3


def test_unknown_codes_are_reported_with_row_column_and_value(vocabulary):
    plan = plan_of(csv_bytes([row(channel="Brevdue"), row("L-2", area="Månen"),
                              row("L-3", themes="HEARING; XYZ")]))
    assert problems(plan) == [(2, "Kanal", "Brevdue"), (3, "Område", "Månen"),
                              (4, "Temaer", "HEARING; XYZ")]
    assert "XYZ" in plan.problems[2].reason and not plan.ok


def test_a_mapping_file_translates_the_municipalitys_own_codes(vocabulary):
    mapping = '[columns]\nchannel = "Form"\n[codes.channel]\nT = "PHONE"\n' \
              '[codes.area]\nJOB = "Jobcenter"\n[codes.themes]\nPH = "HEARING"\n'
    header = [("Form" if title == "Kanal" else title) for title in HEADER]
    plan = plan_of(csv_bytes([row(channel="T", area="JOB", themes="PH")], header=header),
                   mapping=mapping)
    assert plan.ok, plan.problems


def test_a_mapping_to_a_code_we_do_not_have_is_refused_by_name():
    with pytest.raises(importing.MappingError, match="TELEPATHY"):
        importing.Mapping.load('[codes.channel]\nT = "TELEPATHY"\n')


def test_a_wrong_header_names_the_missing_columns_and_what_was_found(vocabulary):
    header = ["Nummer", *HEADER[1:]]
    plan = plan_of(csv_bytes([row()], header=header))
    assert problems(plan) == [(1, "Sagsnummer", "")]
    assert "Nummer" in plan.problems[0].reason and not plan.rows


def test_duplicate_original_references_in_the_file_and_in_earlier_imports(vocabulary):
    importing.commit(plan_of(csv_bytes([row("OLD")])), None, "first.csv")
    plan = plan_of(csv_bytes([row("L-1"), row("L-1"), row("OLD")]))
    assert problems(plan) == [(3, "Sagsnummer", "L-1"), (4, "Sagsnummer", "OLD")]
    assert "row 2" in plan.problems[0].reason or "række 2" in plan.problems[0].reason


def test_a_formula_cell_is_refused_not_evaluated(vocabulary):
    plan = plan_of(xlsx_bytes([row(), row("L-2", account="=HYPERLINK(\"http://x\")")]),
                   name="log.xlsx")
    assert problems(plan) == [(3, "Resumé", '=HYPERLINK("http://x")')]


def test_spreadsheet_dates_are_read_from_an_xlsx(vocabulary):
    plan = plan_of(xlsx_bytes([row(received=datetime.datetime(2024, 2, 3),
                                   closed=datetime.date(2024, 2, 9))]), name="log.xlsx")
    assert plan.ok, plan.problems
    assert plan.rows[0].values["closed_at"].date() == datetime.date(2024, 2, 9)


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("log.csv", b"", "empty"),
    ("log.xlsx", b"", "workbook"),
    ("log.csv", csv_bytes([]), "no rows"),
    ("log.xlsx", b"%PDF-1.4 not a workbook", "workbook"),
    ("log.xlsx", b"PK\x03\x04 broken zip", "workbook"),
    ("log.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text"),
    ("log.pdf", b"%PDF-1.4", ".xlsx or .csv"),
])
def test_an_empty_or_non_spreadsheet_file_is_one_clear_problem(name, data, reason):
    with __import__("django.utils.translation", fromlist=["override"]).override("en"):
        plan = plan_of(data, name=name)
        assert len(plan.problems) == 1 and reason in plan.problems[0].reason
    assert not plan.rows


def test_a_row_that_breaks_a_rule_is_refused(vocabulary):
    plan = plan_of(csv_bytes([row(closed="01-02-2024"), row("L-2", closed=""),
                              row("L-3", received="01-01-2099")]))
    assert problems(plan) == [(2, "Afsluttet", plan.problems[0].value),
                              (3, "Resultat", "UPHELD"), (4, "Modtaget", plan.problems[2].value)]


def test_the_command_imports_nothing_on_a_dry_run_and_nothing_when_a_row_is_bad(
        vocabulary, tmp_path):
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([row(), row("L-2")]))
    out = io.StringIO()
    call_command("borgerraadgiver_import", str(good), "--dry-run", stdout=out)
    assert "2" in out.getvalue() and Case.objects.count() == 0
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row(), row("L-2", received="31/13/2024")]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("borgerraadgiver_import", str(bad), stderr=err)
    assert "31/13/2024" in err.getvalue() and Case.objects.count() == 0
    call_command("borgerraadgiver_import", str(good), stdout=out)
    assert Case.objects.count() == 2


def test_ten_thousand_rows_import_in_one_go(vocabulary):
    rows = [row(f"L-{n}", f"{1 + n % 28:02d}-{1 + n % 12:02d}-2023", closed="")
            for n in range(10_000)]
    data = csv_bytes(rows).replace(b";Medhold;", b";;")
    plan = plan_of(data)
    assert plan.ok and len(plan.rows) == 10_000
    importing.commit(plan, None, "big.csv")
    assert Case.objects.filter(reference__startswith="BR-2023-").count() == 10_000
    assert ReferenceCounter.objects.get(year=2023).last_number == 10_000


def test_the_sample_file_of_the_example_site_imports_and_the_statistics_show_it():
    call_command("borgerraadgiver_demo", verbosity=0)
    before = _statistics_total("2023-01-01", "2023-12-31")
    call_command("borgerraadgiver_import", str(EXAMPLE / "borgerraadgiver_log_2023.csv"),
                 "--mapping", str(EXAMPLE / "mapping.toml"), stdout=io.StringIO())
    imported = Case.objects.exclude(original_reference="")
    assert imported.count() == 24
    assert _statistics_total("2023-01-01", "2023-12-31") == before + 24


def _statistics_total(start, end):
    """The total of the statistics command's "inquiries by type" for the period."""
    out = io.StringIO()
    call_command("borgerraadgiver_statistics", "--from", start, "--to", end,
                 "--table", "inquiries_by_type", stdout=out)
    rows = json.loads(out.getvalue())["tables"]["inquiries_by_type"]["rows"]
    return next(row["cells"][0] for row in rows if row["code"] == "TOTAL")
