"""The virus scanner hook (``BORGERRAADGIVER_VIRUS_SCANNER``) and its quarantine.

A finding or a scanner that is down never refuses the citizen's inquiry: the case is stored
and the file kept in private storage, marked *blocked* (with the finding) or *awaiting virus
scan*; neither is served for download. Files awaiting a scan are scanned again by
:func:`rescan_pending`, which the ``borgerraadgiver_reminders`` command runs.
"""

import logging

from django.utils.module_loading import import_string

from .. import conf
from .models.timeline import CaseDocument, ScanState

logger = logging.getLogger(__name__)


def scan(file, name):
    """``(state, finding)`` for one file; CLEAN when no scanner is configured."""
    path = conf.get("BORGERRAADGIVER_VIRUS_SCANNER")
    if not path:
        return ScanState.CLEAN, ""
    scanner = import_string(path)
    try:
        file.seek(0)
        finding = scanner(file, name)
    except Exception as error:  # a scanner that fails lets nothing through, and loses nothing
        logger.warning("Virus scanner failed (%s); the file waits for a new scan.",
                       type(error).__name__)
        return ScanState.PENDING, ""
    finally:
        file.seek(0)
    if finding:
        return ScanState.BLOCKED, str(finding)[:200]
    return ScanState.CLEAN, ""


def rescan_pending(limit=200):
    """Scan the files that wait for a scan again; returns how many got a verdict."""
    done = 0
    for document in CaseDocument.objects.filter(scan_state=ScanState.PENDING)[:limit]:
        try:
            with document.file.open("rb") as handle:
                state, finding = scan(handle, document.original_name)
        except OSError:  # the file is unreadable just now: it keeps waiting
            continue
        if state != ScanState.PENDING:
            done += CaseDocument.objects.filter(
                pk=document.pk, scan_state=ScanState.PENDING,
            ).update(scan_state=state, scan_finding=finding)
    return done
