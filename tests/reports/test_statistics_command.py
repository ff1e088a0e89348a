"""manage.py borgerraadgiver_statistics: the JSON contract, CSV, and bad arguments (exit 2,
one clear line, never a traceback)."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from wagtail.models import Site

from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.reports.management.commands.borgerraadgiver_statistics import (
    Command,
)
from borgerraadgiver_plugin.reports.statistics.engine import TABLE_IDS
from tests.reports import dataset


def run(*args):
    out = io.StringIO()
    call_command("borgerraadgiver_statistics", *args, stdout=out)
    return out.getvalue()


def run_as_from_shell(capsys, *args):
    """As from a shell: argument errors exit with a status; returns (status, stderr)."""
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "borgerraadgiver_statistics", *args])
    return exit_info.value.code, capsys.readouterr().err


@pytest.fixture
def data(db):
    return dataset.build()


def test_json_contract(data):
    result = json.loads(run("--from", "2025-01-01", "--to", "2025-12-31"))
    assert set(result) == {"period", "previous", "suppression_threshold", "tables", "methods"}
    assert result["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert result["previous"] == {"start": "2024-01-01", "end": "2024-12-31"}
    assert result["suppression_threshold"] == 3
    assert list(result["tables"]) == TABLE_IDS
    for table in result["tables"].values():
        assert set(table) == {"title", "columns", "rows", "notes"}
        for row in table["rows"]:
            assert len(row["cells"]) == len(table["columns"])
            assert all(cell is None or cell == "<3" or isinstance(cell, int | float)
                       for cell in row["cells"])
    fo = result["tables"]["fo_outcome_groups"]
    assert fo["title"] == "Afsluttede sager efter Ombudsmandens resultatgrupper, fordelt på område"
    assert [col["code"] for col in fo["columns"]] == [
        "CRITICISM", "NO_CRITICISM", "OTHER", "REJECTED", "TOTAL"]
    # Suppressed: 1 + 0 + 0 + 0 = 1 in the closed area; the TOTAL row is 1, 1, 3, 1, 6.
    rows = {row["code"]: row["cells"] for row in fo["rows"]}
    assert rows[str(data.areas.b.pk)] == ["<3", 0, 0, 0, "<3"]
    assert rows["TOTAL"][-1] == 6
    assert "Sagsbehandlingstid" in " ".join(result["methods"])


def test_threshold_comes_from_the_site_setting(data):
    site_settings = BorgerraadgiverSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.suppression_threshold = 5
    site_settings.save()
    result = json.loads(run("--from", "2025-01-01", "--to", "2025-12-31",
                            "--table", "inquiries_by_type"))
    assert result["suppression_threshold"] == 5
    assert list(result["tables"]) == ["inquiries_by_type"]
    rows = {row["code"]: row["cells"] for row in result["tables"]["inquiries_by_type"]["rows"]}
    # 4 complaints are below 5 now; 4 + <5 + <5 = 6 has three hidden cells.
    assert rows["COMPLAINT"] == ["<5", "<5"] and rows["TOTAL"] == [6, "<5"]


def test_csv_has_one_figure_a_line(data):
    lines = list(csv.DictReader(io.StringIO(run(
        "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv",
        "--table", "inquiries_by_type"))))
    assert len(lines) == 6 * 2
    total = next(line for line in lines
                 if line["row_code"] == "TOTAL" and line["column_code"] == "period")
    assert total["value"] == "6" and total["table"] == "inquiries_by_type"


def test_a_period_with_no_cases(db):
    result = json.loads(run("--from", "2031-01-01", "--to", "2031-03-31"))
    time = {row["code"]: row["cells"]
            for row in result["tables"]["processing_time_by_type"]["rows"]}
    assert time["TOTAL"] == [0, None, None, None]
    assert "Ingen sager i disse perioder." in result["tables"]["inquiries_by_type"]["notes"]


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2025-12-31", "--to", "2025-01-01"], "slutter (2025-01-01) før den begynder"),
    (["--from", "", "--to", "2025-01-01"], "--from mangler"),
    (["--from", "2025-01-01"], "--to mangler"),
    ([], "--from mangler"),
    (["--from", "2005-01-01", "--to", "2024-12-31"], "fem år"),
    (["--from", "2025-02-30", "--to", "2025-03-31"], "2025-02-30 er ikke en dag i kalenderen"),
    (["--from", "2025-01-01", "--to", "2025-12-31", "--colour", "red"], "--colour"),
    (["--from", "2025-01-01", "--from", "2024-01-01", "--to", "2025-12-31"],
     "--from er angivet mere end én gang"),
    (["--from", "2025-01-01", "--to", "2025-12-31", "--table", "nope"], "nope"),
    (["--from", "2025-01-01", "--to", "2025-12-31", "--format", "xml"], "xml"),
])
def test_bad_arguments_exit_2_with_one_clear_error(db, capsys, args, message):
    status, error = run_as_from_shell(capsys, *args)
    assert status == 2
    assert message in error
    assert "Traceback" not in error
