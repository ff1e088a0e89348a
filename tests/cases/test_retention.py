"""Retention of cases: anonymised when their time ends, once, whole or not at all."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.anonymisation import anonymise
from borgerraadgiver_plugin.cases.models import Case, CaseDocument, CaseEvent
from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings, OutboxMessage
from borgerraadgiver_plugin.retention import RetentionRefused, run, run_retention
from tests.factories import (
    CaseDocumentFactory,
    CaseFactory,
    OutboxMessageFactory,
    RepresentativeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def years_ago(years, days=0):
    return timezone.now() - datetime.timedelta(days=365 * years + days)


@pytest.fixture
def advisor_settings(site):
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    settings.save()
    return settings


def old_case(**kwargs):
    return CaseFactory(closed=True, received_at=years_ago(7), closed_at=years_ago(6), **kwargs)


def test_anonymise_empties_identity_and_text_and_keeps_what_statistics_read():
    case = old_case(citizen_phone="12 34 56 78", citizen_address="Vej 1",
                    outcome="CRITICISM", criticism_level="")
    RepresentativeFactory(case=case, name="Bo", phone="11 22 33 44", poa_oral=True,
                          poa_oral_note="Anne sagde ja i telefonen", poa_document=None)
    CaseEvent.objects.create(case=case, kind="NOTE", text="Ringede om Anne")
    OutboxMessageFactory(reference=case.reference, recipient="anne@example.invalid",
                         subject="Om din sag", body="Kære Anne")
    receipt = case.receipt_token

    anonymise(case)

    case.refresh_from_db()
    assert (case.citizen_name, case.citizen_email, case.citizen_phone, case.citizen_address,
            case.account) == ("", "", "", "", "")
    representative = case.representative
    assert (representative.name, representative.email, representative.phone,
            representative.poa_oral_note) == ("", "", "", "")
    assert representative.relation == "LAWYER"  # who acted, by kind, stays
    assert case.anonymised_at is not None
    assert case.receipt_token != receipt
    assert (case.inquiry_type, case.channel, case.outcome) == ("COMPLAINT", "PHONE",
                                                               "CRITICISM")
    assert case.events.get().text == ""
    message = OutboxMessage.objects.get(reference=case.reference)
    assert (message.recipient, message.subject, message.body) == ("", "", "")


def test_documents_are_deleted_from_storage_and_kept_as_deleted_document():
    case = old_case()
    document = CaseDocumentFactory(case=case, original_name="anne-hansen.pdf")
    missing = CaseDocumentFactory(case=case)
    missing.file.storage.delete(missing.file.name)  # already gone: fine
    storage, name = document.file.storage, document.file.name

    anonymise(case)

    assert not storage.exists(name)
    assert list(CaseDocument.objects.filter(case=case).values_list(
        "original_name", "sha256", "file")) == [("Slettet dokument", "", "")] * 2


def test_log_entries_keep_only_the_reference():
    case = old_case()
    audit.record(None, case, audit.VIEW, note="Anne Hansen")
    ModelLogEntry.objects.filter(object_id=str(case.pk)).update(label="Anne Hansen")

    anonymise(case)

    entries = ModelLogEntry.objects.filter(object_id=str(case.pk))
    assert {entry.label for entry in entries} == {case.reference}
    assert all(not entry.data for entry in entries)
    assert entries.filter(action=audit.ANONYMISE).exists()


def test_anonymising_twice_changes_nothing_the_second_time():
    case = old_case()
    first, changed = anonymise(case)
    second, changed_again = anonymise(case)
    assert changed and not changed_again
    assert second.anonymised_at == first.anonymised_at
    assert second.receipt_token == first.receipt_token


def test_run_anonymises_only_cases_closed_longer_ago_than_the_retention(advisor_settings):
    due = old_case()
    recent = CaseFactory(closed=True, closed_at=years_ago(4))
    still_open = CaseFactory(open=True, received_at=years_ago(7))

    outcome = run()

    assert outcome.done == 1
    assert Case.objects.get(pk=due.pk).anonymised_at is not None
    assert Case.objects.get(pk=recent.pk).anonymised_at is None
    assert Case.objects.get(pk=still_open.pk).anonymised_at is None


def test_a_case_under_legal_hold_is_kept(advisor_settings):
    held = old_case(legal_hold=True, legal_hold_reason="Retssag")
    outcome = run()
    assert Case.objects.get(pk=held.pk).anonymised_at is None
    assert any(held.reference in line for line in outcome.lines)


def test_dry_run_lists_and_changes_nothing(advisor_settings, capsys):
    case = old_case()
    call_command("borgerraadgiver_retention", "--dry-run")
    assert Case.objects.get(pk=case.pk).citizen_name == "Anne Hansen"
    assert case.reference in capsys.readouterr().out


def test_with_retention_off_the_command_says_so_and_changes_nothing(site, capsys):
    case = old_case()
    call_command("borgerraadgiver_retention")
    assert Case.objects.get(pk=case.pk).anonymised_at is None
    assert "Sletning efter opbevaringstid er slået fra" in capsys.readouterr().out


def test_limit_stops_after_that_many_records(advisor_settings):
    cases = [old_case() for _ in range(3)]
    run(limit=2)
    assert Case.objects.filter(pk__in=[c.pk for c in cases],
                               anonymised_at__isnull=False).count() == 2


@pytest.mark.parametrize("years", [0, -1])
def test_a_retention_of_zero_or_less_is_refused(advisor_settings, years):
    case = old_case()
    BorgerraadgiverSettings.objects.filter(pk=advisor_settings.pk).update(retention_years=0)
    advisor_settings.retention_years = years
    with pytest.raises(RetentionRefused):
        run(settings=advisor_settings)
    with pytest.raises(CommandError) as refused:
        call_command("borgerraadgiver_retention")
    assert refused.value.returncode == 2
    assert "mindst et år" in str(refused.value)
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_a_run_killed_halfway_leaves_no_case_half_anonymised_and_a_rerun_finishes(
        advisor_settings, monkeypatch):
    cases = [old_case(citizen_name=f"Borger {n}") for n in range(3)]
    record = audit.record
    calls = []

    def dies_on_the_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("killed")
        return record(*args, **kwargs)

    monkeypatch.setattr(audit, "record", dies_on_the_second)
    with pytest.raises(RuntimeError):
        run()
    states = [Case.objects.get(pk=case.pk) for case in cases]
    assert [(s.citizen_name, bool(s.anonymised_at)) for s in states] == [
        ("", True), ("Borger 1", False), ("Borger 2", False)]

    monkeypatch.setattr(audit, "record", record)
    assert run().done == 2
    assert not Case.objects.filter(anonymised_at__isnull=True).exists()
    assert run().done == 0


def test_archive_mode_exports_before_anonymising(advisor_settings, settings, tmp_path):
    settings.BORGERRAADGIVER_ARCHIVE_ROOT = str(tmp_path / "archive")
    advisor_settings.retention_mode = RetentionMode.ARCHIVE
    advisor_settings.save()
    case = old_case()
    CaseDocumentFactory(case=case, content=b"%PDF-1.4 afgoerelse")

    run()

    exported = json.loads((tmp_path / "archive" / f"{case.reference}.json").read_text())
    assert exported[0]["fields"]["citizen_name"] == "Anne Hansen"
    assert [path.read_bytes() for path in (tmp_path / "archive" / case.reference).iterdir()] \
        == [b"%PDF-1.4 afgoerelse"]
    assert Case.objects.get(pk=case.pk).citizen_name == ""


def test_archive_mode_without_a_folder_is_refused(advisor_settings, settings):
    settings.BORGERRAADGIVER_ARCHIVE_ROOT = None
    advisor_settings.retention_mode = RetentionMode.ARCHIVE
    advisor_settings.save()
    case = old_case()
    with pytest.raises(CommandError) as refused:
        call_command("borgerraadgiver_retention")
    assert "BORGERRAADGIVER_ARCHIVE_ROOT" in str(refused.value)
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_the_nightly_task_runs_the_same_retention(advisor_settings):
    case = old_case()
    result = run_retention.enqueue()
    assert result.return_value == 1
    assert Case.objects.get(pk=case.pk).anonymised_at is not None


def test_a_merged_duplicate_goes_with_its_survivor_and_is_kept_by_its_hold(advisor_settings):
    survivor = old_case()
    duplicate = CaseFactory(status="MERGED", merged_into=survivor, received_at=years_ago(7))
    held_survivor = old_case(legal_hold=True)
    held_duplicate = CaseFactory(status="MERGED", merged_into=held_survivor,
                                 received_at=years_ago(7))

    outcome = run()

    assert outcome.done == 2
    assert Case.objects.get(pk=duplicate.pk).anonymised_at is not None
    assert Case.objects.get(pk=held_duplicate.pk).anonymised_at is None
    assert any(held_duplicate.reference in line for line in outcome.lines)


def old_read(days_old):
    """A view of a case logged ``days_old`` days ago."""
    logged = audit.record(UserFactory(), CaseFactory(), audit.VIEW)
    ModelLogEntry.objects.filter(pk=logged.pk).update(
        timestamp=timezone.now() - datetime.timedelta(days=days_old))
    return logged.pk


def test_the_run_also_applies_the_access_logs_own_retention(advisor_settings, capsys):
    stale, fresh = old_read(400), old_read(10)
    call_command("borgerraadgiver_retention", "--dry-run")
    assert "Ville slette 1 adgangslogpost: borgerraadgiver.view" in capsys.readouterr().out
    assert ModelLogEntry.objects.filter(pk=stale).exists()
    call_command("borgerraadgiver_retention")
    assert not ModelLogEntry.objects.filter(pk=stale).exists()
    assert ModelLogEntry.objects.filter(pk=fresh).exists()


def test_with_retention_off_the_access_log_is_kept_too(site):
    stale = old_read(400)
    run()
    assert ModelLogEntry.objects.filter(pk=stale).exists()
