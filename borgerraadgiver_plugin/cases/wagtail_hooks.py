from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .. import retention
from ..admin_assets import stylesheet
from ..admin_menu import MENU_HOOK
from ..subject_access import SOURCES_HOOK
from . import anonymisation, downloads, import_files
from .dashboard import panels_for
from .outreach import retention as booking_retention
from .outreach.subject_access import BookingSource
from .subject_access import CaseSource
from .views import CaseViewSet, import_log
from .views.access import CaseDeleteBulkAction
from .views.access_request import URL_NAME, AccessRequestMenuItem, AccessRequestView
from .views.actions import CHANGE_PERMISSION
from .views.inspect import CASE_ACTIONS_HOOK
from .views.letter_templates import LetterTemplateViewSet
from .views.outreach import (
    BOOKINGS_URL_NAME,
    MAKE_CASE_URL_NAME,
    BookingsDayView,
    BookingsMenuItem,
    MakeCaseView,
    OutreachSessionViewSet,
)

register_snippet(CaseViewSet)
register_snippet(OutreachSessionViewSet)
# After Wagtail's own bulk delete (order 0), so that cases get the guarded one.
hooks.register("register_bulk_action", CaseDeleteBulkAction, order=1)


@hooks.register("insert_global_admin_css")
def case_screens_css():
    return stylesheet("borgerraadgiver_cases/css/admin.css")


@hooks.register("register_admin_urls")
def register_document_download_url():
    return [path("", include(downloads.urlpatterns))]


@hooks.register("register_admin_urls")
def register_access_request_url():
    return [path("borgerraadgiver/cases/access-requests/", AccessRequestView.as_view(),
                 name=URL_NAME)]


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("borgerraadgiver/cases/import/", import_log.ImportView.as_view(),
                 name=import_log.URL_NAME)]


@hooks.register(MENU_HOOK)
def register_access_request_menu_item():
    return AccessRequestMenuItem(_("Access requests"), reverse(URL_NAME), icon_name="user",
                                 order=150)


@hooks.register("register_admin_urls")
def register_outreach_booking_urls():
    return [
        path("borgerraadgiver/cases/outreach-bookings/", BookingsDayView.as_view(),
             name=BOOKINGS_URL_NAME),
        path("borgerraadgiver/cases/outreach-bookings/<int:pk>/case/", MakeCaseView.as_view(),
             name=MAKE_CASE_URL_NAME),
    ]


@hooks.register(MENU_HOOK)
def register_outreach_bookings_menu_item():
    return BookingsMenuItem(_("Bookings of the day"), reverse(BOOKINGS_URL_NAME),
                            icon_name="calendar-check", order=125)


hooks.register(SOURCES_HOOK, CaseSource)
hooks.register(SOURCES_HOOK, BookingSource)


@hooks.register("construct_homepage_panels")
def add_case_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register(retention.HOOK)
def retention_source():
    return anonymisation.source()


hooks.register(retention.CLEANUP_HOOK, import_files.purge_pending_imports)


register_snippet(LetterTemplateViewSet)


@hooks.register(CASE_ACTIONS_HOOK)
def letter_action(case, user):
    if case.is_merged or not user.has_perm(CHANGE_PERMISSION):
        return None
    return {"label": _("Write a letter"),
            "url": reverse("borgerraadgiver_cases_case:letter", args=[case.pk])}


@hooks.register(CASE_ACTIONS_HOOK)
def case_file_action(case, user):
    if case.is_merged or not user.has_perm(CHANGE_PERMISSION):
        return None
    return {"label": _("Case file (PDF)"),
            "url": reverse("borgerraadgiver_cases_case:case_file", args=[case.pk])}


@hooks.register(retention.HOOK)
def booking_retention_source():
    return booking_retention.source()
