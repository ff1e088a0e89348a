"""Cached rows are read once and dropped by every change to their models.

The tests that watch the cache being used run outside a test transaction: rows read inside a
transaction are never cached, because it may still roll back.
"""

import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borgerraadgiver_plugin.models import Area, BorgerraadgiverSettings
from borgerraadgiver_plugin.models.taxonomy import current_areas
from tests.factories import AreaFactory
from tests.sites import ensure_default_site

pytestmark = pytest.mark.django_db


def names():
    return [area.name for area in current_areas()]


def count_queries(read):
    with CaptureQueriesContext(connection) as queries:
        read()
    return len(queries)


@pytest.mark.django_db(transaction=True)
def test_current_areas_are_read_once_then_from_the_cache():
    AreaFactory(name="Sundhed")
    assert count_queries(names) == 1
    assert count_queries(names) == 0
    assert "Sundhed" in names()


@pytest.mark.django_db(transaction=True)
def test_cached_areas_follow_saves_and_deletes_and_keep_the_database_order():
    health = AreaFactory(name="Sundhed", sort_order=2)
    names()
    jobs = AreaFactory(name="Jobcenter", sort_order=1)
    assert names()[:2] == ["Jobcenter", "Sundhed"]
    health.valid_to = timezone.localdate() - datetime.timedelta(days=1)
    health.save()
    assert "Sundhed" not in names()
    jobs.delete()
    assert "Jobcenter" not in names()
    assert names() == [area.name for area in Area.objects.current()]


@pytest.mark.django_db(transaction=True)
def test_rows_read_inside_a_transaction_that_rolls_back_are_not_cached():
    names()
    with pytest.raises(RuntimeError), transaction.atomic():
        AreaFactory(name="Fortrudt")
        assert "Fortrudt" in names()
        raise RuntimeError
    assert "Fortrudt" not in names()


def test_current_areas_on_another_day_use_each_areas_validity():
    AreaFactory(name="Gammel", valid_to=datetime.date(2020, 12, 31))
    AreaFactory(name="Ny", valid_from=datetime.date(2021, 1, 1))
    day = datetime.date(2020, 6, 1)
    assert "Gammel" in [area.name for area in current_areas(day)]
    assert "Ny" not in [area.name for area in current_areas(day)]


@pytest.mark.django_db(transaction=True)
def test_settings_for_a_request_come_from_the_cache_and_follow_a_save(rf):
    site = ensure_default_site()
    settings = BorgerraadgiverSettings.for_site(site)
    assert BorgerraadgiverSettings.for_request(rf.get("/")).pk == settings.pk
    reads = count_queries(lambda: BorgerraadgiverSettings.for_request(rf.get("/")))
    assert reads == 1  # the site; the settings come from the cache
    settings.acknowledgement_days += 3
    settings.save()
    assert BorgerraadgiverSettings.for_request(rf.get("/")).acknowledgement_days == (
        settings.acknowledgement_days)


def test_settings_for_a_site_without_any_are_created(rf, site):
    BorgerraadgiverSettings.objects.all().delete()
    BorgerraadgiverSettings.for_request(rf.get("/"))
    assert BorgerraadgiverSettings.objects.filter(site=site).count() == 1


@pytest.mark.django_db(transaction=True)
def test_settings_for_a_site_come_from_the_cache_as_wagtails_for_request_reads_them():
    site = ensure_default_site()
    BorgerraadgiverSettings.for_site(site)  # created, which drops the cached rows
    assert count_queries(lambda: BorgerraadgiverSettings.for_site(site)) == 1
    assert count_queries(lambda: BorgerraadgiverSettings.for_site(site)) == 0
