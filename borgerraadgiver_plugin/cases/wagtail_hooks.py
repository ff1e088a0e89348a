from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .. import retention
from . import anonymisation, downloads
from .dashboard import panels_for
from .views import CaseViewSet
from .views.access import CaseDeleteBulkAction

register_snippet(CaseViewSet)
# After Wagtail's own bulk delete (order 0), so that cases get the guarded one.
hooks.register("register_bulk_action", CaseDeleteBulkAction, order=1)


@hooks.register("register_admin_urls")
def register_document_download_url():
    return [path("", include(downloads.urlpatterns))]


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register(retention.HOOK)
def retention_source():
    return anonymisation.source()
