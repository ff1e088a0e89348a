"""Coordination across units: who deals with several units and needs coordinating, logging a
meeting naming several units, the per-unit view with its counts-only export, the touchpoint's
next step in the dashboard panel, and the bad inputs of issue 19 (a touchpoint ending before it
started, a meeting naming no unit or a unit no longer valid). Forms are sent as rendered."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.veterans import coordination
from borgerraadgiver_plugin.veterans.anonymisation import anonymise
from borgerraadgiver_plugin.veterans.models import MunicipalTouchpoint, VeteranActivity
from borgerraadgiver_plugin.veterans.subject_access import VeteranSource
from tests.cases.rendered_form import rendered_form
from tests.factories import AreaFactory, VeteranActivityFactory, VeteranContactFactory
from tests.veterans import helpers

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("borgerraadgiver_veterans_coordination")
UNITS = reverse("borgerraadgiver_veterans_coordination_units")


def weeks_ago(weeks):
    return helpers.today() - datetime.timedelta(weeks=weeks)


def meeting_url(contact):
    return reverse("borgerraadgiver_veterans_coordination_meeting", args=[contact.pk])


def unit_url(area):
    return reverse("borgerraadgiver_veterans_coordination_unit", args=[area.pk])


@pytest.fixture
def units(groups):
    return {"job": AreaFactory(name="Jobcenter Stevns"), "housing": AreaFactory(name="Bolig"),
            "health": AreaFactory(name="Sundhed")}


def in_touch(contact, *areas, since=None, **extra):
    return [MunicipalTouchpoint.objects.create(
        contact=contact, area=area, contact_person=f"Sagsbehandler {area.name}",
        since=since or weeks_ago(20), **extra) for area in areas]


def meeting(contact, weeks, touchpoints=()):
    activity = VeteranActivityFactory(contact=contact, kind="COORDINATION_MEETING",
                                      date=weeks_ago(weeks))
    activity.touchpoints.set(touchpoints)
    return activity


@pytest.fixture
def people(units):
    quiet = VeteranContactFactory(name="Jens Mikkelsen")
    in_touch(quiet, units["job"], units["housing"], units["health"])
    meeting(quiet, 10)
    recent = VeteranContactFactory(name="Lars Poulsen")
    in_touch(recent, units["job"], units["housing"])
    meeting(recent, 2)
    single = VeteranContactFactory(name="Kim Andersen")
    in_touch(single, units["job"])
    ended = VeteranContactFactory(name="Søren Jørgensen")
    in_touch(ended, units["job"])
    in_touch(ended, units["health"], until=weeks_ago(1))
    inactive = VeteranContactFactory(name="Niels Frandsen", active=False)
    in_touch(inactive, units["job"], units["housing"])
    return {"quiet": quiet, "recent": recent, "single": single, "ended": ended,
            "inactive": inactive}


# The rules, without HTTP.

def test_only_active_contacts_with_two_current_units_and_no_recent_meeting_need_coordination(
        people):
    found = list(coordination.needing_coordination(quiet_weeks=8))
    assert found == [people["quiet"]]
    assert found[0].unit_count == 3 and found[0].last_coordination == weeks_ago(10)
    everyone = set(coordination.needing_coordination(quiet_weeks=0))
    assert everyone == {people["quiet"], people["recent"]}


def test_a_contact_never_coordinated_comes_first(people, units):
    never = VeteranContactFactory(name="Anders Madsen")
    in_touch(never, units["job"], units["health"])
    assert list(coordination.needing_coordination(quiet_weeks=8)) == [never, people["quiet"]]


def test_the_unit_filter_keeps_those_whose_current_units_include_it(people, units):
    assert set(coordination.needing_coordination(area=units["health"], quiet_weeks=0)) == {
        people["quiet"]}


def test_unit_counts_hold_numbers_only(people, units):
    counts = {row.area.name: row for row in coordination.unit_counts()}
    job = counts["Jobcenter Stevns"]
    assert (job.contacts, job.with_other_units, job.quiet) == (4, 2, 1)
    assert counts["Sundhed"].contacts == 1  # the ended touchpoint is no longer counted


def test_a_touchpoint_ending_before_it_started_is_refused():
    touchpoint = MunicipalTouchpoint(unit="Jobcenter", since=helpers.today(),
                                     until=helpers.today() - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        touchpoint.clean()
    assert "until" in error.value.message_dict


def test_a_next_step_date_needs_the_step():
    touchpoint = MunicipalTouchpoint(unit="Jobcenter", next_step_on=helpers.today())
    with pytest.raises(ValidationError) as error:
        touchpoint.clean()
    assert "next_step" in error.value.message_dict


def test_a_meeting_naming_no_unit_is_refused_and_nothing_is_stored(people, veteran_coordinator):
    with pytest.raises(ValidationError) as error:
        coordination.log_meeting(people["quiet"], veteran_coordinator, date=helpers.today(),
                                 touchpoints=[])
    assert "touchpoints" in error.value.message_dict
    assert not VeteranActivity.objects.filter(contact=people["quiet"],
                                              date=helpers.today()).exists()


def test_a_meeting_naming_a_unit_that_ended_or_was_closed_is_refused(people, units,
                                                                     veteran_coordinator):
    ended = people["ended"].touchpoints.get(area=units["health"])
    with pytest.raises(ValidationError) as error:
        coordination.log_meeting(people["ended"], veteran_coordinator, date=helpers.today(),
                                 touchpoints=[ended])
    assert "ikke længere gyldig" in " ".join(error.value.message_dict["touchpoints"])
    units["housing"].valid_to = helpers.today() - datetime.timedelta(days=3)
    units["housing"].save()
    closed = people["recent"].touchpoints.get(area=units["housing"])
    with pytest.raises(ValidationError):
        coordination.log_meeting(people["recent"], veteran_coordinator, date=helpers.today(),
                                 touchpoints=[closed])


def test_a_meeting_cannot_name_another_contacts_unit(people, veteran_coordinator):
    other = people["recent"].touchpoints.first()
    with pytest.raises(ValidationError):
        coordination.log_meeting(people["quiet"], veteran_coordinator, date=helpers.today(),
                                 touchpoints=[other])


def test_a_meeting_needs_valid_registration_consent(units, veteran_coordinator):
    contact = VeteranContactFactory(consent=None)
    touchpoints = in_touch(contact, units["job"], units["housing"])
    with pytest.raises(ValidationError):
        coordination.log_meeting(contact, veteran_coordinator, date=helpers.today(),
                                 touchpoints=touchpoints)
    assert not contact.activities.exists()


# The screens, through the rendered pages.

def test_overview_lists_who_needs_coordination_with_units_and_is_audited(
        coordinator_client, people, veteran_coordinator):
    response = coordinator_client.get(OVERVIEW)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jens Mikkelsen" in html and "Lars Poulsen" not in html and "Kim Andersen" not in html
    for text in ("Jobcenter Stevns", "Sagsbehandler Bolig", "Sundhed",
                 "Registrér et koordineringsmøde"):
        assert text in html, text
    logged = helpers.logs(audit.VIEW, user=veteran_coordinator)
    assert list(logged.values_list("object_id", flat=True)) == [str(people["quiet"].pk)]


def test_overview_filters_by_unit_and_weeks_as_rendered(coordinator_client, people, units):
    _form, data = rendered_form(coordinator_client.get(OVERVIEW).content.decode(),
                                "form.br-coordination-filters")
    assert data["weeks"] == ["8"]
    data.update(weeks=["1"], area=[str(units["housing"].pk)])
    html = coordinator_client.get(OVERVIEW, data).content.decode()
    assert "Jens Mikkelsen" in html and "Lars Poulsen" in html


@pytest.mark.parametrize("weeks", ["-1", "x", "999"])
def test_overview_refuses_a_bad_number_of_weeks_with_a_message(coordinator_client, people,
                                                               weeks):
    response = coordinator_client.get(OVERVIEW, {"weeks": weeks})
    assert response.status_code == 400
    assert "Skriv et antal uger fra 0 til 260." in response.content.decode()


def test_overview_refuses_an_unknown_unit_with_a_message(coordinator_client, people):
    response = coordinator_client.get(OVERVIEW, {"area": "99999", "weeks": "8"})
    assert response.status_code == 400
    assert "help-critical" in response.content.decode()


def test_coordinator_logs_a_meeting_with_two_units_and_sees_the_follow_up(
        coordinator_client, people, units):
    contact = people["quiet"]
    html = coordinator_client.get(meeting_url(contact)).content.decode()
    _form, data = rendered_form(html, "form.br-coordination-meeting")
    job, housing = (contact.touchpoints.get(area=units[key]).pk for key in ("job", "housing"))
    follow_up = helpers.today() + datetime.timedelta(days=14)
    data.update(touchpoints=[str(job), str(housing)], note=["Fælles plan for job og bolig."],
                follow_up=[follow_up.isoformat()])
    response = coordinator_client.post(meeting_url(contact), data, follow=True)
    page = response.content.decode()
    assert "Koordineringsmøde registreret med Jobcenter Stevns, Bolig." in page
    activity = contact.activities.get(date=helpers.today())
    assert activity.kind == "COORDINATION_MEETING"
    assert {t.area for t in activity.touchpoints.all()} == {units["job"], units["housing"]}
    contact.refresh_from_db()
    assert contact.next_follow_up == follow_up
    # No longer quiet: gone from the default overview, still in the full list.
    assert "Jens Mikkelsen" not in coordinator_client.get(OVERVIEW).content.decode()
    assert ModelLogEntry.objects.filter(action="wagtail.create",
                                        object_id=str(activity.pk)).exists()


def test_meeting_form_with_no_unit_ticked_says_so_and_stores_nothing(coordinator_client,
                                                                     people):
    contact = people["quiet"]
    _form, data = rendered_form(coordinator_client.get(meeting_url(contact)).content.decode(),
                                "form.br-coordination-meeting")
    data.pop("touchpoints")
    response = coordinator_client.post(meeting_url(contact), data)
    assert response.status_code == 200
    assert "Nævn mindst én kommunal enhed" in response.content.decode()
    assert not contact.activities.filter(date=helpers.today()).exists()


def test_meeting_form_with_an_ended_unit_says_it_is_no_longer_valid(coordinator_client, people,
                                                                    units):
    contact = people["ended"]
    _form, data = rendered_form(coordinator_client.get(meeting_url(contact)).content.decode(),
                                "form.br-coordination-meeting")
    assert len(data["touchpoints"]) == 1  # only the current one is ticked
    data["touchpoints"] = [str(t.pk) for t in contact.touchpoints.all()]
    html = coordinator_client.post(meeting_url(contact), data).content.decode()
    assert "er ikke længere gyldig" in html
    assert not contact.activities.exists()


def test_meeting_form_with_another_contacts_unit_or_rubbish_gives_a_message(coordinator_client,
                                                                            people):
    contact = people["quiet"]
    _form, data = rendered_form(coordinator_client.get(meeting_url(contact)).content.decode(),
                                "form.br-coordination-meeting")
    for value in ([str(people["recent"].touchpoints.first().pk)], ["abc"]):
        data["touchpoints"] = value
        response = coordinator_client.post(meeting_url(contact), data)
        assert response.status_code == 200
        assert "Vælg blandt kontaktens enheder." in response.content.decode()


def test_meeting_form_refuses_a_follow_up_before_the_meeting(coordinator_client, people):
    contact = people["quiet"]
    _form, data = rendered_form(coordinator_client.get(meeting_url(contact)).content.decode(),
                                "form.br-coordination-meeting")
    data["follow_up"] = [(helpers.today() - datetime.timedelta(days=1)).isoformat()]
    html = coordinator_client.post(meeting_url(contact), data).content.decode()
    assert "Opfølgningsdatoen kan ikke ligge før mødet." in html


def test_per_unit_view_lists_the_units_veterans_and_exports_counts_only(
        coordinator_client, people, units, veteran_coordinator):
    html = coordinator_client.get(unit_url(units["job"])).content.decode()
    for name in ("Jens Mikkelsen", "Lars Poulsen", "Kim Andersen", "Søren Jørgensen"):
        assert name in html
    assert "Niels Frandsen" not in html  # not active
    export = coordinator_client.get(unit_url(units["job"]), {"export": "csv"})
    text = export.content.decode("utf-8-sig")
    assert export["Content-Type"].startswith("text/csv")
    assert "Jens" not in text and "VK-" not in text
    assert "Jobcenter Stevns;4;2;1" in text
    exported = helpers.logs(audit.EXPORT, user=veteran_coordinator)
    assert exported.count() == 1 and exported.get().object_id == "coordination"


def test_per_unit_export_carries_names_only_when_the_coordinator_ticks_it(
        coordinator_client, people, units, veteran_coordinator):
    html = coordinator_client.get(unit_url(units["job"])).content.decode()
    form, data = rendered_form(html, "main form[method=get]")
    assert "names" not in data  # unticked by default
    data["names"] = ["1"]
    text = coordinator_client.get(unit_url(units["job"]), data).content.decode("utf-8-sig")
    assert "Jens Mikkelsen" in text and people["quiet"].reference in text
    assert helpers.logs(audit.EXPORT, user=veteran_coordinator).count() == 4


def test_units_view_counts_and_exports_counts(coordinator_client, people):
    html = coordinator_client.get(UNITS).content.decode()
    assert "Jobcenter Stevns" in html and "Jens" not in html
    text = coordinator_client.get(UNITS, {"export": "csv"}).content.decode("utf-8-sig")
    assert "Bolig;2;2;1" in text and "Jens" not in text


def test_an_unknown_unit_or_contact_is_404(coordinator_client, people):
    assert coordinator_client.get(reverse("borgerraadgiver_veterans_coordination_unit",
                                          args=[99999])).status_code == 404
    assert coordinator_client.get(reverse("borgerraadgiver_veterans_coordination_meeting",
                                          args=[99999])).status_code == 404


@pytest.mark.parametrize("url", [OVERVIEW, UNITS])
def test_the_advisor_without_the_registry_is_refused_and_logged(client, advisor, people, url):
    client.force_login(advisor)
    response = client.get(url)
    assert response.status_code == 403
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=advisor).exists()


def test_the_advisor_cannot_log_a_meeting_or_open_a_unit(client, advisor, people, units):
    client.force_login(advisor)
    assert client.get(meeting_url(people["quiet"])).status_code == 403
    assert client.post(meeting_url(people["quiet"]), {}).status_code == 403
    assert client.get(unit_url(units["job"])).status_code == 403
    assert not people["quiet"].activities.filter(date=helpers.today()).exists()


# Touchpoint next steps.

def test_a_touchpoint_next_step_due_shows_in_the_dashboard_panel(coordinator_client, people,
                                                                 units):
    touchpoint = people["single"].touchpoints.get()
    touchpoint.next_step = "Ring om praktikplads"
    touchpoint.next_step_on = helpers.today() + datetime.timedelta(days=2)
    touchpoint.save()
    later = people["recent"].touchpoints.first()
    later.next_step, later.next_step_on = "Senere", helpers.today() + datetime.timedelta(days=30)
    later.save()
    html = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 næste skridt med en enhed forfalder inden for en uge" in html
    assert "Jobcenter Stevns: Ring om praktikplads" in html and "Senere" not in html


def test_the_contact_form_takes_a_next_step_and_refuses_an_end_before_the_start(
        coordinator_client, units):
    contact = VeteranContactFactory(name="Lars Poulsen")
    response = coordinator_client.get(helpers.url("veterancontact", "edit", contact.pk))
    assert "touchpoints-__prefix__-next_step" in response.content.decode()
    consents = [{"id": str(c.pk), "scope": c.scope, "parties": "", "given_on": str(c.given_on),
                 "channel": c.channel, "withdrawn_on": "", "renew_by": str(c.renew_by)}
                for c in contact.consents.all()]
    row = {"area": str(units["job"].pk), "unit": "", "contact_person": "Pia",
           "since": str(helpers.today()), "next_step": "Møde om praktik",
           "next_step_on": str(helpers.today())}
    bad = helpers.contact_form(consents=consents, initial_consents=len(consents), touchpoints=[
        {**row, "until": str(helpers.today() - datetime.timedelta(days=1))}])
    response = coordinator_client.post(helpers.url("veterancontact", "edit", contact.pk), bad)
    assert response.status_code == 200
    assert "Slutdatoen skal ligge efter startdatoen." in response.content.decode()
    assert not contact.touchpoints.exists()
    good = helpers.contact_form(consents=consents, initial_consents=len(consents),
                                touchpoints=[{**row, "until": ""}])
    response = coordinator_client.post(helpers.url("veterancontact", "edit", contact.pk), good)
    assert response.status_code == 302
    assert contact.touchpoints.get().next_step == "Møde om praktik"


# Personal data: anonymisation and the access request reach the new texts.

def test_anonymisation_clears_next_steps_and_keeps_the_meeting_counted(people, units):
    contact = people["quiet"]
    touchpoint = contact.touchpoints.first()
    MunicipalTouchpoint.objects.filter(pk=touchpoint.pk).update(
        next_step="Ring til Jens' søster", next_step_on=helpers.today())
    activity = meeting(contact, 1, [touchpoint])
    anonymise(contact)
    touchpoint.refresh_from_db()
    assert (touchpoint.next_step, touchpoint.next_step_on) == ("", None)
    activity.refresh_from_db()
    assert activity.kind == "COORDINATION_MEETING" and activity.touchpoints.count() == 1


def test_the_access_request_finds_a_next_step_text(people):
    touchpoint = people["single"].touchpoints.first()
    MunicipalTouchpoint.objects.filter(pk=touchpoint.pk).update(next_step="Hjælp Birthe Skov")
    records = VeteranSource().find("Birthe Skov")
    assert [record.reference for record in records] == [people["single"].reference]
    assert any("Hjælp Birthe Skov" in value for _h, rows in records[0].entries
               for _label, value in rows)
