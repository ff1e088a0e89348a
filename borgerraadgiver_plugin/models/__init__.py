from .data_subject import DataSubjectRights, RestrictableQuerySet
from .outbox import OutboxMessage, OutboxStatus
from .sequence import ReferenceCounter
from .site_settings import BorgerraadgiverSettings
from .taxonomy import Area, ReferralBody, Theme

__all__ = [
    "Area",
    "BorgerraadgiverSettings",
    "DataSubjectRights",
    "OutboxMessage",
    "OutboxStatus",
    "ReferenceCounter",
    "ReferralBody",
    "RestrictableQuerySet",
    "Theme",
]
