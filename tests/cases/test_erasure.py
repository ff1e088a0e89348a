"""Erasure on request of a case, and its bad inputs: the rules, without HTTP (SQLite and
PostgreSQL). The admin screens are in test_admin_erasure.py."""

import pytest
from wagtail.models import ModelLogEntry, Revision

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases import erasure as case_erasure
from borgerraadgiver_plugin.cases.models import Case, CaseDocument, CaseEvent
from borgerraadgiver_plugin.cases.workflow import merge
from borgerraadgiver_plugin.erasure import RightsRefused
from tests.factories import (
    CaseDocumentFactory,
    CaseFactory,
    LearningNoteIndexPageFactory,
    LearningNotePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

REASON = "Borgerens anmodning af 3. december, imødekommet"


def erase(case, user=None, **kwargs):
    return case_erasure.erase(case, user, reason=kwargs.pop("reason", REASON), **kwargs)


def test_erasure_anonymises_now_and_keeps_the_reason_and_who_decided():
    user = UserFactory()
    case = CaseFactory(closed=True, outcome="CRITICISM", citizen_phone="20 30 40 50")
    CaseEvent.objects.create(case=case, kind="NOTE", text="Ringede om Anne")

    [erased] = erase(case, user, decided_by="Databeskyttelsesrådgiveren")

    assert erased.anonymised_at and erased.erased_at == erased.anonymised_at
    assert (erased.citizen_name, erased.citizen_email, erased.citizen_phone,
            erased.account) == ("", "", "", "")
    assert erased.outcome == "CRITICISM" and erased.area_id == case.area_id
    assert (erased.erased_by, erased.erasure_reason, erased.erasure_decided_by) == (
        user, REASON, "Databeskyttelsesrådgiveren")
    assert not CaseEvent.objects.filter(case=case).exclude(text="").exists()
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action=audit.ERASE)
    assert entry.user == user and entry.data == {"reason": REASON,
                                                 "decided_by": "Databeskyttelsesrådgiveren"}
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action=audit.ANONYMISE).exists()


def test_erasure_is_refused_under_a_legal_hold_and_the_reason_is_given():
    case = CaseFactory(closed=True, legal_hold=True, legal_hold_reason="Verserende retssag")
    with pytest.raises(RightsRefused, match="Verserende retssag"):
        erase(case)
    kept = Case.objects.get(pk=case.pk)
    assert kept.citizen_name == "Anne Hansen" and kept.anonymised_at is None


def test_erasing_a_case_twice_is_refused_the_second_time_and_changes_nothing():
    case = CaseFactory(closed=True)
    erase(case)
    with pytest.raises(RightsRefused, match="allerede anonymiseret"):
        erase(Case.objects.get(pk=case.pk), reason="En gang til")
    assert Case.objects.get(pk=case.pk).erasure_reason == REASON
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action=audit.ERASE).count() == 1


@pytest.mark.parametrize("reason", ["", "   ", "Anne Hansen bad om det",
                                    "Svar til anne@example.invalid", "Ring 20 30 40 50"])
def test_a_reason_that_is_empty_or_holds_personal_data_is_refused(reason):
    case = CaseFactory(closed=True, citizen_phone="20 30 40 50")
    with pytest.raises(RightsRefused):
        erase(case, reason=reason)
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_a_survivor_takes_its_merged_duplicates_with_it():
    survivor = CaseFactory(open=True)
    duplicate = CaseFactory(open=True, citizen_name="Anne H.")
    merge(duplicate, survivor, None)

    erased = erase(Case.objects.get(pk=survivor.pk))

    assert [case.pk for case in erased] == [survivor.pk, duplicate.pk]
    duplicate = Case.objects.get(pk=duplicate.pk)
    assert duplicate.citizen_name == "" and duplicate.erasure_reason == REASON
    assert duplicate.merged_into_id == survivor.pk  # still left out of the statistics


def test_a_duplicate_erased_alone_leaves_its_survivor_as_it_was():
    survivor = CaseFactory(open=True, citizen_name="Bo Berg")
    duplicate = CaseFactory(open=True)
    merge(duplicate, survivor, None)

    erase(Case.objects.get(pk=duplicate.pk))

    assert Case.objects.get(pk=duplicate.pk).anonymised_at
    assert Case.objects.get(pk=survivor.pk).citizen_name == "Bo Berg"


def test_a_duplicate_is_kept_by_its_survivors_hold_and_a_survivor_by_its_duplicates():
    survivor = CaseFactory(open=True)
    duplicate = CaseFactory(open=True)
    merge(duplicate, survivor, None)
    Case.objects.filter(pk=survivor.pk).update(legal_hold=True, legal_hold_reason="Arkivet")
    with pytest.raises(RightsRefused, match="Arkivet"):
        erase(Case.objects.get(pk=duplicate.pk))

    Case.objects.filter(pk=survivor.pk).update(legal_hold=False)
    Case.objects.filter(pk=duplicate.pk).update(legal_hold=True, legal_hold_reason="Retssag")
    with pytest.raises(RightsRefused, match="Retssag"):
        erase(Case.objects.get(pk=survivor.pk))
    assert not Case.objects.filter(anonymised_at__isnull=False).exists()


def test_a_document_already_missing_from_storage_does_not_stop_the_erasure():
    document = CaseDocumentFactory(case=CaseFactory(closed=True))
    document.file.storage.delete(document.file.name)

    erase(document.case)

    row = CaseDocument.objects.get(pk=document.pk)
    assert row.file.name == "" and row.original_name == "Slettet dokument"


@pytest.fixture
def note_index(home):
    return LearningNoteIndexPageFactory(parent=home)


def test_a_learning_note_whose_draft_names_the_citizen_refuses_the_erasure(note_index):
    case = CaseFactory(closed=True)
    note = LearningNotePageFactory(parent=note_index, source_cases=[case])
    note.summary = "Anne Hansen fik ikke svar."
    note.save_revision()  # a draft that names her

    with pytest.raises(RightsRefused, match=note.title):
        erase(case)
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_after_the_note_is_rewritten_the_erasure_deletes_its_old_versions_and_keeps_the_link(
        note_index):
    case = CaseFactory(closed=True)
    note = LearningNotePageFactory(parent=note_index, source_cases=[case])
    note.summary = "Anne Hansen fik ikke svar."
    naming = note.save_revision()
    note.summary = "Borgeren fik ikke svar."
    note.save_revision().publish()

    erase(case)

    assert not Revision.objects.filter(pk=naming.pk).exists()
    assert not any("Anne Hansen" in str(revision.content)
                   for revision in Revision.objects.all())
    note.refresh_from_db()
    assert list(note.source_cases.all()) == [Case.objects.get(pk=case.pk)]
