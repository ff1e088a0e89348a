"""The e-mails and letters this part puts in the outbox, and the name the advisor sees for each."""

from django.utils.translation import gettext_lazy as _

from ..message_kinds import MessageKind

NEW_INQUIRY = "case.new_inquiry"
ACKNOWLEDGEMENT = "case.acknowledgement"
REMINDER = "case_reminder"
STATUS_LINK = "case.status_link"
SURVEY = "case.survey"
LETTER = "case.letter"
OUTREACH_REMINDER = "case.outreach_reminder"

#: A case e-mail names a case and, for the receipt, the citizen's address: only those who may
#: see cases see them in the outbox.
SEEN_WITH = "borgerraadgiver_cases.view_case"


KINDS = [
    MessageKind(NEW_INQUIRY, _("New inquiry (notice to the advisor)"), SEEN_WITH),
    MessageKind(ACKNOWLEDGEMENT, _("Receipt to the citizen"), SEEN_WITH),
    MessageKind(REMINDER, _("Deadline reminder"), SEEN_WITH),
    MessageKind(STATUS_LINK, _("Status link sent again to the citizen"), SEEN_WITH),
    MessageKind(SURVEY, _("Satisfaction survey to the citizen"), SEEN_WITH),
    # Never an e-mail: handed to the letter delivery backend (Digital Post).
    MessageKind(LETTER, _("Letter to the citizen (Digital Post)"), SEEN_WITH,
                deliver="borgerraadgiver_plugin.cases.letters.deliver"),
    MessageKind(OUTREACH_REMINDER, _("Office hours reminder to the citizen"), SEEN_WITH),
]
