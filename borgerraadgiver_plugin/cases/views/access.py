"""Who may see a case, and the audit trail of those who tried without being allowed.

Every URL of the case viewset (listing, inspect, edit, history, export, workflow actions, lock)
is wrapped by :func:`guard`: the check runs before Wagtail's own, and a refused attempt is
written to the audit log against the case the URL names (or against the case model for the
listing), so the advisor can see who tried.
"""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ... import audit
from ..models import Case

VIEW_PERMISSION = "borgerraadgiver_cases.view_case"


def may_see_cases(user):
    """Only the advisor's group holds the case permissions (``cases.provision``)."""
    return bool(user and user.is_active and user.has_perm(VIEW_PERMISSION))


def log_denied(request, case_pk=None):
    case = Case.objects.filter(pk=case_pk).first() if case_pk not in (None, "") else None
    path = request.path[:200]
    if case is not None:
        audit.record(request.user, case, audit.DENIED, path=path)
        return
    user = request.user if request.user.is_authenticated else None
    ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Case), label=str(Case._meta.verbose_name),
        action=audit.DENIED, timestamp=timezone.now(), user=user, object_id="",
        data={"path": path},
    )


def guard(view):
    """Refuse (403) and log anyone who may not see cases, before the view runs."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not may_see_cases(request.user):
            log_denied(request, kwargs.get("pk"))
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
