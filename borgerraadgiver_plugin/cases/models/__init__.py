from .case import Case, CaseHandlingMethod, CaseQuerySet
from .links import CaseLink, LinkKind
from .outreach import OutreachBooking, OutreachSession, SessionKind
from .outreach_page import OutreachPage
from .pages import ComplaintFormPage
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
    "LinkKind",
    "OutreachBooking",
    "OutreachPage",
    "OutreachSession",
    "SessionKind",
]
