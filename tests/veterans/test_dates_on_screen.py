"""The veteran registry writes dates as the case screens do: 01.12.2026."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import VeteranContactFactory

pytestmark = pytest.mark.django_db


def test_contact_overview_writes_dates_in_the_short_danish_format(client, veteran_coordinator):
    contact = VeteranContactFactory(name="Søren Jørgensen", phone="", without_consent=True,
                                    next_follow_up=datetime.date(2026, 12, 1))
    client.force_login(veteran_coordinator)
    url = reverse("borgerraadgiver_veterans_veterancontact_modeladmin_inspect",
                  args=[contact.pk])
    page = client.get(url).content.decode()
    assert "01.12.2026" in page
    assert "1. december 2026" not in page
