"""Follow-up of recommendations: the status rules and the history of every change."""

from django.db.models import Count, Q

from ..choices import RecommendationStatus
from ..models import Area
from .models.recommendations import OPEN_STATUSES, Recommendation, RecommendationStatusChange


def record_status(recommendation, user=None):
    """Add a history entry when the status differs from the last one recorded.

    Called after every save from the admin (and by the demo); calling it again without a
    change of status adds nothing.
    """
    last = recommendation.status_changes.order_by("-changed_at", "-id").first()
    if last is not None and last.status == recommendation.status:
        return None
    comment = recommendation.decline_reason if (
        recommendation.status == RecommendationStatus.DECLINED) else ""
    return RecommendationStatusChange.objects.create(
        recommendation=recommendation, status=recommendation.status,
        changed_by=user if getattr(user, "is_authenticated", False) else None, comment=comment,
    )


def open_counts_per_area():
    """Areas that have open recommendations, with ``open_count``."""
    return (Area.objects
            .annotate(open_count=Count("recommendations",
                                       filter=Q(recommendations__status__in=OPEN_STATUSES)))
            .filter(open_count__gt=0).order_by("sort_order", "name"))


def open_for_area(area):
    return (Recommendation.objects.open().filter(area=area)
            .prefetch_related("note_links__note").order_by("due_on", "-issued_on", "-pk"))
