"""Læringsnotater: the intranet index of learning notes, with its listing and recommendations."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ...pages import IntroPage
from .. import views
from .notes import LearningNotePage


class LearningNoteIndexPage(RoutablePageMixin, IntroPage):
    """Læringsnotater: the intranet index, newest first, filtered by theme, area, year and text.

    Sub-routes: ``anbefalinger/`` lists the areas with open recommendations and
    ``anbefalinger/<area id>/`` the open recommendations of one area. Put a view restriction
    (logged-in users) on this page to keep it and its notes on the intranet.
    """

    template = "borgerraadgiver_learning/learning_note_index_page.html"
    subpage_types = ["borgerraadgiver_learning.LearningNotePage"]
    #: Notes per page of the listing.
    page_size = 20

    class Meta:
        verbose_name = _("learning note index")

    def get_notes(self):
        return LearningNotePage.objects.live().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.note_listing(request, self))
        return context

    @path("anbefalinger/", name="recommendations")
    def recommendations_overview(self, request):
        return views.recommendations_overview(request, self)

    @path("anbefalinger/<int:area_id>/", name="area_recommendations")
    def area_recommendations(self, request, area_id):
        return views.area_recommendations(request, self, area_id)
