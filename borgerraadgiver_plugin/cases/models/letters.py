"""Letters on a case: the templates an advisor starts from, and each letter sent (to the party
or to the representative)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.models import PreviewableMixin

from ...models import OutboxMessage
from .. import placeholders
from .case import Case
from .timeline import CaseDocument, CaseEvent

PLACEHOLDER_HELP = format_lazy(
    "{}: {}", _("Placeholders"),
    ", ".join(f"{{{name}}}" for name in placeholders.PLACEHOLDERS))


class LetterRecipient(models.TextChoices):
    """Who a letter goes to: the party of the case, or the representative acting for them."""

    PARTY = "PARTY", _("The party")
    REPRESENTATIVE = "REPRESENTATIVE", _("The representative")


class LetterTemplate(PreviewableMixin, models.Model):
    """A letter the advisor writes often (kvittering, videresendelse, afslutning)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    subject = models.CharField(_("subject"), max_length=200, help_text=PLACEHOLDER_HELP)
    body = models.TextField(_("text"), help_text=PLACEHOLDER_HELP)

    class Meta:
        ordering = ["name"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            if names := placeholders.unknown(getattr(self, field)):
                errors[field] = _(
                    "Unknown placeholder %(names)s. Use only %(known)s.") % {
                    "names": ", ".join(f"{{{name}}}" for name in names),
                    "known": ", ".join(f"{{{name}}}" for name in placeholders.PLACEHOLDERS)}
        if errors:
            raise ValidationError(errors)

    # Wagtail's preview panel: the template as a letter to an example citizen.
    def get_preview_template(self, request, mode_name):
        return "borgerraadgiver_cases/letters/template_preview.html"

    def get_preview_context(self, request, mode_name):
        known = placeholders.example_values()
        return {**super().get_preview_context(request, mode_name),
                "subject": placeholders.fill(self.subject, known),
                "body": placeholders.fill(self.body, known),
                "recipient_name": known["navn"],
                "recipient_address": "Eksempelvej 1\n4660 Store Heddinge",
                "reference": known["sagsnummer"]}


class Letter(models.Model):
    """A letter on a case, as it was sent: to whom (the party or the representative), the
    text, the address it went to, its PDF copy among the case's documents, and what the
    delivery backend answered."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="letters")
    event = models.OneToOneField(CaseEvent, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="letter")
    document = models.OneToOneField(CaseDocument, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="letter")
    outbox_message = models.OneToOneField(OutboxMessage, null=True, blank=True,
                                          on_delete=models.SET_NULL, related_name="letter")
    template = models.ForeignKey(LetterTemplate, verbose_name=_("letter template"), null=True,
                                 blank=True, on_delete=models.SET_NULL, related_name="letters")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    recipient = models.CharField(_("sent to"), max_length=15, choices=LetterRecipient.choices,
                                 default=LetterRecipient.PARTY)
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_address = models.TextField(_("address"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    # What the backend answered: its id for the letter, when it took it and when it delivered.
    dispatch_id = models.CharField(_("delivery id"), max_length=200, blank=True, db_index=True)
    handed_over_at = models.DateTimeField(_("handed over"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return str(self.case)  # a reference: audit-log labels never carry a name
