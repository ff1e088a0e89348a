"""Who may see a case, and the audit trail of those who tried without being allowed.

Every view that shows a case is built from a class that mixes in :class:`CaseAccessMixin`: the
viewset's screens (listing, inspect, edit, history, export, workflow steps, lock), its chooser and
its bulk delete. A refused attempt is answered with 403 and written to the audit log against the
case the URL names (or against the case model for the listing), so the advisor can see who tried.
"""

from functools import wraps

from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

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


class CaseAccessMixin:
    """Refuses (403) and logs anyone who may not see cases, before the view runs.

    The check wraps the view that ``as_view()`` returns rather than ``dispatch()``, because
    Wagtail's views look the case up in ``setup()``: a missing case would answer 404 where an
    existing one answers 403, telling an outsider which cases exist.
    """

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)

        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not may_see_cases(request.user):
                return refuse(request, kwargs.get("pk"))
            return view(request, *args, **kwargs)

        return guarded


def for_advisors(view_class):
    """``view_class`` (one of Wagtail's own) behind :class:`CaseAccessMixin`."""
    return type(f"Case{view_class.__name__}", (CaseAccessMixin, view_class),
                {"__module__": __name__})


class CaseDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for cases, refused to outsiders before its confirmation page
    (which would list the references of the cases they may not delete).

    Registered after Wagtail's own (``order=1`` in ``cases.wagtail_hooks``), so Wagtail's
    registry of bulk actions holds this one for cases; checked against Wagtail 8.0.
    """

    models = [Case]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_cases(request.user):
            return refuse(request)
        return super().dispatch(request, *args, **kwargs)
