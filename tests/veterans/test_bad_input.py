"""Each bad input of the issue, through the admin screens as the coordinator. Never a 500,
a clear message, nothing half-stored."""

import pytest

from borgerraadgiver_plugin.veterans.choices import ContactRole, Relation
from borgerraadgiver_plugin.veterans.models import VeteranActivity, VeteranContact
from tests.factories import VeteranContactFactory

from . import helpers

pytestmark = pytest.mark.django_db



def create_contact(client, **fields):
    return client.post(helpers.url("veterancontact", "create"),
                       helpers.contact_form(consents=[helpers.consent_row()], **fields))


def test_relative_linked_to_another_relative_is_refused(coordinator_client, contact):
    relative = VeteranContactFactory(name="Louise Mikkelsen", role=ContactRole.RELATIVE,
                                     veteran=contact, relation=Relation.PARTNER)
    response = create_contact(coordinator_client, name="Emma Mikkelsen",
                              role=ContactRole.RELATIVE, veteran=str(relative.pk),
                              relation=Relation.CHILD)
    assert response.status_code == 200
    assert "kun knyttes til en veteran" in response.content.decode()
    assert not VeteranContact.objects.filter(name="Emma Mikkelsen").exists()


def test_relative_linked_to_themself_is_refused(coordinator_client, contact):
    relative = VeteranContactFactory(name="Louise Mikkelsen", role=ContactRole.RELATIVE,
                                     veteran=contact, relation=Relation.PARTNER)
    data = helpers.contact_form(
        name="Louise Mikkelsen", role=ContactRole.RELATIVE, veteran=str(relative.pk),
        relation=Relation.PARTNER, consents=helpers.existing_consents(relative),
        initial_consents=relative.consents.count())
    response = coordinator_client.post(helpers.url("veterancontact", "edit", relative.pk), data)
    assert response.status_code == 200
    assert "ikke knyttes til sig selv" in response.content.decode()
    relative.refresh_from_db()
    assert relative.veteran_id == contact.pk


def test_relative_without_a_registered_veteran_is_allowed(coordinator_client, groups):
    # The veteran need not be in the registry; only a wrong link is refused.
    response = create_contact(coordinator_client, name="Hanne Poulsen",
                              role=ContactRole.RELATIVE, relation=Relation.PARTNER)
    assert response.status_code == 302
    assert VeteranContact.objects.get().veteran is None


def test_relative_without_relation_is_refused(coordinator_client, contact):
    response = create_contact(coordinator_client, name="Hanne Poulsen",
                              role=ContactRole.RELATIVE, veteran=str(contact.pk))
    assert response.status_code == 200
    assert "Angiv, hvordan den pårørende er i familie" in response.content.decode()
    assert not VeteranContact.objects.filter(name="Hanne Poulsen").exists()


def test_veteran_linked_to_a_veteran_is_refused(coordinator_client, contact):
    response = create_contact(coordinator_client, name="Lars Poulsen", veteran=str(contact.pk))
    assert response.status_code == 200
    assert "Kun en pårørende knyttes til en veteran" in response.content.decode()


def test_consent_withdrawn_before_it_was_given_is_refused(coordinator_client, groups):
    response = create_contact(coordinator_client, name="Kim Andersen")  # baseline works
    assert response.status_code == 302
    response = coordinator_client.post(
        helpers.url("veterancontact", "create"),
        helpers.contact_form(name="Lars Poulsen", consents=[helpers.consent_row(
            given_on=helpers.in_days(-10), withdrawn_on=helpers.in_days(-20))]))
    assert response.status_code == 200
    assert "trækkes tilbage, før det blev givet" in response.content.decode()
    assert not VeteranContact.objects.filter(name="Lars Poulsen").exists()


def test_malformed_phone_is_refused(coordinator_client, groups):
    response = create_contact(coordinator_client, phone="12ab")
    assert response.status_code == 200
    assert "telefonnummer på 8 til 15 cifre" in response.content.decode()
    assert not VeteranContact.objects.exists()


def test_malformed_email_is_refused(coordinator_client, groups):
    response = create_contact(coordinator_client, email="lars@@example")
    assert response.status_code == 200
    assert "gyldig e-mail-adresse" in response.content.decode()
    assert not VeteranContact.objects.exists()


def test_contact_without_phone_or_email_is_refused(coordinator_client, groups):
    response = create_contact(coordinator_client, phone="", email="")
    assert response.status_code == 200
    assert "telefonnummer eller en e-mailadresse" in response.content.decode()


def test_cpr_number_in_situation_note_is_refused(coordinator_client, groups):
    response = create_contact(coordinator_client, situation_note="CPR 010190-1234, ring")
    assert response.status_code == 200
    assert "ligner et CPR-nummer" in response.content.decode()
    assert not VeteranContact.objects.exists()


def test_cpr_number_in_activity_note_is_refused(coordinator_client, contact):
    response = coordinator_client.post(helpers.url("veteranactivity", "create"), {
        "contact": contact.pk, "kind": "CONTACT", "date": str(helpers.today()),
        "participants": "", "note": "Hans cpr er 0101901234", "follow_up": ""})
    assert response.status_code == 200
    assert "ligner et CPR-nummer" in response.content.decode()
    assert not VeteranActivity.objects.exists()


def test_follow_up_date_in_the_past_on_create_warns_but_saves(coordinator_client, groups):
    past = helpers.in_days(-3)
    response = create_contact(coordinator_client, next_follow_up=str(past))
    assert response.status_code == 302
    contact = VeteranContact.objects.get()
    assert contact.next_follow_up == past
    page = coordinator_client.get(response["Location"]).content.decode()
    assert f"Opfølgningsdatoen {past:%d-%m-%Y} ligger i fortiden" in page


def test_follow_up_date_in_the_future_gives_no_warning(coordinator_client, groups):
    response = create_contact(coordinator_client, next_follow_up=str(helpers.in_days(3)))
    page = coordinator_client.get(response["Location"]).content.decode()
    assert "ligger i fortiden" not in page


def test_unknown_contact_in_activity_form_is_a_form_error(coordinator_client, groups):
    response = coordinator_client.post(helpers.url("veteranactivity", "create"), {
        "contact": "999999", "kind": "NOT_A_KIND", "date": "31-02-2026"})
    assert response.status_code == 200
    assert not VeteranActivity.objects.exists()


def test_garbage_filter_values_do_not_break_the_index(coordinator_client, contact):
    for query in ("?consent=nonsense", "?follow_up=x", "?partner=abc", "?need_areas__id__exact=x",
                  "?p=999", "?o=zz"):
        response = coordinator_client.get(helpers.url("veterancontact", "index") + query)
        assert response.status_code in (200, 302), query
