"""A reader's mark that they have read a learning note: setting it and looking it up."""

from django.db import IntegrityError, transaction

from .models.reads import NoteRead


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
