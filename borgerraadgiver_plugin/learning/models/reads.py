"""Who has read which learning note: evidence that the learning reached the organisation.

Only counts are shown to the advisor; the list of readers is for superusers alone.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NoteRead(models.Model):
    note = models.ForeignKey("borgerraadgiver_learning.LearningNotePage",
                             on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    read_at = models.DateTimeField(_("read"), default=timezone.now)

    class Meta:
        verbose_name = _("read learning note")
        verbose_name_plural = _("read learning notes")
        constraints = [
            models.UniqueConstraint(fields=["note", "user"], name="learning_note_read_once"),
        ]

    def __str__(self):
        return f"{self.note_id}/{self.user_id}"
