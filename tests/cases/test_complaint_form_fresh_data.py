"""The form reads areas and settings from the cache; every change reaches the next POST."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from tests.factories import AreaFactory

from .form_answers import valid_data

pytestmark = pytest.mark.django_db


def post(client, page, area, **overrides):
    return client.post(page.url, valid_data(client, page, area, **overrides))


def test_an_area_added_after_the_first_post_can_be_chosen_at_once(client, form_page, area):
    assert post(client, form_page, area).status_code == 302
    added = AreaFactory(name="Center for Børn og Familie", sort_order=2, committee="")
    assert post(client, form_page, added).status_code == 302
    assert Case.objects.order_by("-id").first().area == added


def test_an_area_closed_after_the_first_post_is_refused_at_once(client, form_page, area):
    assert post(client, form_page, area).status_code == 302
    area.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    area.save()
    response = post(client, form_page, area)
    assert response.status_code == 200
    assert "area" in response.context["form"].errors
    assert Case.objects.count() == 1


def test_settings_changed_after_the_first_post_apply_to_the_next(client, form_page, area):
    assert post(client, form_page, area).status_code == 302
    settings = BorgerraadgiverSettings.current()
    settings.acknowledgement_days = settings.acknowledgement_days + 5
    settings.save()
    assert post(client, form_page, area).status_code == 302
    case = Case.objects.order_by("-id").first()
    assert case.acknowledgement_due == settings.calendar.add(
        timezone.localdate(case.received_at), settings.acknowledgement_days)


def test_a_site_without_advisor_settings_gets_them_on_the_first_post(client, form_page, area):
    data = valid_data(client, form_page, area)
    BorgerraadgiverSettings.objects.all().delete()
    assert client.post(form_page.url, data).status_code == 302
    assert BorgerraadgiverSettings.objects.count() == 1
