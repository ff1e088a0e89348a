"""The activity log's own form (wagtail-modeladmin) logs a coordination meeting only with the
units that took part, each still valid, like the coordination screen: the same rule
(:func:`~borgerraadgiver_plugin.veterans.meetings.check_meeting_units`) answers on both.
Forms are sent as rendered."""

import datetime

import pytest
from django.utils import translation

from borgerraadgiver_plugin import dates
from borgerraadgiver_plugin.veterans.models import MunicipalTouchpoint, VeteranActivity
from tests.cases.rendered_form import rendered_form
from tests.factories import AreaFactory, VeteranContactFactory
from tests.veterans import helpers

pytestmark = pytest.mark.django_db

CREATE = helpers.url("veteranactivity", "create")
NO_UNIT = "Nævn mindst én kommunal enhed, der deltog i mødet."


@pytest.fixture
def contact(groups):
    return VeteranContactFactory(name="Jens Hansen")


@pytest.fixture
def jobcenter(contact):
    return MunicipalTouchpoint.objects.create(
        contact=contact, area=AreaFactory(name="Jobcenter Stevns"),
        since=helpers.in_days(-100))


def form_for(client, contact, kind="COORDINATION_MEETING"):
    """The form the contact's "Log a coordination meeting" link opens, as rendered."""
    response = client.get(f"{CREATE}?contact={contact.pk}&kind={kind}")
    assert response.status_code == 200
    html = response.content.decode()
    return html, rendered_form(html, f'form[action="{CREATE}"]')[1]


def post(client, data):
    return client.post(CREATE, data)


def test_a_coordination_meeting_naming_no_unit_is_refused_and_nothing_stored(
        coordinator_client, contact, jobcenter):
    html, data = form_for(coordinator_client, contact)
    assert "Jobcenter Stevns" in html  # the contact's units are offered
    assert data["kind"] == ["COORDINATION_MEETING"] and "touchpoints" not in data
    data.update(participants=["Jobcenter"], note=["Plan aftalt"])
    response = post(coordinator_client, data)
    assert response.status_code == 200
    assert NO_UNIT in response.content.decode()
    assert not VeteranActivity.objects.exists()


def test_a_coordination_meeting_naming_its_unit_is_logged_with_it(coordinator_client, contact,
                                                                  jobcenter):
    _, data = form_for(coordinator_client, contact)
    data.update(touchpoints=[str(jobcenter.pk)], note=["Plan aftalt"])
    response = post(coordinator_client, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    activity = VeteranActivity.objects.get()
    assert list(activity.touchpoints.all()) == [jobcenter]


def test_a_unit_no_longer_valid_is_refused_with_its_end_date(coordinator_client, contact,
                                                             jobcenter):
    ended = MunicipalTouchpoint.objects.create(
        contact=contact, area=AreaFactory(name="Bolig"), since=helpers.in_days(-100),
        until=helpers.in_days(-10))
    _, data = form_for(coordinator_client, contact)
    data.update(touchpoints=[str(jobcenter.pk), str(ended.pk)])
    response = post(coordinator_client, data)
    assert response.status_code == 200
    with translation.override("da"):
        day = dates.show(helpers.in_days(-10))
    assert f"Bolig er ikke længere gyldig: den ophørte {day}." in response.content.decode()
    assert not VeteranActivity.objects.exists()


def test_a_unit_of_another_contact_is_refused(coordinator_client, contact, jobcenter):
    other = VeteranContactFactory(name="Lars Madsen")
    theirs = MunicipalTouchpoint.objects.create(contact=other, unit="Ydelseskontoret",
                                                since=helpers.in_days(-30))
    _, data = form_for(coordinator_client, contact)
    data.update(touchpoints=[str(theirs.pk)])
    response = post(coordinator_client, data)
    assert response.status_code == 200
    assert "Vælg blandt kontaktens enheder." in response.content.decode()
    assert not VeteranActivity.objects.exists()


def test_an_ordinary_contact_needs_no_unit(coordinator_client, contact):
    _, data = form_for(coordinator_client, contact, kind="CONTACT")
    data.update(note=["Ringede"])
    assert post(coordinator_client, data).status_code == 302
    assert VeteranActivity.objects.get().kind == "CONTACT"


def test_changing_an_activity_into_a_meeting_without_units_is_refused(coordinator_client,
                                                                      contact, jobcenter):
    activity = VeteranActivity.objects.create(contact=contact, kind="CONTACT",
                                              date=helpers.today() - datetime.timedelta(days=1))
    edit = helpers.url("veteranactivity", "edit", activity.pk)
    response = coordinator_client.get(edit)
    data = rendered_form(response.content.decode(), f'form[action="{edit}"]')[1]
    data["kind"] = ["COORDINATION_MEETING"]
    response = coordinator_client.post(edit, data)
    assert response.status_code == 200
    assert NO_UNIT in response.content.decode()
    activity.refresh_from_db()
    assert activity.kind == "CONTACT"
