"""What every page of the plugin shares: it renders inside the customer's own base template."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from . import conf


class SiteTemplateMixin:
    """Give templates ``base_template``, the site's base (``BORGERRAADGIVER_BASE_TEMPLATE``).

    The plugin's page templates ``{% extends base_template %}`` and fill its ``content`` block.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["base_template"] = conf.get("BORGERRAADGIVER_BASE_TEMPLATE")
        return context


class IntroPage(SiteTemplateMixin, Page):
    """A plugin page with a title and an introduction; the richer pages build on it."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    template = "borgerraadgiver/intro_page.html"

    class Meta:
        abstract = True
