"""Retention seen from the case screens: an edit opened before the run cannot bring the name
back, and the overview says the case was anonymised."""

import pytest

from borgerraadgiver_plugin.cases.anonymisation import anonymise
from borgerraadgiver_plugin.cases.models import Case

from .admin_helpers import action_url, url
from .rendered_form import form_data
from .test_retention import old_case

pytestmark = pytest.mark.django_db


def test_an_edit_opened_before_retention_ran_is_refused_and_loses_nothing(advisor_client):
    case = old_case()
    data = form_data(advisor_client, url("edit", case.pk))  # the advisor has the form open
    anonymise(case)  # meanwhile, the nightly run

    response = advisor_client.post(url("edit", case.pk), data)

    assert response.status_code == 200
    assert "ændret sagen" in response.content.decode()
    stored = Case.objects.get(pk=case.pk)
    assert stored.citizen_name == "" and stored.account == "" and stored.anonymised_at


def test_the_overview_says_the_case_was_anonymised_and_offers_no_hold(advisor_client):
    case = old_case()
    anonymise(case)
    page = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert "Anonymiseret den" in page
    assert action_url(case, "hold") not in page
