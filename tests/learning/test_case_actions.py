"""Learning puts "Add recommendation" on a case through the cases' hook; cases work without it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail import hooks

from borgerraadgiver_plugin.cases.views.inspect import CASE_ACTIONS_HOOK
from borgerraadgiver_plugin.choices import CaseStatus
from tests.cases.admin_helpers import url
from tests.cases.rendered_form import rendered_form
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db


def step_links(client, case):
    """The buttons under "Næste skridt" on the case's page, as ``{label: href}``."""
    response = client.get(url("inspect", case.pk))
    assert response.status_code == 200
    section = BeautifulSoup(response.content.decode(), "html.parser").select_one(
        'section[aria-labelledby="case-steps"]')
    return {link.get_text(strip=True): link["href"] for link in section.select("a")}


def test_the_add_recommendation_button_opens_a_recommendation_of_the_case(advisor_client):
    case = CaseFactory(status=CaseStatus.OPEN)

    link = step_links(advisor_client, case)["Tilføj anbefaling"]
    response = advisor_client.get(link)

    assert response.status_code == 200
    _form, data = rendered_form(response.content.decode(), "form[method=post]")
    assert data["source_case"] == [str(case.pk)]
    assert data["area"] == [str(case.area_id)]
    assert data["source"] == ["CASE"]


def test_a_user_who_may_not_add_recommendations_gets_no_button(client, groups):
    group = Group.objects.create(name="Kun sager")
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          *Permission.objects.filter(content_type__app_label="borgerraadgiver_cases"))
    user = get_user_model().objects.create_user(username="sager", password="pw")
    user.groups.add(group)
    client.force_login(user)
    case = CaseFactory(status=CaseStatus.OPEN)

    links = step_links(client, case)

    assert "Tilføj anbefaling" not in links
    assert "Visitation" in links


def test_without_any_registered_action_the_case_page_shows_its_own_steps(advisor_client,
                                                                        monkeypatch):
    own_hooks = hooks.get_hooks
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [] if name == CASE_ACTIONS_HOOK
                        else own_hooks(name))
    case = CaseFactory(status=CaseStatus.OPEN)

    links = step_links(advisor_client, case)

    assert "Tilføj anbefaling" not in links
    assert "Visitation" in links


def test_a_part_that_adds_nothing_for_a_case_breaks_nothing(advisor_client):
    case = CaseFactory(status=CaseStatus.OPEN)
    with hooks.register_temporarily(CASE_ACTIONS_HOOK, lambda case, user: None):
        links = step_links(advisor_client, case)
    assert "Tilføj anbefaling" in links and "Visitation" in links
