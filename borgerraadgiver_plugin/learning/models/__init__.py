from .notes import Audience, LearningNotePage, LearningNoteRecommendation
from .pages import LearningNoteIndexPage
from .reads import NoteRead
from .recommendations import (
    OPEN_STATUSES,
    Recommendation,
    RecommendationSource,
    RecommendationStatusChange,
)

__all__ = [
    "OPEN_STATUSES",
    "Audience",
    "LearningNoteIndexPage",
    "LearningNotePage",
    "LearningNoteRecommendation",
    "NoteRead",
    "Recommendation",
    "RecommendationSource",
    "RecommendationStatusChange",
]
