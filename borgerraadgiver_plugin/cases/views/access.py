"""Who may see a case, and the audit trail of those who tried without being allowed.

Every URL of the case viewset (listing, inspect, edit, history, export, workflow actions, lock)
is wrapped by :func:`guard`: the check runs before Wagtail's own, and a refused attempt is
written to the audit log against the case the URL names (or against the case model for the
listing), so the advisor can see who tried.
"""

from functools import wraps

from ... import audit
from ...refusal import forbidden
from ..models import Case

VIEW_PERMISSION = "borgerraadgiver_cases.view_case"
#: Refusals of URLs that name no case (the listing, an export) are logged against "case 0".
LISTING_OBJECT_ID = "0"


def may_see_cases(user):
    """Only the advisor's group holds the case permissions (``cases.provision``)."""
    return bool(user and user.is_active and user.has_perm(VIEW_PERMISSION))


def log_denied(request, case_pk=None):
    audit.record_denied(request, Case, case_pk, listing_id=LISTING_OBJECT_ID)


def refuse(request, case_pk=None):
    """Log the attempt and answer 403 (Wagtail would redirect, which hides the refusal)."""
    log_denied(request, case_pk)
    return forbidden(request)


def guard(view):
    """Refuse (403) and log anyone who may not see cases, before the view runs."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_see_cases(request.user):
            return refuse(request, kwargs.get("pk"))
        return view(request, *args, **kwargs)

    return guarded
