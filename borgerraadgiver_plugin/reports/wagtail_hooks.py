from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from ..admin_menu import MENU_HOOK
from .dashboard import PatternPanel
from .views import PERMISSION, URL_NAME, StatisticsView


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_statistics_url():
    return [path("borgerraadgiver/reports/statistics/", StatisticsView.as_view(), name=URL_NAME)]


@hooks.register(MENU_HOOK)
def register_statistics_menu_item():
    return StatisticsMenuItem(_("Statistics"), reverse(URL_NAME), icon_name="table", order=400)


@hooks.register("construct_homepage_panels")
def add_pattern_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(PatternPanel(request.user, reverse(URL_NAME)))
