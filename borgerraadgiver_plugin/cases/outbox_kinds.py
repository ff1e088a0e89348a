"""The e-mails this part puts in the outbox, and the name the advisor sees for each."""

from django.utils.translation import gettext_lazy as _

NEW_INQUIRY = "case.new_inquiry"
ACKNOWLEDGEMENT = "case.acknowledgement"
REMINDER = "case_reminder"

LABELS = {
    NEW_INQUIRY: _("New inquiry (notice to the advisor)"),
    ACKNOWLEDGEMENT: _("Receipt to the citizen"),
    REMINDER: _("Deadline reminder"),
}
