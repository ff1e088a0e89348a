from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import message_kinds


class OutboxStatus(models.TextChoices):
    PENDING = "PENDING", _("Waiting to be sent")
    SENT = "SENT", _("Sent")
    FAILED = "FAILED", _("Failed")


class OutboxMessage(models.Model):
    """An e-mail the system owes someone (see :mod:`borgerraadgiver_plugin.outbox`).

    Bodies carry a reference and a generic sentence, never a citizen's text, name or files.
    """

    kind = models.CharField(_("kind"), max_length=40)
    reference = models.CharField(_("reference"), max_length=30, blank=True, db_index=True)
    recipient = models.EmailField(_("recipient"))
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    dedupe_key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=OutboxStatus.choices,
                              default=OutboxStatus.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # A worker's claim on the row while it sends; a crashed worker's claim runs out.
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        permissions = [("retry_outboxmessage", _("Can send a failed e-mail again"))]

    def __str__(self):
        return f"{self.get_kind_display()} {self.reference}".strip()

    def get_kind_display(self):
        """The name of the kind (Wagtail's listing and inspect view show this instead of the
        stored code); see :mod:`borgerraadgiver_plugin.message_kinds`."""
        return message_kinds.label(self.kind)
