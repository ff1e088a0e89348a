"""Blocks for any StreamField page of the site: the citizen's form, the upcoming office hours."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .embedding import EMBED_TEMPLATE, embedded_context
from .outreach.listing import TEMPLATE as LISTING_TEMPLATE
from .outreach.listing import listing_context


class ComplaintFormBlock(blocks.StructBlock):
    """Renders the form of a ComplaintFormPage; it posts to that page, so the same pipeline
    stores the case and shows errors and the receipt."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    page = blocks.PageChooserBlock(
        label=_("form page"), required=False,
        page_type="borgerraadgiver_cases.ComplaintFormPage",
        help_text=_("Empty: the site's complaint form page."),
    )

    class Meta:
        icon = "form"
        label = _("Complaint form")
        template = EMBED_TEMPLATE

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context.update(embedded_context(request, value.get("page"), value.get("heading")))
        return context


class UpcomingSessionsBlock(blocks.StructBlock):
    """The next outreach sessions (træffetider), with booking and calendar links when the site
    has an office hours page; cancelled sessions say so."""

    heading = blocks.CharBlock(label=_("heading"), required=False,
                               help_text=_("Empty: “Meet the citizen advisor”."))
    limit = blocks.IntegerBlock(label=_("number of sessions"), default=5, min_value=1,
                                max_value=50)

    class Meta:
        icon = "date"
        label = _("Upcoming office hours")
        template = LISTING_TEMPLATE

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        block_id = (parent_context or {}).get("id") or "block"  # the stream child's id
        context.update(listing_context(request, value.get("limit"), value.get("heading"),
                                       heading_id=f"br-outreach-{block_id}"))
        return context
