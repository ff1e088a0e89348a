"""Only the advisor's group reads cases: every case URL refuses others, and logs the attempt."""

import pytest
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case
from tests.admin_urls import fill, routes
from tests.factories import CaseFactory

from .admin_helpers import NAMESPACE, action_url, url

pytestmark = pytest.mark.django_db


def case_urls(case):
    return [
        url("list"), url("list_results"), url("add"), url("inspect", case.pk),
        url("edit", case.pk), url("history", case.pk), url("delete", case.pk),
        url("usage", case.pk), url("lock", case.pk), url("unlock", case.pk),
        f"{url('list')}?export=csv", f"{url('list')}?export=xlsx",
        *(action_url(case, name) for name in ("triage", "event", "forward", "close", "merge")),
    ]


@pytest.mark.parametrize("who", ["veteran_coordinator", "staff_member"])
def test_other_groups_cannot_read_a_case_through_any_url(client, request, who):
    user = request.getfixturevalue(who)
    case = CaseFactory(citizen_name="Hemmelig Borger")
    client.force_login(user)
    for address in case_urls(case):
        response = client.get(address)
        assert response.status_code in (403, 404), address
        assert b"Hemmelig Borger" not in response.content
        assert case.reference.encode() not in response.content
    response = client.post(action_url(case, "close"), {"outcome": "UPHELD"})
    assert response.status_code == 403
    case.refresh_from_db()
    assert case.status == "NEW"


@pytest.mark.parametrize("who", ["veteran_coordinator", "staff_member"])
def test_refused_attempts_are_logged_against_the_case(client, request, who):
    user = request.getfixturevalue(who)
    case = CaseFactory()
    client.force_login(user)
    client.get(url("inspect", case.pk))
    client.get(url("list"))
    denied = ModelLogEntry.objects.filter(action=audit.DENIED, user=user)
    assert denied.filter(object_id=str(case.pk)).count() == 1
    assert denied.filter(object_id="0").count() == 1


def test_veteran_coordinator_cannot_choose_a_case_in_a_chooser(client, veteran_coordinator):
    CaseFactory(citizen_name="Hemmelig Borger")
    client.force_login(veteran_coordinator)
    response = client.get("/admin/borgerraadgiver/cases/choose/")
    assert response.status_code in (403, 404)
    assert b"Hemmelig Borger" not in response.content


def test_advisor_reading_a_case_is_logged(advisor_client, advisor):
    case = CaseFactory()
    assert advisor_client.get(url("inspect", case.pk)).status_code == 200
    assert advisor_client.get(url("edit", case.pk)).status_code == 200
    views = ModelLogEntry.objects.filter(action=audit.VIEW, user=advisor,
                                         object_id=str(case.pk))
    assert sorted(entry.data["screen"] for entry in views) == ["edit", "inspect"]


def test_case_views_refuse_without_the_optional_middleware(client, settings,
                                                           veteran_coordinator):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "PluginAdminAccess" not in name]
    case = CaseFactory(citizen_name="Hemmelig Borger")
    client.force_login(veteran_coordinator)
    for address in case_urls(case):
        response = client.get(address)
        assert response.status_code == 403, address
        assert b"Hemmelig Borger" not in response.content
    assert ModelLogEntry.objects.filter(action=audit.DENIED, object_id=str(case.pk)).exists()


def test_bulk_actions_on_cases_are_refused_and_logged(client, veteran_coordinator):
    case = CaseFactory()
    client.force_login(veteran_coordinator)
    response = client.get(f"/admin/bulk/borgerraadgiver_cases/case/delete/?id={case.pk}")
    assert response.status_code == 403
    assert case.reference.encode() not in response.content
    assert ModelLogEntry.objects.filter(action=audit.DENIED, user=veteran_coordinator).exists()


def test_listing_reference_opens_the_case_not_the_edit_form(advisor_client):
    case = CaseFactory()
    body = advisor_client.get(url("list")).content.decode()
    assert f'href="{url("inspect", case.pk)}"' in body


def test_without_the_middleware_staff_stop_at_wagtails_admin_door(client, settings,
                                                                 staff_member):
    """Staff have no admin access: Wagtail sends them to the login page before any case view
    runs (no case data, but no audit entry either; the middleware adds the 403 and the log)."""
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if "PluginAdminAccess" not in name]
    case = CaseFactory(citizen_name="Hemmelig Borger")
    client.force_login(staff_member)
    response = client.get(url("inspect", case.pk))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not ModelLogEntry.objects.filter(action=audit.DENIED).exists()


def test_every_url_of_the_case_screens_and_chooser_refuses_an_outsider(client,
                                                                      veteran_coordinator):
    """Whatever views Wagtail gives a snippet (this release or the next), the case's refuse."""
    case = CaseFactory(citizen_name="Hemmelig Borger")
    client.force_login(veteran_coordinator)
    names = (f"{NAMESPACE}:", f"{NAMESPACE}_chooser:")
    addresses = [fill(route, pk=case.pk, action="close") for route, name in routes()
                 if name.startswith(names)]
    assert len(addresses) > 15
    for each in addresses:
        response = client.get(each)
        assert response.status_code == 403, each
        assert b"Hemmelig Borger" not in response.content


def test_bulk_delete_of_cases_is_refused_on_submit_too(client, veteran_coordinator):
    case = CaseFactory()
    client.force_login(veteran_coordinator)
    response = client.post(f"/admin/bulk/borgerraadgiver_cases/case/delete/?id={case.pk}")
    assert response.status_code == 403
    assert Case.objects.filter(pk=case.pk).exists()


def test_advisors_still_get_wagtails_bulk_delete_of_cases(advisor_client):
    case = CaseFactory()
    response = advisor_client.get(f"/admin/bulk/borgerraadgiver_cases/case/delete/?id={case.pk}")
    assert response.status_code == 200
    assert case.reference in response.content.decode()
