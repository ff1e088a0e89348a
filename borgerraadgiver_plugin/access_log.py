"""The access log: the plugin's own audit entries (who viewed, exported, downloaded, was refused
or anonymised which record), and how long each kind of entry is kept.

The entries are Wagtail ``ModelLogEntry`` rows written by :mod:`.audit`; an action belongs to
the plugin when it begins with ``borgerraadgiver.``, so actions other parts register later
(a search, a legal hold) join the report without a change here.
"""

import datetime

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from . import conf

ACTION_PREFIX = "borgerraadgiver."
RETENTION_SETTING = "BORGERRAADGIVER_ACCESS_LOG_RETENTION_DAYS"


def entries():
    """Every entry of the access log, newest first."""
    return ModelLogEntry.objects.filter(action__startswith=ACTION_PREFIX).order_by(
        "-timestamp", "-pk")


def action_choices():
    """``(action, label)`` of the plugin's registered actions, for a filter."""
    return [(action, label) for action, label in registry.get_choices()
            if action.startswith(ACTION_PREFIX)]


def retention_days():
    """``{action: days}`` from the setting, refusing a number that is not a whole day above 0."""
    days = conf.get(RETENTION_SETTING)
    for action, value in days.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 1):
            raise ImproperlyConfigured(
                f"{RETENTION_SETTING}[{action!r}] must be a whole number of days above 0 or "
                f"None, not {value!r}.")
    return days


def prune_access_log(now=None, dry_run=False):
    """Delete the access-log entries older than their action's retention; returns
    ``{action: entries deleted}`` (with ``dry_run``, the entries it would delete).

    Idempotent: a second run, or a run after a backup was restored, deletes what has expired
    since and nothing else."""
    now = now or timezone.now()
    deleted = {}
    for action, days in retention_days().items():
        if days is None:
            continue
        expired = ModelLogEntry.objects.filter(
            action=action, timestamp__lt=now - datetime.timedelta(days=days))
        deleted[action] = expired.count() if dry_run else expired.delete()[0]
    return deleted
