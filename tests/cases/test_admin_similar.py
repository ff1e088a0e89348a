"""Similar earlier cases through HTTP: shown on triage and on the overview, and choosing one
links the cases, from the rendered forms."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import CaseLink
from tests.factories import CaseFactory

from .admin_helpers import action_url, url
from .rendered_form import form_data, rendered_form

pytestmark = pytest.mark.django_db

TEXT = "Afgørelsen om hjemmehjælp blev truffet uden partshøring og uden begrundelse."


@pytest.fixture
def cases(groups):
    earlier = CaseFactory(received_at=timezone.now() - datetime.timedelta(days=60),
                          account=TEXT, citizen_name="Bent Jensen",
                          citizen_email="bent@example.invalid")
    case = CaseFactory(account=TEXT)
    return case, earlier


def test_triage_shows_the_similar_case_without_its_name_or_text(advisor_client, cases):
    case, earlier = cases
    page = advisor_client.get(action_url(case, "triage")).content.decode()
    assert earlier.reference in page
    assert "Bent" not in page and TEXT not in page


def test_choosing_a_similar_case_on_triage_links_the_cases(advisor_client, cases):
    case, earlier = cases
    address = action_url(case, "triage")
    data = form_data(advisor_client, address)
    assert data["similar"] == [""]  # "None of them" until the advisor chooses
    data["similar"] = [str(earlier.pk)]
    response = advisor_client.post(address, data, follow=True)
    assert response.status_code == 200
    assert CaseLink.objects.filter(case=case, other=earlier).exists()
    assert earlier.reference in response.content.decode()


def test_triage_without_choosing_links_nothing(advisor_client, cases):
    case, _earlier = cases
    address = action_url(case, "triage")
    advisor_client.post(address, form_data(advisor_client, address), follow=True)
    assert not CaseLink.objects.exists()


def test_the_overview_lists_similar_cases_and_links_one(advisor_client, cases):
    case, earlier = cases
    overview = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert 'id="case-similar"' in overview and earlier.reference in overview
    address = action_url(case, "similar")
    assert address in overview
    _form, data = rendered_form(advisor_client.get(address).content.decode(),
                                f'form[action="{address}"]')
    data["other"] = [str(earlier.pk)]
    advisor_client.post(address, data, follow=True)
    assert CaseLink.objects.filter(case=case, other=earlier).exists()
    overview = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert address not in overview  # nothing similar left to link


def test_a_case_that_is_no_longer_similar_is_refused_on_its_field(advisor_client, cases):
    case, earlier = cases
    address = action_url(case, "similar")
    _form, data = rendered_form(advisor_client.get(address).content.decode(),
                                f'form[action="{address}"]')
    data["other"] = [str(case.pk)]
    response = advisor_client.post(address, data)
    assert response.status_code == 200 and not CaseLink.objects.exists()
    assert "That case is no longer among the similar cases." in response.content.decode() \
        or "Den sag er ikke længere blandt de lignende sager." in response.content.decode()
