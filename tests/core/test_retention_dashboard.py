"""While retention is off, the advisor is warned on the dashboard; others are not."""

import pytest
from django.urls import reverse

from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings

pytestmark = pytest.mark.django_db

PANEL = 'id="borgerraadgiver-retention-off-heading"'


def test_the_advisor_is_warned_while_retention_is_off(advisor_client):
    page = advisor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL in page
    assert "Sletning efter opbevaringstid er slået fra" in page


def test_no_warning_once_retention_is_chosen(advisor_client, site):
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    settings.save()
    assert PANEL not in advisor_client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_staff_member_who_cannot_change_the_settings_is_not_warned(client, staff_member):
    client.force_login(staff_member)
    assert PANEL not in client.get(reverse("wagtailadmin_home")).content.decode()
