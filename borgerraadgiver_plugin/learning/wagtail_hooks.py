from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from ..admin_menu import MENU_HOOK
from ..cases.anonymisation import ANONYMISING_HOOK
from ..cases.views.inspect import CASE_ACTIONS_HOOK
from ..erasure import CHECK_HOOK as ERASURE_CHECK_HOOK
from . import erasure, views
from .admin_views import (
    READS_PERMISSION,
    NoteReadersView,
    ReadsReportView,
    RecommendationViewSet,
    start_note_view,
)

recommendation_viewset = RecommendationViewSet()
register_snippet(recommendation_viewset)
hooks.register(CASE_ACTIONS_HOOK, recommendation_viewset.case_action)


class ReadsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(READS_PERMISSION)


@hooks.register("register_admin_urls")
def register_reads_report_urls():
    return [
        path("borgerraadgiver/learning/reads/", ReadsReportView.as_view(),
             name="borgerraadgiver_learning_reads"),
        path("borgerraadgiver/learning/reads/<int:note_id>/", NoteReadersView.as_view(),
             name="borgerraadgiver_learning_readers"),
        path("borgerraadgiver/learning/notes/start/", start_note_view,
             name="borgerraadgiver_learning_start_note"),
    ]


@hooks.register(MENU_HOOK)
def register_reads_menu_item():
    return ReadsMenuItem(_("Reads of learning notes"), reverse("borgerraadgiver_learning_reads"),
                         icon_name="view", order=310)


hooks.register("after_create_page", views.warn_on_draft)
hooks.register("after_edit_page", views.warn_on_draft)
hooks.register("before_bulk_action", views.refuse_bulk_publish)
hooks.register(ERASURE_CHECK_HOOK, erasure.erasure_check)
hooks.register(ANONYMISING_HOOK, erasure.delete_old_revisions)
