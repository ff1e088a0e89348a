from wagtail.snippets.models import register_snippet

from .views import CaseViewSet

register_snippet(CaseViewSet)

from django.urls import include, path  # noqa: E402
from wagtail import hooks  # noqa: E402

from . import downloads  # noqa: E402


@hooks.register("register_admin_urls")
def register_document_download_url():
    return [path("", include(downloads.urlpatterns))]


@hooks.register("construct_homepage_panels")
def add_failed_mail_panel(request, panels):
    from .outbox_panel import add_panel

    add_panel(request, panels)
