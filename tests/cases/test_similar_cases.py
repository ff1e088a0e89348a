"""Similar earlier cases: the rule (cases.similar) without HTTP, on SQLite and PostgreSQL."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin import dates
from borgerraadgiver_plugin.cases import similar, workflow
from borgerraadgiver_plugin.cases.anonymisation import anonymise
from borgerraadgiver_plugin.cases.models import Case, CaseLink
from borgerraadgiver_plugin.choices import CaseStatus, Outcome
from tests.factories import AreaFactory, CaseFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

HOME_CARE = ("Min mor har fået frataget sin hjemmehjælp uden partshøring, og kommunen har "
             "ikke begrundet afgørelsen om hjemmehjælp.")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def suggested(case):
    return [suggestion.case for suggestion in similar.similar_cases(case)]


def test_an_earlier_case_with_the_same_words_is_suggested_and_an_unrelated_one_is_not():
    alike = CaseFactory(received_at=days_ago(30), account=(
        "Hjemmehjælp frataget uden partshøring; afgørelsen om hjemmehjælp var ikke begrundet."),
        citizen_email="other@example.invalid")
    CaseFactory(received_at=days_ago(20), account="Parkeringsbøde ved rådhuset i weekenden.",
                citizen_email="third@example.invalid")
    case = CaseFactory(account=HOME_CARE)
    assert suggested(case) == [alike]


def test_only_earlier_cases_are_suggested_never_the_case_itself_nor_a_later_one():
    case = CaseFactory(received_at=days_ago(10), account=HOME_CARE)
    CaseFactory(received_at=days_ago(1), account=HOME_CARE)
    assert suggested(case) == []


def test_a_shared_theme_qualifies_and_a_shared_area_ranks_higher():
    theme = ThemeFactory()
    area, elsewhere = AreaFactory(), AreaFactory()
    far = CaseFactory(received_at=days_ago(5), area=elsewhere, account="Andet emne helt.")
    near = CaseFactory(received_at=days_ago(40), area=area, account="Noget tredje igen.")
    for other in (far, near):
        other.themes.add(theme)
    CaseFactory(received_at=days_ago(3), area=area, account="Intet fælles overhovedet.")
    case = CaseFactory(area=area, account="Sagsbehandlingstid")
    case.themes.add(theme)
    found = similar.similar_cases(case)
    assert [s.case for s in found] == [near, far]
    assert found[0].same_area and found[0].shared_themes == (theme,)


def test_at_most_five_are_suggested_best_first():
    for days in range(1, 9):
        CaseFactory(received_at=days_ago(days), account=HOME_CARE)
    best = CaseFactory(received_at=days_ago(50), account=HOME_CARE)
    theme = ThemeFactory()
    best.themes.add(theme)
    case = CaseFactory(account=HOME_CARE)
    case.themes.add(theme)
    found = suggested(case)
    assert len(found) == 5 and found[0] == best


def test_merged_and_already_linked_cases_are_not_suggested():
    merged = CaseFactory(received_at=days_ago(9), account=HOME_CARE, status=CaseStatus.MERGED)
    linked = CaseFactory(received_at=days_ago(8), account=HOME_CARE)
    case = CaseFactory(account=HOME_CARE)
    assert merged not in suggested(case) and linked in suggested(case)
    workflow.link(case, linked, UserFactory())
    assert suggested(case) == []


def test_the_label_shows_reference_date_theme_and_outcome_but_no_text_and_no_other_name():
    theme = ThemeFactory(name="Partshøring")
    other = CaseFactory(received_at=timezone.make_aware(datetime.datetime(2025, 3, 4, 10)),
                        account=HOME_CARE, citizen_name="Bent Jensen",
                        citizen_email="bent@example.invalid", status=CaseStatus.CLOSED,
                        outcome=Outcome.UPHELD)
    other.themes.add(theme)
    label = similar.similar_cases(CaseFactory(account=HOME_CARE))[0].label()
    day = dates.show(datetime.date(2025, 3, 4))
    assert label == f"{other.reference} · {day} · Partshøring · {other.get_outcome_display()}"
    assert "Bent" not in label and "hjemmehjælp" not in label.lower()


def test_the_same_persons_earlier_case_shows_the_name():
    CaseFactory(received_at=days_ago(3), account=HOME_CARE, citizen_name="Anne Hansen",
                citizen_email="anne@example.invalid")
    case = CaseFactory(account=HOME_CARE, citizen_email="anne@example.invalid")
    found = similar.similar_cases(case)
    assert found[0].same_person and "Anne Hansen (" in found[0].label()


def test_an_anonymised_case_keeps_no_text_to_match_on():
    old = CaseFactory(received_at=days_ago(400), account=HOME_CARE,
                      citizen_email="gone@example.invalid", status=CaseStatus.CLOSED,
                      closed_at=days_ago(390))
    case = CaseFactory(account=HOME_CARE)
    assert suggested(case) == [old]
    anonymise(Case.objects.get(pk=old.pk))
    assert suggested(case) == []


def test_a_case_without_text_or_themes_gets_no_suggestions():
    CaseFactory(received_at=days_ago(3), account=HOME_CARE)
    assert suggested(CaseFactory(account="")) == []
    assert CaseLink.objects.count() == 0
