"""The e-mails this part puts in the outbox, and the name the coordinator sees for each."""

from django.utils.translation import gettext_lazy as _

from ..message_kinds import MessageKind

VETERAN_REQUEST = "veteran_request"

KINDS = [
    # The notice goes to the coordinator and says nothing about the person: anyone who sees
    # the outbox may see it.
    MessageKind(VETERAN_REQUEST, _("Veteran request (notice to the coordinator)")),
]
