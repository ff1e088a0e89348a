"""The access log's own retention: reads go after about 6 months, exports and anonymisations
after 5 years, anything else is kept; run twice, it deletes nothing more."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.access_log import prune_access_log
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2027, 6, 1, 12, 0))


def entry(action, days_old):
    """One log entry of ``action`` written ``days_old`` days before NOW."""
    logged = audit.record(UserFactory(), CaseFactory(), action)
    ModelLogEntry.objects.filter(pk=logged.pk).update(
        timestamp=NOW - datetime.timedelta(days=days_old))
    return logged.pk


def kept(*pks):
    return set(ModelLogEntry.objects.filter(pk__in=pks).values_list("pk", flat=True))


def test_reads_older_than_six_months_go_and_younger_ones_stay():
    old = [entry(action, 184) for action in (audit.VIEW, audit.DOWNLOAD, audit.DENIED)]
    young = [entry(action, 182) for action in (audit.VIEW, audit.DOWNLOAD, audit.DENIED)]
    deleted = prune_access_log(now=NOW)
    assert kept(*old, *young) == set(young)
    assert deleted[audit.VIEW] == deleted[audit.DOWNLOAD] == deleted[audit.DENIED] == 1


def test_exports_and_anonymisations_stay_five_years():
    recent = [entry(audit.EXPORT, 184), entry(audit.ANONYMISE, 4 * 365)]
    expired = [entry(audit.EXPORT, 5 * 365 + 2), entry(audit.ANONYMISE, 5 * 365 + 2)]
    prune_access_log(now=NOW)
    assert kept(*recent, *expired) == set(recent)


def test_changes_logged_by_wagtail_are_not_the_access_logs_to_delete():
    edit = ModelLogEntry.objects.log_action(CaseFactory(), "wagtail.edit")
    ModelLogEntry.objects.filter(pk=edit.pk).update(timestamp=NOW - datetime.timedelta(days=4000))
    prune_access_log(now=NOW)
    assert kept(edit.pk) == {edit.pk}


def test_an_action_the_setting_does_not_name_is_kept(settings):
    settings.BORGERRAADGIVER_ACCESS_LOG_RETENTION_DAYS = {audit.VIEW: 30}
    view, retry = entry(audit.VIEW, 4000), entry(audit.RETRY, 4000)
    assert prune_access_log(now=NOW) == {audit.VIEW: 1}
    assert kept(view, retry) == {retry}


def test_a_second_run_deletes_nothing_more():
    entry(audit.VIEW, 200)
    young = entry(audit.VIEW, 10)
    assert prune_access_log(now=NOW)[audit.VIEW] == 1
    assert prune_access_log(now=NOW)[audit.VIEW] == 0
    assert kept(young) == {young}


def test_a_dry_run_counts_and_deletes_nothing():
    old = entry(audit.DOWNLOAD, 400)
    assert prune_access_log(now=NOW, dry_run=True)[audit.DOWNLOAD] == 1
    assert kept(old) == {old}


def test_an_action_set_to_none_is_kept_forever(settings):
    settings.BORGERRAADGIVER_ACCESS_LOG_RETENTION_DAYS = {audit.VIEW: None, audit.DOWNLOAD: 30}
    view, download = entry(audit.VIEW, 4000), entry(audit.DOWNLOAD, 31)
    assert prune_access_log(now=NOW) == {audit.DOWNLOAD: 1}
    assert kept(view, download) == {view}


@pytest.mark.parametrize("days", [0, -1, 1.5, "183", True])
def test_a_retention_of_zero_negative_or_not_whole_days_is_refused(settings, days):
    settings.BORGERRAADGIVER_ACCESS_LOG_RETENTION_DAYS = {audit.VIEW: days}
    old = entry(audit.VIEW, 400)
    with pytest.raises(ImproperlyConfigured, match="whole number of days above 0"):
        prune_access_log(now=NOW)
    assert kept(old) == {old}


def test_without_now_it_counts_from_the_present():
    fresh = audit.record(UserFactory(), CaseFactory(), audit.VIEW).pk
    prune_access_log()
    assert kept(fresh) == {fresh}
