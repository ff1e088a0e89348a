"""The counts of reads the advisor sees, per note and per area (never who read what)."""

from django.db.models import Count, Q

from ..models import Area
from .models.notes import LearningNotePage


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
