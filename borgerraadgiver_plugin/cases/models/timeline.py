"""A case's timeline (sagsforløb): events, forwardings to units and documents."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ...choices import UpheldValue
from ...models import Area
from ...storage import private_storage
from .case import Case


class EventKind(models.TextChoices):
    NOTE = "NOTE", _("Internal note")
    CALL = "CALL", _("Phone call")
    MEETING = "MEETING", _("Meeting")
    LETTER_IN = "LETTER_IN", _("Letter or e-mail received")
    LETTER_OUT = "LETTER_OUT", _("Letter or e-mail sent")
    FORWARDED = "FORWARDED", _("Forwarded to unit")
    ANSWER_RECEIVED = "ANSWER_RECEIVED", _("Answer received")
    REMINDER = "REMINDER", _("Reminder")
    STATUS_CHANGE = "STATUS_CHANGE", _("Status change")
    DEADLINE = "DEADLINE", _("Deadline paused or extended")
    INVESTIGATION = "INVESTIGATION", _("Investigation step")
    LINK = "LINK", _("Linked or merged")
    DELIVERY = "DELIVERY", _("Delivery receipt")
    CASE_FILE = "CASE_FILE", _("Case file produced")
    JOURNALISED = "JOURNALISED", _("Journalised")


class CaseEvent(models.Model):
    """One entry on the timeline. ``internal`` entries are never shown or sent to the citizen."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    internal = models.BooleanField(_("internal"), default=True)
    occurred_at = models.DateTimeField(_("time"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self):
        return f"{self.case} {self.get_kind_display()}"


class Forwarding(models.Model):
    """Videresendelse: a complaint sent to the unit for its own answer, with a deadline."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="forwardings")
    unit = models.ForeignKey(Area, verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="forwardings")
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    sent_on = models.DateField(_("sent"), default=timezone.localdate)
    due_on = models.DateField(_("answer due"), db_index=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_on = models.DateField(_("answered"), null=True, blank=True)
    upheld = models.CharField(_("result"), max_length=20, choices=UpheldValue.choices, blank=True)

    class Meta:
        ordering = ["sent_on", "id"]
        verbose_name = _("forwarding")
        verbose_name_plural = _("forwardings")

    def __str__(self):
        return f"{self.case} → {self.unit}"


def document_path(instance, filename):
    # A random name: the original name is kept in the database only, never on disk.
    return f"cases/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class ScanState(models.TextChoices):
    """What the virus scanner said. Only a clean file leaves private storage; a blocked one
    is kept there (quarantined, never served) so a false alarm loses nothing."""

    CLEAN = "clean", _("Checked")
    PENDING = "pending", _("awaiting virus scan")
    BLOCKED = "blocked", _("blocked")


class CaseDocument(models.Model):
    """A file on a case, kept in private storage and served only through the admin."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    event = models.ForeignKey(CaseEvent, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="documents")
    file = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    scan_state = models.CharField(_("virus scan"), max_length=10, choices=ScanState.choices,
                                  default=ScanState.CLEAN, db_index=True)
    scan_finding = models.CharField(_("virus scan finding"), max_length=200, blank=True)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.original_name

    @property
    def is_downloadable(self):
        return self.scan_state == ScanState.CLEAN

    @property
    def scan_label(self):
        """What the advisor sees beside a file that cannot be opened; empty when clean."""
        return "" if self.is_downloadable else self.get_scan_state_display()
