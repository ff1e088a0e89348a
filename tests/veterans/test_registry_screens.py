"""The coordinator's screens: index with filters, search and export; inspect; create/edit."""

import csv
import io
import unicodedata

import pytest

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.veterans.choices import ConsentScope, ContactRole, Relation
from borgerraadgiver_plugin.veterans.models import (
    MunicipalTouchpoint,
    NeedArea,
    VeteranConsent,
    VeteranContact,
)
from tests.factories import (
    AreaFactory,
    PartnerReferralFactory,
    VeteranActivityFactory,
    VeteranContactFactory,
)

from . import helpers

pytestmark = pytest.mark.django_db

INDEX = "veterancontact"


def index(client, query=""):
    response = client.get(helpers.url(INDEX, "index") + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def people(groups):
    jens = VeteranContactFactory(name="Jens Mikkelsen", phone="11 22 33 44",
                                 next_follow_up=helpers.in_days(-2))
    lars = VeteranContactFactory(name="Lars Poulsen", phone="55 66 77 88",
                                 next_follow_up=helpers.in_days(30))
    kim = VeteranContactFactory(name="Kim Andersen", without_consent=True, phone="99 88 77 66")
    jens.need_areas.set([NeedArea.objects.get(code="HOUSING")])
    lars.need_areas.set([NeedArea.objects.get(code="EMPLOYMENT")])
    PartnerReferralFactory(contact=lars, partner=helpers.partner("FDV"))
    old = VeteranConsent.objects.get(contact=lars)
    old.renew_by = helpers.in_days(10)
    old.save()
    return {"jens": jens, "lars": lars, "kim": kim}


def test_index_lists_contacts_with_consent_state(coordinator_client, people):
    html = index(coordinator_client)
    for name in ("Jens Mikkelsen", "Lars Poulsen", "Kim Andersen"):
        assert name in html
    assert "Intet samtykke til registrering" in html
    assert "Samtykke skal fornys" in html


@pytest.mark.parametrize(("query", "present", "absent"), [
    ("?q=Jens", ["Jens"], ["Lars Poulsen", "Kim Andersen"]),
    ("?q=55+66", ["Lars Poulsen"], ["Jens Mikkelsen"]),
    ("?follow_up=overdue", ["Jens Mikkelsen"], ["Lars Poulsen", "Kim Andersen"]),
    ("?follow_up=week", ["Jens Mikkelsen"], ["Lars Poulsen"]),
    ("?consent=none", ["Kim Andersen"], ["Jens Mikkelsen", "Lars Poulsen"]),
    ("?consent=renewal", ["Lars Poulsen"], ["Jens Mikkelsen", "Kim Andersen"]),
    ("?consent=valid", ["Jens Mikkelsen", "Lars Poulsen"], ["Kim Andersen"]),
])
def test_index_filters_and_search(coordinator_client, people, query, present, absent):
    html = index(coordinator_client, query)
    for name in present:
        assert name in html, query
    for name in absent:
        assert f">{name}<" not in html and f"{name}</a>" not in html, query


def test_index_filters_by_need_area_and_partner(coordinator_client, people):
    housing = NeedArea.objects.get(code="HOUSING")
    html = index(coordinator_client, f"?need_areas__id__exact={housing.pk}")
    assert "Jens Mikkelsen" in html and "Lars Poulsen</a>" not in html
    html = index(coordinator_client, f"?partner={helpers.partner('FDV').pk}")
    assert "Lars Poulsen" in html and "Jens Mikkelsen</a>" not in html


def test_csv_export_has_no_situation_notes_and_is_audited(coordinator_client, people,
                                                          veteran_coordinator):
    people["jens"].situation_note = "Hemmelig situation"
    people["jens"].save()
    response = coordinator_client.get(helpers.url(INDEX, "index") + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 4
    assert "Hemmelig" not in text
    assert "Jens Mikkelsen" in text and people["jens"].reference in text
    assert helpers.logs(audit.EXPORT, user=veteran_coordinator).count() == 3


def test_filtered_export_logs_only_exported_rows(coordinator_client, people,
                                                 veteran_coordinator):
    response = coordinator_client.get(helpers.url(INDEX, "index") + "?consent=none&export=csv")
    text = b"".join(response.streaming_content).decode()
    assert "Kim Andersen" in text and "Jens" not in text
    exported = helpers.logs(audit.EXPORT, user=veteran_coordinator)
    assert list(exported.values_list("object_id", flat=True)) == [str(people["kim"].pk)]


def test_inspect_shows_the_whole_person_and_is_audited(coordinator_client, people,
                                                       veteran_coordinator):
    jens = people["jens"]
    relative = VeteranContactFactory(name="Louise Mikkelsen", role=ContactRole.RELATIVE,
                                     veteran=jens, relation=Relation.PARTNER)
    area = AreaFactory(committee="", name="Jobcenter Stevns")
    MunicipalTouchpoint.objects.create(contact=jens, area=area, contact_person="Bente Sagsbeh.")
    VeteranActivityFactory(contact=jens, kind="COORDINATION_MEETING",
                           participants="Jobcenter, Veterancentret", note="Aftalt plan")
    PartnerReferralFactory(contact=jens, partner=helpers.partner())
    response = coordinator_client.get(helpers.url(INDEX, "inspect", jens.pk))
    html = response.content.decode()
    for text in ("Jens Mikkelsen", "Louise Mikkelsen", "Samtykke givet", "Jobcenter Stevns",
                 "Bente Sagsbeh.", "Koordineringsmøde", "Aftalt plan", "Veterancentret", "Bolig",
                 "Registrér et koordineringsmøde", "Henvis til en samarbejdspartner"):
        assert text in html, text
    assert helpers.logs(audit.VIEW, user=veteran_coordinator, object_id=str(jens.pk)).exists()
    # The relative's page links back to the veteran.
    html = coordinator_client.get(helpers.url(INDEX, "inspect", relative.pk)).content.decode()
    assert "Jens Mikkelsen" in html and "partner eller ægtefælle" in html.lower()


def test_edit_view_read_is_audited(coordinator_client, people, veteran_coordinator):
    coordinator_client.get(helpers.url(INDEX, "edit", people["lars"].pk))
    assert helpers.logs(audit.VIEW, user=veteran_coordinator,
                        object_id=str(people["lars"].pk)).exists()


def test_create_contact_with_inline_consent_touchpoint_and_need_areas(coordinator_client,
                                                                      groups):
    area = AreaFactory(committee="", name="Center for Sundhed & Omsorg")
    needs = [str(pk) for pk in NeedArea.objects.filter(code__in=["HOUSING", "HEALTH"])
             .values_list("pk", flat=True)]
    data = helpers.contact_form(
        need_areas=needs,
        consents=[helpers.consent_row(),
                  helpers.consent_row(ConsentScope.MUNICIPAL_UNITS, parties="Jobcenter")],
        touchpoints=[{"area": str(area.pk), "unit": "", "contact_person": "Ole",
                      "since": "", "until": ""}])
    response = coordinator_client.post(helpers.url(INDEX, "create"), data)
    assert response.status_code == 302
    contact = VeteranContact.objects.get()
    assert response["Location"] == helpers.url(INDEX, "inspect", contact.pk)
    assert contact.consents.count() == 2 and contact.touchpoints.count() == 1
    assert sorted(contact.need_areas.values_list("code", flat=True)) == ["HEALTH", "HOUSING"]
    assert helpers.logs("wagtail.create", object_id=str(contact.pk)).exists()


def test_unit_consent_without_named_units_is_refused(coordinator_client, groups):
    data = helpers.contact_form(consents=[helpers.consent_row(ConsentScope.MUNICIPAL_UNITS)])
    response = coordinator_client.post(helpers.url(INDEX, "create"), data)
    assert response.status_code == 200
    assert "Angiv de enheder eller samarbejdspartnere" in response.content.decode()
    assert not VeteranContact.objects.exists()


def test_edit_contact_and_delete(coordinator_client, people):
    lars = people["lars"]
    data = helpers.contact_form(name="Lars Poulsen", phone="55 66 77 88", active="",
                                consents=helpers.existing_consents(lars),
                                initial_consents=lars.consents.count())
    response = coordinator_client.post(helpers.url(INDEX, "edit", lars.pk), data)
    assert response.status_code == 302
    lars.refresh_from_db()
    assert lars.active is False
    response = coordinator_client.post(helpers.url(INDEX, "delete", people["kim"].pk))
    assert response.status_code == 302
    assert not VeteranContact.objects.filter(pk=people["kim"].pk).exists()


def test_partner_and_need_area_screens(coordinator_client, groups):
    html = coordinator_client.get(helpers.url("externalpartner", "index")).content.decode()
    assert "Veterancentret" in html and "72 81 97 00" in html
    html = coordinator_client.get(helpers.url("needarea", "index")).content.decode()
    assert "Beskæftigelse" in html


def test_xlsx_export_is_audited_too(coordinator_client, people, veteran_coordinator):
    response = coordinator_client.get(helpers.url(INDEX, "index") + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert helpers.logs(audit.EXPORT, user=veteran_coordinator).count() == 3


def test_unknown_record_is_404_for_the_coordinator(coordinator_client, groups):
    assert coordinator_client.get(helpers.url(INDEX, "inspect", 424242)).status_code == 404
    assert coordinator_client.get(helpers.url(INDEX, "edit", "not-a-number")).status_code == 404


def test_a_name_typed_decomposed_in_the_registry_is_stored_composed(coordinator_client, groups):
    """As on the request page (issue 11): the normal spelling finds the contact."""
    data = helpers.contact_form(name=unicodedata.normalize("NFD", "Åse Lindé"),
                                consents=[helpers.consent_row()])
    assert coordinator_client.post(helpers.url(INDEX, "create"), data).status_code == 302
    assert VeteranContact.objects.filter(name="Åse Lindé").exists()
