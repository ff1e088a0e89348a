"""A refusal is a Danish 403 page with a way back: the admin's navigation for a user with
admin access, the site's own layout and a link to the front page for anyone else."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

CASES = "borgerraadgiver_cases_case:list"
CONTACTS = "borgerraadgiver_veterans_veterancontact_modeladmin_index"


def refused(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 403
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "da"
    assert page.h1.get_text(strip=True) == "Ingen adgang"
    assert "Forbidden" not in page.get_text()
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=user).exists()
    return page


def test_staff_get_the_sites_page_with_a_link_to_the_front_page(client, staff_member):
    page = refused(client, staff_member, reverse(CASES))
    assert page.find("a", string="Gå til forsiden")["href"] == "/"
    assert page.find(id="wagtail-sidebar") is None


def test_an_admin_user_keeps_the_admin_navigation(client, veteran_coordinator):
    page = refused(client, veteran_coordinator, reverse(CASES))
    assert page.find(id="wagtail-sidebar") is not None
    assert page.find("a", string="Gå til oversigten")["href"] == reverse("wagtailadmin_home")


def test_the_case_guard_refuses_in_danish(client, veteran_coordinator):
    case = CaseFactory()
    refused(client, veteran_coordinator,
            reverse("borgerraadgiver_cases_case:inspect", args=[case.pk]))


def test_the_veteran_registry_refuses_in_danish(client, advisor):
    refused(client, advisor, reverse(CONTACTS))
