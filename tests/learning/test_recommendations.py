"""Recommendations in the admin: declining needs a reason, every status change is kept."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from borgerraadgiver_plugin.choices import RecommendationStatus
from borgerraadgiver_plugin.learning.models import Recommendation, RecommendationStatusChange
from tests.cases.rendered_form import form_data
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "borgerraadgiver_learning_recommendation:add"
EDIT_URL = "borgerraadgiver_learning_recommendation:edit"
INSPECT_URL = "borgerraadgiver_learning_recommendation:inspect"
LIST_URL = "borgerraadgiver_learning_recommendation:list"


def form(client, recommendation=None, **changes):
    """What the add form (or the edit form of ``recommendation``) sends, with ``changes``."""
    url = reverse(EDIT_URL, args=[recommendation.pk]) if recommendation else reverse(ADD_URL)
    data = form_data(client, url)
    if recommendation is None:
        data.update(text=["Brug en skabelon til partshøring."], addressee=["Jobcentret"],
                    issued_on=["2026-01-10"])
    data.update({name: [value] for name, value in changes.items()})
    return data


def test_advisor_adds_a_recommendation_with_history(advisor_client, advisor, area):
    response = advisor_client.post(reverse(ADD_URL), form(advisor_client, area=area.pk))
    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    change = recommendation.status_changes.get()
    assert change.status == RecommendationStatus.PROPOSED
    assert change.changed_by == advisor


def test_status_change_is_recorded_in_history(advisor_client, advisor, recommendation):
    response = advisor_client.post(reverse(EDIT_URL, args=[recommendation.pk]),
                                   form(advisor_client, recommendation, status="ACCEPTED",
                                        response="Centret er enigt."))
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.ACCEPTED
    assert list(recommendation.status_changes.values_list("status", flat=True)) == ["ACCEPTED"]


def test_saving_without_status_change_adds_no_history(advisor_client, recommendation):
    url = reverse(EDIT_URL, args=[recommendation.pk])
    advisor_client.post(url, form(advisor_client, recommendation, status="ACCEPTED"))
    advisor_client.post(url, form(advisor_client, recommendation, status="ACCEPTED",
                                  response="Ny tekst"))
    assert recommendation.status_changes.count() == 1


def test_declining_a_recommendation_without_a_reason_is_refused(advisor_client,
                                                                recommendation):
    response = advisor_client.post(reverse(EDIT_URL, args=[recommendation.pk]),
                                   form(advisor_client, recommendation, status="DECLINED",
                                        decline_reason="   "))
    assert response.status_code == 200
    assert "decline_reason" in response.context["form"].errors
    recommendation.refresh_from_db()
    assert recommendation.status == RecommendationStatus.PROPOSED
    assert not RecommendationStatusChange.objects.exists()


def test_declining_with_a_reason_keeps_the_reason_in_history(advisor_client, recommendation):
    response = advisor_client.post(reverse(EDIT_URL, args=[recommendation.pk]),
                                   form(advisor_client, recommendation, status="DECLINED",
                                        decline_reason="Løses i det nye sagssystem."))
    assert response.status_code == 302
    change = recommendation.status_changes.get()
    assert change.status == RecommendationStatus.DECLINED
    assert change.comment == "Løses i det nye sagssystem."
    inspect = advisor_client.get(reverse(INSPECT_URL, args=[recommendation.pk]))
    assert "Løses i det nye sagssystem." in inspect.content.decode()


def test_advisor_sees_recommendation_listing(advisor_client, recommendation):
    response = advisor_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert recommendation.text in response.content.decode()


def test_staff_member_has_no_recommendation_admin(client, staff_member, recommendation):
    client.force_login(staff_member)
    assert client.get(reverse(LIST_URL)).status_code in (302, 403)


def test_add_view_prefills_the_source_case(advisor_client):
    case = CaseFactory()
    response = advisor_client.get(reverse(ADD_URL), {"source_case": case.pk})
    initial = response.context["form"].initial
    assert initial["source_case"] == case.pk
    assert initial["area"] == case.area_id
    assert initial["source"] == "CASE"


@pytest.mark.parametrize("value", ["abc", "-1", "1e3", "999999999", "", "٣", "1 OR 1=1",
                                   "9" * 40])
def test_add_view_ignores_a_malformed_or_unknown_source_case(advisor_client, value):
    response = advisor_client.get(reverse(ADD_URL), {"source_case": value})
    assert response.status_code == 200
    assert "source_case" not in response.context["form"].initial


def test_add_view_ignores_the_source_case_for_a_user_who_cannot_see_cases(client, groups):
    case = CaseFactory()
    group = Group.objects.create(name="Anbefalinger")
    group.permissions.add(Permission.objects.get(codename="access_admin"),
                          *Permission.objects.filter(codename__endswith="_recommendation"))
    user = UserFactory(username="sekretaer", groups=[group])
    client.force_login(user)
    response = client.get(reverse(ADD_URL), {"source_case": case.pk})
    assert response.status_code == 200
    assert "source_case" not in response.context["form"].initial
    assert 'name="source_case"' not in response.content.decode()


def test_advisor_menu_has_recommendations_and_reads_report(advisor_client):
    content = advisor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(LIST_URL) in content
    assert reverse("borgerraadgiver_learning_reads") in content


def test_reads_report_is_not_in_the_menu_of_a_user_without_the_permission(client, groups):
    group = Group.objects.create(name="Kun admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="kunadmin", groups=[group])
    client.force_login(user)
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("borgerraadgiver_learning_reads") not in content
