"""What happens to learning notes when a case they are drawn from is anonymised.

The link stays: a note keeps the case's reference among its source cases, which names no one
once the case is anonymised. The note itself must not keep the person: an erasure on request
is refused while the note's published text or its latest draft still names them (the advisor
edits the note first), and the anonymisation (erasure or retention) deletes the note's older
revisions that named them, since Wagtail keeps every revision in the page history.
"""

import json

from django.db.models import Q
from django.utils.translation import gettext as _
from wagtail.models import Revision


def _person(case):
    values = [case.citizen_name, case.citizen_email, case.citizen_phone]
    if (representative := getattr(case, "representative", None)) is not None:
        values += [representative.name, representative.email, representative.phone]
    return [value.casefold() for value in values if value]


def _mentions(content, person):
    text = json.dumps(content, ensure_ascii=False, default=str).casefold()
    return any(value in text for value in person)


def _notes(case):
    return getattr(case, "learning_notes", None)


def erasure_check(record):
    """A message per learning note whose current text still names ``record``'s citizen."""
    from ..cases.models import Case

    if not isinstance(record, Case) or _notes(record) is None:
        return []
    person = _person(record)
    messages = []
    for note in record.learning_notes.all() if person else ():
        current = [note.live_revision, note.latest_revision]
        if any(revision and _mentions(revision.content, person) for revision in current) or (
                note.live and _mentions([note.title, note.summary, note.body_text], person)):
            messages.append(_(
                "The learning note “%(title)s” still names the citizen in its text or latest "
                "draft. Remove the name there and save the note, then erase the case.") % {
                "title": note.title})
    return messages


def delete_old_revisions(case):
    """Delete the older revisions of ``case``'s learning notes that name its citizen."""
    person = _person(case)
    if not person or _notes(case) is None:
        return 0
    doomed = []
    for note in case.learning_notes.all():
        keep = Q(pk__in=[pk for pk in (note.live_revision_id, note.latest_revision_id) if pk])
        doomed += [revision.pk for revision in note.revisions.exclude(keep)
                   if _mentions(revision.content, person)]
    return Revision.objects.filter(pk__in=doomed).delete()[0] if doomed else 0
