"""Erasure on request and restriction through the case screens: what the advisor submits from
the rendered form and then sees; refusals never a 500 (SQLite and PostgreSQL)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.cases.workflow import merge
from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.reports.patterns import repeat_complainants
from borgerraadgiver_plugin.reports.statistics import compute, make_period
from borgerraadgiver_plugin.retention import run
from tests.factories import CaseFactory

from .admin_helpers import action_url, url
from .rendered_form import form_data
from .test_admin_export import content
from .test_retention import old_case

pytestmark = pytest.mark.django_db

REASON = "Borgerens anmodning, imødekommet"


def submit(client, case, action, **answers):
    data = form_data(client, action_url(case, action))
    data.update({name: [value] for name, value in answers.items()})
    return client.post(action_url(case, action), data, follow=True)


def test_the_advisor_erases_a_case_after_reading_what_goes(advisor_client, advisor):
    case = CaseFactory(closed=True)
    overview = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert action_url(case, "erase") in overview
    page = advisor_client.get(action_url(case, "erase")).content.decode()
    assert "kan ikke fortrydes" in page and "Hvad fjernes" in page

    response = submit(advisor_client, case, "erase", reason=REASON,
                      decided_by="Databeskyttelsesrådgiveren", confirm="on")

    page = response.content.decode()
    assert response.status_code == 200 and "Anne Hansen" not in page
    assert REASON in page and "Databeskyttelsesrådgiveren" in page
    erased = Case.objects.get(pk=case.pk)
    assert erased.erased_at and erased.erased_by == advisor and erased.citizen_name == ""
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action=audit.ERASE,
                                        user=advisor).exists()
    assert action_url(case, "erase") not in page  # nothing left to erase


def test_without_the_confirmation_tick_nothing_is_erased(advisor_client):
    case = CaseFactory(closed=True)
    response = submit(advisor_client, case, "erase", reason=REASON)
    assert response.status_code == 200
    assert "Sæt kryds" in response.content.decode()
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_under_a_legal_hold_the_page_and_the_refusal_show_the_holds_reason(advisor_client):
    case = CaseFactory(closed=True, legal_hold=True, legal_hold_reason="Verserende retssag")
    page = advisor_client.get(action_url(case, "erase")).content.decode()
    assert "Verserende retssag" in page
    response = submit(advisor_client, case, "erase", reason=REASON, confirm="on")
    assert response.status_code == 200 and "Verserende retssag" in response.content.decode()
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_erasing_twice_answers_with_a_message(advisor_client):
    case = CaseFactory(closed=True)
    data = form_data(advisor_client, action_url(case, "erase"))
    data.update(reason=[REASON], confirm=["on"])
    advisor_client.post(action_url(case, "erase"), data)
    response = advisor_client.post(action_url(case, "erase"), data, follow=True)
    assert response.status_code == 200 and "allerede anonymiseret" in response.content.decode()


def test_a_merged_duplicate_can_be_erased_on_its_own(advisor_client):
    survivor, duplicate = CaseFactory(open=True), CaseFactory(open=True)
    merge(duplicate, survivor, None)
    response = submit(advisor_client, duplicate, "erase", reason=REASON, confirm="on")
    assert response.status_code == 200
    assert Case.objects.get(pk=duplicate.pk).erased_at
    assert Case.objects.get(pk=survivor.pk).citizen_name == "Anne Hansen"


def test_posting_for_a_case_that_does_not_exist_is_a_404(advisor_client):
    response = advisor_client.post(url("action", 999999, "erase"),
                                   {"reason": REASON, "confirm": "on"})
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["veteran_coordinator", "staff_member"])
@pytest.mark.parametrize("action", ["erase", "restrict"])
def test_others_cannot_erase_or_restrict_and_the_attempt_is_logged(client, request, who,
                                                                    action):
    case = CaseFactory(closed=True)
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.post(action_url(case, action), {"reason": REASON, "confirm": "on"})
    assert response.status_code == 403
    kept = Case.objects.get(pk=case.pk)
    assert kept.citizen_name == "Anne Hansen" and kept.restricted_at is None
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=user).exists()


def test_a_restricted_case_is_hidden_everywhere_it_is_listed_until_lifted(advisor_client,
                                                                          advisor):
    now = timezone.now()
    restricted = CaseFactory(citizen_email="bo@example.invalid", citizen_name="Bo Berg")
    others = CaseFactory.create_batch(2, citizen_email="bo@example.invalid",
                                      citizen_name="Bo Berg")
    shown = CaseFactory()
    period = make_period(timezone.localdate(now) - datetime.timedelta(days=30),
                         timezone.localdate(now))
    tables_before = compute(period, threshold=1).tables

    response = submit(advisor_client, restricted, "restrict", reason="Borgeren bestrider "
                      "oplysningernes rigtighed")

    page = response.content.decode()
    assert "Begrænset" in page and "bestrider" in page  # the overview opens with a banner
    assert action_url(restricted, "lift-restriction") in page
    assert ModelLogEntry.objects.filter(object_id=str(restricted.pk), action=audit.RESTRICT,
                                        user=advisor).exists()
    listing = advisor_client.get(url("list")).content.decode()
    assert restricted.reference not in listing and shown.reference in listing
    searched = advisor_client.get(url("list"), {"q": "Bo Berg"}).content.decode()
    assert restricted.reference not in searched
    assert all(other.reference in searched for other in others)
    exported = content(advisor_client.get(url("list"), {"export": "csv"})).decode()
    assert restricted.reference not in exported and shown.reference in exported
    assert restricted.reference not in advisor_client.get("/admin/").content.decode()
    assert [person.cases for person in repeat_complainants(period, min_cases=2).people] == [2]
    assert compute(period, threshold=1).tables == tables_before  # counts stay right

    submit(advisor_client, restricted, "lift-restriction", reason="Rettet efter aftale")

    assert restricted.reference in advisor_client.get(url("list")).content.decode()
    assert ModelLogEntry.objects.filter(object_id=str(restricted.pk),
                                        action=audit.RESTRICTION_LIFTED).exists()


def test_a_legal_hold_does_not_refuse_a_restriction_and_its_reason_is_shown(advisor_client):
    case = CaseFactory(closed=True, legal_hold=True, legal_hold_reason="Verserende retssag")
    assert "Verserende retssag" in advisor_client.get(
        action_url(case, "restrict")).content.decode()
    submit(advisor_client, case, "restrict", reason="Borgeren har gjort indsigelse")
    assert Case.objects.get(pk=case.pk).restricted_at


def test_retention_still_anonymises_a_restricted_case_when_its_time_ends(site):
    case = old_case(restricted_at=timezone.now(), restriction_reason="Indsigelse")
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    assert run(settings=settings).done == 1
    anonymised = Case.objects.get(pk=case.pk)
    assert anonymised.anonymised_at and anonymised.restriction_reason == ""


def test_the_restricted_cases_have_a_listing_of_their_own_to_lift_them_from(advisor_client):
    restricted = CaseFactory(restricted_at=timezone.now(), restriction_reason="Indsigelse")
    shown = CaseFactory()
    listing = advisor_client.get(url("list")).content.decode()
    assert f"{url('list')}?restricted=1" in listing  # the button to them

    only = advisor_client.get(url("list"), {"restricted": "1"}).content.decode()

    assert restricted.reference in only and shown.reference not in only
    assert "Begrænsede sager" in only
    exported = content(advisor_client.get(url("list"), {"restricted": "1",
                                                        "export": "csv"})).decode()
    assert restricted.reference not in exported


def test_an_edit_opened_before_the_erasure_is_refused_and_brings_no_name_back(advisor_client):
    case = CaseFactory(closed=True)
    data = form_data(advisor_client, url("edit", case.pk))  # one tab has the form open
    submit(advisor_client, case, "erase", reason=REASON, confirm="on")  # another erases

    response = advisor_client.post(url("edit", case.pk), data)

    assert response.status_code == 200 and "ændret sagen" in response.content.decode()
    stored = Case.objects.get(pk=case.pk)
    assert stored.citizen_name == "" and stored.erased_at
