from .case import Case, CaseHandlingMethod, CaseQuerySet
from .pages import ComplaintFormPage
from .timeline import CaseDocument, CaseEvent, Forwarding

__all__ = [
    "Case",
    "CaseDocument",
    "CaseEvent",
    "CaseHandlingMethod",
    "CaseQuerySet",
    "ComplaintFormPage",
    "Forwarding",
]
