from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import audit
from .admin_menu import AreaViewSet, BorgerraadgiverMenu, ReferralBodyViewSet, ThemeViewSet

register_snippet(AreaViewSet)
register_snippet(ThemeViewSet)
register_snippet(ReferralBodyViewSet)
register_snippet(BorgerraadgiverMenu)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)
