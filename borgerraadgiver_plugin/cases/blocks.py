"""ComplaintFormBlock: the citizen's form inside any StreamField page of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .embedding import EMBED_TEMPLATE, embedded_context


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
