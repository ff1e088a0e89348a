from django.urls import path
from wagtail import hooks

from .. import retention
from ..admin_assets import stylesheet
from ..admin_menu import MENU_HOOK
from ..subject_access import SOURCES_HOOK
from . import anonymisation
from . import coordination_views as coordination
from .modeladmin import VeteransGroup
from .panels import VeteranDashboardPanel, can_see_registry
from .rights_views import ContactRightsView
from .subject_access import VeteranSource
from .views import anonymise_view

veterans_group = VeteransGroup()
veterans_group.register_with_wagtail()
hooks.register(SOURCES_HOOK, VeteranSource)


@hooks.register("insert_global_admin_css")
def dashboard_panel_css():
    return stylesheet("borgerraadgiver_veterans/css/admin.css")


@hooks.register(MENU_HOOK)
def register_veterans_in_advisor_menu():
    return veterans_group.get_menu_item(top_level=False)


@hooks.register("register_admin_menu_item")
def register_veterans_top_level():
    return veterans_group.get_menu_item(top_level=True)


@hooks.register("register_admin_urls")
def register_anonymise_url():
    return [path("borgerraadgiver/veterans/contacts/anonymise/<int:pk>/", anonymise_view,
                 name="borgerraadgiver_veterans_anonymise"),
            path("borgerraadgiver/veterans/contacts/<int:pk>/rights/<slug:step>/",
                 ContactRightsView.as_view(), name="borgerraadgiver_veterans_rights")]


@hooks.register("register_admin_urls")
def register_coordination_urls():
    base = "borgerraadgiver/veterans/coordination/"
    return [
        path(base, coordination.CoordinationOverview.as_view(), name=coordination.OVERVIEW_URL),
        path(f"{base}meetings/<int:pk>/", coordination.LogMeetingView.as_view(),
             name=coordination.MEETING_URL),
        path(f"{base}units/", coordination.UnitsView.as_view(), name=coordination.UNITS_URL),
        path(f"{base}units/<int:pk>/", coordination.UnitView.as_view(),
             name=coordination.UNIT_URL),
    ]


@hooks.register("construct_homepage_panels")
def add_veteran_panel(request, panels):
    if can_see_registry(request.user):
        panels.append(VeteranDashboardPanel())


@hooks.register(retention.HOOK)
def retention_source():
    return anonymisation.source()
