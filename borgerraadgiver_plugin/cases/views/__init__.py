"""Admin screens for cases, one module per screen. Rules live in the rule modules, not here."""

from .viewset import CaseViewSet

__all__ = ["CaseViewSet"]
