from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import audit
from .admin_menu import AreaViewSet, BorgerraadgiverMenu, ReferralBodyViewSet, ThemeViewSet
from .dashboard import panels_for
from .views.outbox import OutboxViewSet

register_snippet(AreaViewSet)
register_snippet(ThemeViewSet)
register_snippet(ReferralBodyViewSet)
register_snippet(BorgerraadgiverMenu)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    audit.register_actions(actions)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("construct_homepage_panels")
def add_outbox_panels(request, panels):
    panels.extend(panels_for(request.user))
