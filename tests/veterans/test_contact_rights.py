"""Erasure on request and restriction of a veteran contact through the coordinator's screens
(SQLite and PostgreSQL): the rendered forms, what the coordinator then sees, the refusals."""

import datetime

import pytest
from django.urls import reverse

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.veterans.models import VeteranActivity, VeteranContact
from tests.cases.rendered_form import form_data
from tests.factories import VeteranActivityFactory, VeteranContactFactory

from . import helpers

pytestmark = pytest.mark.django_db


def rights_url(contact, step):
    return reverse("borgerraadgiver_veterans_rights", args=[contact.pk, step])


def submit(client, contact, step, **answers):
    data = form_data(client, rights_url(contact, step))
    data.update({name: [value] for name, value in answers.items()})
    return client.post(rights_url(contact, step), data, follow=True)


def test_the_coordinator_erases_a_contact_on_request(coordinator_client, veteran_coordinator,
                                                     contact):
    VeteranActivityFactory(contact=contact, note="Talte med Jens om boligen")
    inspect = coordinator_client.get(helpers.url("veterancontact", "inspect", contact.pk))
    assert rights_url(contact, "erase") in inspect.content.decode()
    page = coordinator_client.get(rights_url(contact, "erase")).content.decode()
    assert "kan ikke fortrydes" in page and "Hvad fjernes" in page

    response = submit(coordinator_client, contact, "erase", reason="Kontaktens anmodning",
                      confirm="on")

    assert response.status_code == 200
    erased = VeteranContact.objects.get(pk=contact.pk)
    assert erased.erased_at and erased.erased_by == veteran_coordinator
    assert "Jens Mikkelsen" not in response.content.decode()
    assert "Kontaktens anmodning" in response.content.decode()
    assert VeteranActivity.objects.filter(contact=contact).count() == 1  # still counted
    assert helpers.logs(audit.ERASE, user=veteran_coordinator,
                        object_id=str(contact.pk)).exists()


def test_erasing_a_contact_twice_or_a_missing_one_answers_without_a_500(coordinator_client,
                                                                         contact):
    submit(coordinator_client, contact, "erase", reason="Kontaktens anmodning", confirm="on")
    again = coordinator_client.post(rights_url(contact, "erase"),
                                    {"reason": "Igen", "confirm": "on"})
    assert again.status_code == 200 and "allerede anonymiseret" in again.content.decode()
    missing = coordinator_client.post(reverse("borgerraadgiver_veterans_rights",
                                              args=[999999, "erase"]), {"reason": "x"})
    assert missing.status_code == 404
    unknown_step = coordinator_client.get(reverse("borgerraadgiver_veterans_rights",
                                                  args=[contact.pk, "shred"]))
    assert unknown_step.status_code == 404


def test_the_advisor_without_registry_rights_is_refused_and_logged(client, advisor, contact):
    client.force_login(advisor)
    response = client.post(rights_url(contact, "erase"), {"reason": "x", "confirm": "on"})
    assert response.status_code == 403
    assert helpers.logs(audit.DENIED, user=advisor, object_id=str(contact.pk)).exists()
    assert VeteranContact.objects.get(pk=contact.pk).anonymised_at is None


def test_a_restricted_contact_leaves_the_registry_lists_until_lifted(coordinator_client,
                                                                     contact):
    other = VeteranContactFactory(name="Søren Lund")
    VeteranActivityFactory(contact=contact, note="Samtale")
    VeteranContact.objects.filter(pk=contact.pk).update(
        next_follow_up=datetime.date.today())

    response = submit(coordinator_client, contact, "restrict",
                      reason="Kontakten gør indsigelse")

    assert "Begrænset" in response.content.decode()  # its page opens, with the banner
    listing = coordinator_client.get(helpers.url("veterancontact", "index")).content.decode()
    assert "Jens Mikkelsen" not in listing and "Søren Lund" in listing
    assert "Jens Mikkelsen" not in coordinator_client.get(
        helpers.url("veteranactivity", "index")).content.decode()
    assert "Jens Mikkelsen" not in coordinator_client.get("/admin/").content.decode()
    assert other.pk

    submit(coordinator_client, contact, "lift-restriction", reason="Indsigelsen er afklaret")

    listing = coordinator_client.get(helpers.url("veterancontact", "index")).content.decode()
    assert "Jens Mikkelsen" in listing
    assert helpers.logs(audit.RESTRICTION_LIFTED, object_id=str(contact.pk)).exists()
