from django.apps import apps
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import audit
from .admin_menu import (
    MENU_HOOK,
    AreaViewSet,
    BorgerraadgiverMenu,
    ReferralBodyViewSet,
    ThemeViewSet,
)
from .dashboard import panels_for
from .views import access_log
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


@hooks.register("register_admin_urls")
def register_access_log_urls():
    return access_log.urls()


@hooks.register(MENU_HOOK)
def register_access_log_menu_item():
    return access_log.menu_item()


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    # Only where django-otp is installed (two-factor login is an option of the site).
    if apps.is_installed("django_otp.plugins.otp_static"):
        from .views import two_factor

        return two_factor.urls()
    return []


@hooks.register("register_account_menu_item")
def register_two_factor_menu_item(request):
    if apps.is_installed("django_otp.plugins.otp_static"):
        from .views import two_factor

        return two_factor.account_menu_item(request)
    return None
