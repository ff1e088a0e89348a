from .pages import (
    Audience,
    LearningNoteIndexPage,
    LearningNotePage,
    LearningNoteRecommendation,
)
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
