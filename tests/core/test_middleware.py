"""Staff without admin access are refused (403) and logged on every plugin admin URL."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.learning.models import Recommendation
from borgerraadgiver_plugin.models import Area
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def test_staff_are_refused_and_logged_on_a_case(client, staff_member):
    case = CaseFactory()
    client.force_login(staff_member)
    url = reverse("borgerraadgiver_cases_case:inspect", args=[case.pk])
    assert client.get(url).status_code == 403
    entry = ModelLogEntry.objects.get(action=audit.DENIED)
    assert entry.object_id == str(case.pk) and entry.user == staff_member


def test_staff_are_refused_on_a_learning_admin_screen(client, staff_member):
    client.force_login(staff_member)
    url = reverse("borgerraadgiver_learning_recommendation:list")
    assert client.get(url).status_code == 403
    entry = ModelLogEntry.objects.get(action=audit.DENIED)
    assert entry.content_type.model_class() is Recommendation


def test_staff_still_reach_their_own_pages_and_wagtails_other_admin_urls(client, staff_member):
    client.force_login(staff_member)
    assert client.get("/").status_code == 200
    # Wagtail's own admin door is untouched: it sends them to the login page.
    assert client.get("/admin/").status_code == 302
    assert not ModelLogEntry.objects.filter(action=audit.DENIED).exists()


def test_advisors_pass_through_to_the_parts_own_checks(advisor_client):
    assert advisor_client.get(
        reverse("borgerraadgiver_cases_case:list")).status_code == 200


def test_staff_are_refused_on_a_plugin_chooser_and_it_is_logged_against_its_model(
        client, staff_member):
    client.force_login(staff_member)
    assert client.get(reverse("borgerraadgiver_area_chooser:choose")).status_code == 403
    entry = ModelLogEntry.objects.get(action=audit.DENIED)
    assert entry.content_type.model_class() is Area


def test_a_plugin_screen_that_names_no_model_is_logged_against_the_user(client, staff_member):
    client.force_login(staff_member)
    assert client.get(reverse("borgerraadgiver_learning_reads")).status_code == 403
    entry = ModelLogEntry.objects.get(action=audit.DENIED)
    assert entry.object_id == str(staff_member.pk)
