"""The friendly CSRF page's former address; it lives in the core now
(``CSRF_FAILURE_VIEW = "borgerraadgiver_plugin.errors.csrf_failure"``). Kept so settings
written for an earlier version keep working."""

from ..errors import csrf_failure

__all__ = ["csrf_failure"]
