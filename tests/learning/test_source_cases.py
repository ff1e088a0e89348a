"""Source cases: edited by those who may see cases, never shown on the page."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from borgerraadgiver_plugin.learning.models import LearningNotePage
from tests.factories import CaseFactory, UserFactory

from .conftest import note_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_editor(index, client):
    """An editor with page rights on the learning index but no right to see cases."""
    group = Group.objects.create(name="Intranetredaktør")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=index, permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename))
    user = UserFactory(username="redaktor", groups=[group])
    client.force_login(user)
    return client


def test_advisor_links_source_cases_by_reference(advisor_client, index):
    first, second = CaseFactory(), CaseFactory()
    response = advisor_client.post(
        reverse("wagtailadmin_pages:add",
                args=["borgerraadgiver_learning", "learningnotepage", index.pk]),
        note_form(source_cases=f"{first.reference}, {second.reference.lower()}"),
    )
    assert response.status_code == 302
    note = LearningNotePage.objects.get()
    assert set(note.source_cases.all()) == {first, second}
    edit = advisor_client.get(reverse("wagtailadmin_pages:edit", args=[note.pk]))
    assert first.reference in edit.content.decode()


def test_unknown_source_case_reference_is_reported(advisor_client, index):
    response = advisor_client.post(
        reverse("wagtailadmin_pages:add",
                args=["borgerraadgiver_learning", "learningnotepage", index.pk]),
        note_form(source_cases="BR-2099-9999"),
    )
    assert response.status_code == 200
    assert "BR-2099-9999" in response.content.decode()
    assert not LearningNotePage.objects.exists()


def test_source_cases_panel_is_hidden_from_editor_who_cannot_see_cases(
        page_editor, index, note_factory):
    case = CaseFactory()
    note = note_factory(source_cases=[case])
    response = page_editor.get(reverse("wagtailadmin_pages:edit", args=[note.pk]))
    assert response.status_code == 200
    assert 'name="source_cases"' not in response.content.decode()
    assert case.reference not in response.content.decode()


def test_editor_without_case_rights_keeps_the_links_when_saving(page_editor, index,
                                                                 note_factory):
    case = CaseFactory()
    note = note_factory(source_cases=[case])
    response = page_editor.post(reverse("wagtailadmin_pages:edit", args=[note.pk]),
                                note_form(slug=note.slug, summary="Ny tekst."))
    assert response.status_code == 302
    note.refresh_from_db()
    assert list(note.source_cases.all()) == [case]
    assert note.summary == "Ny tekst."


def test_editor_without_case_rights_cannot_publish_a_name_from_linked_cases(
        page_editor, index, note_factory):
    case = CaseFactory(citizen_name="Ole Madsen")
    note = note_factory(source_cases=[case])
    response = page_editor.post(reverse("wagtailadmin_pages:edit", args=[note.pk]),
                                note_form(slug=note.slug, summary="Ole Madsen klagede."))
    assert response.status_code == 200
    note.refresh_from_db()
    assert "Ole Madsen" not in note.summary


def test_source_cases_are_never_rendered_on_the_page(client, staff_member, index,
                                                      note_factory):
    case = CaseFactory(citizen_name="Ida Olsen")
    note = note_factory(source_cases=[case])
    client.force_login(staff_member)
    content = client.get(note.url).content.decode()
    assert note.title in content
    assert case.reference not in content
    assert "Ida Olsen" not in content


def test_advisor_sees_the_source_cases_field_in_the_editor(advisor_client, index):
    response = advisor_client.get(reverse(
        "wagtailadmin_pages:add", args=["borgerraadgiver_learning", "learningnotepage", index.pk]))
    assert response.status_code == 200
    assert 'name="source_cases"' in response.content.decode()
