from .notes import Audience, LearningNotePage, LearningNoteRecommendation
from .pages import LearningNoteIndexPage
from .reads import NoteRead
from .recommendations import (
    OPEN_STATUSES,
    FollowUp,
    Recommendation,
    RecommendationKind,
    RecommendationSource,
    RecommendationStatusChange,
)

__all__ = [
    "OPEN_STATUSES",
    "Audience",
    "FollowUp",
    "LearningNoteIndexPage",
    "LearningNotePage",
    "LearningNoteRecommendation",
    "NoteRead",
    "Recommendation",
    "RecommendationKind",
    "RecommendationSource",
    "RecommendationStatusChange",
]
