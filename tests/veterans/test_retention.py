"""Retention of veteran contacts: anonymised when nothing has been registered for the period."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.retention import run
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import VeteranActivityFactory, VeteranContactFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.localdate() - datetime.timedelta(days=6 * 365)


@pytest.fixture(autouse=True)
def retention_on(site):
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    settings.save()


def old_contact(**kwargs):
    return VeteranContactFactory(created_at=timezone.now() - datetime.timedelta(days=6 * 365),
                                 consent__given_on=LONG_AGO, **kwargs)


def test_a_contact_with_nothing_registered_for_the_period_is_anonymised():
    contact = old_contact(email="jens@example.invalid")
    run()
    contact = VeteranContact.objects.get(pk=contact.pk)
    assert contact.anonymised_at and contact.email == "" and contact.name != "Jens Mikkelsen"


def test_a_recent_activity_keeps_an_old_contact():
    contact = old_contact()
    VeteranActivityFactory(contact=contact, date=timezone.localdate())
    assert run().done == 0
    assert VeteranContact.objects.get(pk=contact.pk).anonymised_at is None


def test_a_recently_registered_contact_is_kept():
    contact = VeteranContactFactory()
    run()
    assert VeteranContact.objects.get(pk=contact.pk).anonymised_at is None
