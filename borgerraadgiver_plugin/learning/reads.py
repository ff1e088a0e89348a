"""Marking a learning note as read, and the counts the advisor sees (never who read what)."""

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from ..models import Area
from .models import LearningNotePage, NoteRead


def mark_read(note, user):
    """Record that ``user`` has read ``note``; doing it again changes nothing.

    Returns ``(read, created)``. Safe when two requests race: the unique constraint decides.
    """
    existing = NoteRead.objects.filter(note=note, user=user).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            return NoteRead.objects.create(note=note, user=user), True
    except IntegrityError:
        return NoteRead.objects.get(note=note, user=user), False


def read_of(note, user):
    """The user's read of the note, or None (also for anonymous users)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return NoteRead.objects.filter(note=note, user=user).first()


def counts_per_note():
    """Every note with ``read_count`` (readers), newest first."""
    return (LearningNotePage.objects.annotate(read_count=Count("reads"))
            .order_by("-date", "-pk").prefetch_related("areas"))


def counts_per_area():
    """Every area with its number of notes, reads of those notes and distinct readers."""
    return (Area.objects
            .annotate(note_count=Count("learning_notes", distinct=True),
                      read_count=Count("learning_notes__reads", distinct=True),
                      reader_count=Count("learning_notes__reads__user", distinct=True))
            .filter(Q(note_count__gt=0) | Q(valid_to__isnull=True))
            .order_by("sort_order", "name"))
