import pytest

from tests.factories import CaseFactory

from .admin_helpers import action_url, url

pytestmark = pytest.mark.django_db


def test_listing_and_inspect_render_for_the_advisor(advisor_client):
    case = CaseFactory()
    response = advisor_client.get(url("list"))
    assert response.status_code == 200
    assert case.reference in response.content.decode()
    response = advisor_client.get(url("inspect", case.pk))
    assert response.status_code == 200
    for step in ("triage", "event", "forward", "pause", "close", "extend", "link", "merge"):
        response = advisor_client.get(action_url(case, step))
        assert response.status_code == 200, step
    assert advisor_client.get(url("edit", case.pk)).status_code == 200
    assert advisor_client.get(url("add")).status_code == 200
    assert advisor_client.get(url("history", case.pk)).status_code == 200
