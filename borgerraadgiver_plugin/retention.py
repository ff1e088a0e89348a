"""Retention: records past their keeping time are anonymised, or first exported for the archive.

Each part registers what it keeps with the ``register_borgerraadgiver_retention`` hook (a
function returning a :class:`Source`), so the core knows no case or veteran model. A run walks
the due records one at a time, each anonymised in its own transaction: a run killed halfway
leaves the records it finished done and the rest untouched, and the next run takes the rest
(an anonymised record is never due again). Run it nightly, and again after restoring a backup.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings as django_settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task
from wagtail import hooks

from . import access_log
from .choices import RetentionMode
from .models import BorgerraadgiverSettings

HOOK = "register_borgerraadgiver_retention"
#: Each function registered here is called by every run as ``clean_up(now, dry_run)`` and
#: returns lines (in Danish) saying what it deleted: temporary files a part keeps for a limited
#: time (an uploaded log waiting for its confirmation), deleted even if nobody comes back.
CLEANUP_HOOK = "register_borgerraadgiver_cleanup"


@dataclass(frozen=True)
class Source:
    """One kind of record retention reaches.

    ``due(cutoff)`` is the queryset of records to anonymise (their time ended before the
    ``cutoff`` date), ``held(cutoff)`` those that would be due but are kept by a legal hold,
    ``describe(record)`` a line without a name, ``anonymise(record)`` anonymises one in its own
    transaction (and does nothing to one already anonymised), ``export(record, folder)`` writes
    it for the archive.
    """

    due: Callable
    anonymise: Callable
    export: Callable
    describe: Callable = str
    held: Callable | None = None


class RetentionRefused(Exception):
    """The settings do not allow a run; the message says what to change."""


@dataclass
class Outcome:
    """What a run did (or, in a dry run, would do): lines in Danish, counts per kind."""

    mode: str
    cutoff: datetime.date
    dry_run: bool
    lines: list
    done: int = 0


def sources():
    return [make() for make in hooks.get_hooks(HOOK)]


def cutoff(years, today=None):
    """The first day still kept: records whose time ended before it are due."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year that has none
        return today.replace(year=today.year - years, day=28)


def start_of(day):
    """``day``'s first moment in local time, to compare with stored times."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def archive_folder():
    root = getattr(django_settings, "BORGERRAADGIVER_ARCHIVE_ROOT", None)
    if not root:
        raise RetentionRefused(_(
            "Retention is set to export for the archive, but BORGERRAADGIVER_ARCHIVE_ROOT is "
            "not set. Set it to the folder the archive collects from."))
    folder = Path(root)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_json(folder, name, data):
    """Write ``data`` as ``name``.json in ``folder``, whole or not at all."""
    path = Path(folder) / f"{name}.json"
    partial = path.with_suffix(".json.partial")
    partial.write_text(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                       encoding="utf-8")
    partial.replace(path)
    return path


def check(settings):
    if settings.retention_years is None or settings.retention_years < 1:
        raise RetentionRefused(_(
            "The retention period must be at least one year (it is %(years)s). Nothing was "
            "anonymised.") % {"years": settings.retention_years})


def run(dry_run=False, limit=None, settings=None, today=None, user=None):
    """Anonymise what is due (at most ``limit`` records); ``dry_run`` only lists it.

    With retention off a run changes nothing, but a dry run still lists what it would do,
    so the advisor can see the consequence before the archive's answer is configured.
    """
    # Temporary files first, and whatever the retention settings say: their limit is their own.
    cleaned = clean_up(dry_run=dry_run)
    settings = settings or BorgerraadgiverSettings.current()
    check(settings)
    mode = settings.retention_mode
    first_kept = cutoff(settings.retention_years, today)
    outcome = Outcome(mode, first_kept, dry_run, cleaned)
    acting = not dry_run and mode != RetentionMode.OFF
    folder = archive_folder() if acting and mode == RetentionMode.ARCHIVE else None
    for source in sources():
        due = source.due(first_kept)
        # The keys first: each record is then read and anonymised on its own, so no cursor
        # stays open across the commits.
        for pk in list(due.values_list("pk", flat=True)):
            if limit is not None and outcome.done >= limit:
                break
            record = due.model._default_manager.get(pk=pk)
            if not acting:
                outcome.lines.append(_("Would anonymise: %(record)s") % {
                    "record": source.describe(record)})
            else:
                if folder is not None:
                    source.export(record, folder)
                source.anonymise(record, user)
                outcome.lines.append(_("Anonymised: %(record)s") % {
                    "record": source.describe(record)})
            outcome.done += 1
        if source.held is not None:
            for record in source.held(first_kept):
                outcome.lines.append(_("Kept because of a legal hold: %(record)s") % {
                    "record": source.describe(record)})
    if mode != RetentionMode.OFF:
        # The access log's own retention, after the records: this run's "anonymised" entries
        # are new, so they stay.
        pruned = access_log.prune_access_log(dry_run=dry_run)
        for action, count in ((a, n) for a, n in pruned.items() if n):
            line = (ngettext("Would delete %(count)s access-log entry: %(action)s",
                             "Would delete %(count)s access-log entries: %(action)s", count)
                    if dry_run else
                    ngettext("Deleted %(count)s access-log entry: %(action)s",
                             "Deleted %(count)s access-log entries: %(action)s", count))
            outcome.lines.append(line % {"count": count, "action": action})
    return outcome


def clean_up(now=None, dry_run=False):
    """Run every part's clean-up of temporary files; the lines they return."""
    now = now or timezone.now()
    return [line for clean in hooks.get_hooks(CLEANUP_HOOK) for line in clean(now, dry_run)]


@task()
def run_retention():
    """Nightly retention (django-tasks); the same as ``manage.py borgerraadgiver_retention``."""
    return run().done
