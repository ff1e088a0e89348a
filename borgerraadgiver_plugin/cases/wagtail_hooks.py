from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .dashboard import panels_for
from .views import CaseViewSet
from .views.outbox import OutboxViewSet

register_snippet(CaseViewSet)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    panels.extend(panels_for(request.user))
