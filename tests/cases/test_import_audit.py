"""An import is one entry of the access log, through the import screen and the command: who,
when, the file, how many cases and their references. A preview, a dry run or a refused file
changes nothing and logs nothing."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case
from tests.factories import UserFactory

from .import_files import csv_bytes
from .test_admin_import import confirm, upload, vocabulary  # noqa: F401 - the fixture
from .test_import import row

pytestmark = pytest.mark.django_db


def imports():
    return list(ModelLogEntry.objects.filter(action=audit.IMPORT))


def test_an_import_through_the_screen_is_one_entry_naming_the_advisor_file_and_references(
        advisor_client, advisor, vocabulary):  # noqa: F811
    rows = [row(reference, received, closed="10-06-2024") for reference, received in
            [("L-7", "03-05-2023"), ("L-8", "04-05-2024"), ("L-9", "05-05-2024")]]
    preview = upload(advisor_client, csv_bytes(rows), name="sagslog 2024.csv")
    assert preview.status_code == 200 and imports() == []  # the preview logs nothing
    assert confirm(advisor_client, preview).status_code == 200

    [entry] = imports()
    references = list(Case.objects.order_by("received_at").values_list("reference", flat=True))
    ranges = f"{references[0]}, {references[1]}–{references[2]}"
    assert entry.user == advisor and entry.object_id == "import"
    assert entry.data == {"file": "sagslog 2024.csv", "cases": 3, "references": ranges,
                          "original_references": "L-7–L-9", "via": "admin"}
    assert entry.label == f"Sagslog sagslog 2024.csv: 3 sager, {ranges}"
    # The access-log report shows it among the rest, as the auditor reads it.
    report = advisor_client.get(reverse("borgerraadgiver_access_log_results"),
                                {"action": audit.IMPORT}).content.decode()
    assert "Importerede en sagslog" in report
    assert "sagslog 2024.csv" in report and ranges in report


def test_a_refused_file_logs_nothing(advisor_client, vocabulary):  # noqa: F811
    response = upload(advisor_client, csv_bytes([row(), row("L-2", received="31/13/2024")]))
    assert response.status_code == 400 and imports() == []


def test_the_command_logs_one_entry_with_the_user_it_names_and_a_dry_run_none(
        advisor, vocabulary, tmp_path):  # noqa: F811
    log = tmp_path / "esdh.csv"
    log.write_bytes(csv_bytes([row("E-1"), row("E-2")]))
    call_command("borgerraadgiver_import", str(log), "--dry-run", "--user", "advisor",
                 stdout=io.StringIO())
    assert imports() == []
    call_command("borgerraadgiver_import", str(log), "--user", "advisor", stdout=io.StringIO())
    [entry] = imports()
    assert entry.user == advisor and entry.data["via"] == "command"
    assert entry.data["cases"] == 2 and entry.data["file"] == "esdh.csv"
    assert entry.data["original_references"] == "E-1–E-2"
    assert all(event.author == advisor for case in Case.objects.all()
               for event in case.events.all())


def test_the_command_without_a_user_still_logs_the_import(vocabulary, tmp_path):  # noqa: F811
    log = tmp_path / "esdh.csv"
    log.write_bytes(csv_bytes([row("E-1")]))
    call_command("borgerraadgiver_import", str(log), stdout=io.StringIO())
    [entry] = imports()
    assert entry.user is None and entry.data["references"] == Case.objects.get().reference


@pytest.mark.parametrize("username", ["nobody", "staff-without-cases"])
def test_the_command_refuses_a_user_who_cannot_add_cases(vocabulary, tmp_path, username):  # noqa: F811
    UserFactory(username="staff-without-cases", is_staff=True)
    log = tmp_path / "esdh.csv"
    log.write_bytes(csv_bytes([row("E-1")]))
    with pytest.raises(CommandError) as refused:
        call_command("borgerraadgiver_import", str(log), "--user", username)
    assert username in str(refused.value)
    assert Case.objects.count() == 0 and imports() == []
