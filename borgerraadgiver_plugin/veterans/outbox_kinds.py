"""The e-mails this part puts in the outbox, and the name the coordinator sees for each."""

from django.utils.translation import gettext_lazy as _

VETERAN_REQUEST = "veteran_request"

LABELS = {
    VETERAN_REQUEST: _("Veteran request (notice to the coordinator)"),
}
