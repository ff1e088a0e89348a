from .case import Case, CaseHandlingMethod, CaseQuerySet
from .letters import Letter, LetterRecipient, LetterTemplate
from .links import CaseLink, LinkKind
from .outreach import OutreachBooking, OutreachSession, SessionKind
from .outreach_page import OutreachPage
from .pages import ComplaintFormPage
from .representation import Representative
from .survey import SurveyAnswer, SurveyInvitation
from .timeline import CaseDocument, CaseEvent, Forwarding

__all__ = [
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseHandlingMethod",
    "CaseLink",
    "CaseQuerySet",
    "ComplaintFormPage",
    "Forwarding",
    "Letter",
    "LetterRecipient",
    "LetterTemplate",
    "LinkKind",
    "Representative",
    "SurveyAnswer",
    "SurveyInvitation",
    "OutreachBooking",
    "OutreachPage",
    "OutreachSession",
    "SessionKind",
]
