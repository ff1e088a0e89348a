"""Setup seeds the partners and need areas; the demo builds the registry and /veteraner/."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from borgerraadgiver_plugin.cases import letters
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, STAFF_GROUP, VETERAN_GROUP
from borgerraadgiver_plugin.veterans import coordination
from borgerraadgiver_plugin.veterans.models import (
    ExternalPartner,
    MunicipalTouchpoint,
    NeedArea,
    PartnerReferral,
    VeteranActivity,
    VeteranContact,
    VeteranContactPage,
)

pytestmark = pytest.mark.django_db


def test_setup_seeds_partners_with_phone_and_website(groups):
    centre = ExternalPartner.objects.get(code="VETERANCENTRET")
    assert centre.phone == "72 81 97 00" and centre.website.startswith("https://")
    names = set(ExternalPartner.objects.values_list("name", flat=True))
    assert {"Soldaterlegatet", "Fonden Danske Veteranhjem", "KFUM's Soldatermission",
            "Familienetværket Den gule Sløjfe"} <= names
    assert NeedArea.objects.count() == 8


def test_setup_is_idempotent_and_keeps_edits(groups):
    ExternalPartner.objects.filter(code="VETERANCENTRET").update(phone="11 11 11 11")
    call_command("borgerraadgiver_setup", verbosity=0)
    assert ExternalPartner.objects.filter(code="VETERANCENTRET").get().phone == "11 11 11 11"
    assert ExternalPartner.objects.filter(name="Veterancentret").count() == 1


def test_only_the_coordinator_group_gets_registry_permissions(groups):
    def codenames(name):
        return set(Group.objects.get(name=name).permissions
                   .filter(content_type__app_label="borgerraadgiver_veterans")
                   .values_list("codename", flat=True))

    assert "view_veterancontact" in codenames(VETERAN_GROUP)
    assert codenames(ADVISOR_GROUP) == set()
    assert codenames(STAFF_GROUP) == set()


def test_demo_builds_registry_and_request_page(groups, home, client):
    call_command("borgerraadgiver_demo", verbosity=0)
    assert 25 <= VeteranContact.objects.count() <= 35
    assert VeteranContact.objects.filter(role="RELATIVE").count() >= 5
    assert VeteranActivity.objects.exists() and PartnerReferral.objects.exists()
    page = VeteranContactPage.objects.get(slug="veteraner")
    assert page.url == "/veteraner/"
    response = client.get("/veteraner/")
    assert response.status_code == 200 and b'name="consent"' in response.content
    count = VeteranContact.objects.count()
    call_command("borgerraadgiver_demo", verbosity=0)
    assert VeteranContact.objects.count() == count


def test_demo_has_veterans_in_several_units_one_without_coordination_for_ten_weeks(
        groups, home):
    call_command("borgerraadgiver_demo", verbosity=0)
    several = {contact.name: contact for contact in coordination.needing_coordination(
        quiet_weeks=0)}
    assert {"Jens Mikkelsen", "Lars Poulsen"} <= set(several)
    assert several["Jens Mikkelsen"].unit_count == 3
    assert [contact.name for contact in coordination.needing_coordination()
            if contact.last_coordination] == ["Jens Mikkelsen"]  # ten weeks ago
    assert several["Jens Mikkelsen"].last_coordination == timezone.localdate() - (
        datetime.timedelta(weeks=10))
    assert MunicipalTouchpoint.objects.exclude(next_step="").count() >= 2


def test_demo_has_cases_with_a_valid_and_an_expired_power_of_attorney(groups, home):
    call_command("borgerraadgiver_demo", verbosity=0)
    states = [case.representative_may_be_told() for case in Case.objects.filter(
        representative__poa_valid_until__isnull=False)]
    assert True in states and False in states
    expired = Case.objects.get(representative__poa_valid_until=timezone.localdate()
                               - datetime.timedelta(days=1))
    assert expired.power_of_attorney().expired
    assert not Case.objects.filter(requester_role="REPRESENTATIVE",
                                   representative__isnull=True).exists()


def test_demo_representatives_with_a_power_of_attorney_can_be_written_to(groups, home):
    """Both demo cases that show the power of attorney have the representative's address, so
    the letter form can send to one and refuse (without a reason) the other."""
    call_command("borgerraadgiver_demo", verbosity=0)
    cases = list(Case.objects.filter(representative__poa_valid_until__isnull=False))
    assert len(cases) == 2
    for case in cases:
        name, address = letters.addressee(case, letters.REPRESENTATIVE)
        assert name == case.representative.name and "\n" in address
    refused = [case for case in cases if not case.representative_may_be_told()]
    with pytest.raises(letters.WorkflowRefused):
        letters.may_write_to(refused[0], letters.REPRESENTATIVE)
