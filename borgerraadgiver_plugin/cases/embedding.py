"""The complaint form inside any page of the site (block and template tag share this)."""

from django.template.loader import render_to_string

from .models.pages import ComplaintFormPage

EMBED_TEMPLATE = "borgerraadgiver_cases/includes/embedded_form.html"


def form_page(page=None):
    """``page`` as a ComplaintFormPage, or the site's first live one (None if there is none)."""
    if page is not None:
        page = page.specific
        return page if isinstance(page, ComplaintFormPage) else None
    return ComplaintFormPage.objects.live().first()


def embedded_context(request, page=None, heading=""):
    page = form_page(page)
    if page is None or request is None:
        return {"form_page": None, "heading": heading}
    return {**page.get_form_context(request), "heading": heading}


def render_embedded(request, page=None, heading=""):
    return render_to_string(EMBED_TEMPLATE, embedded_context(request, page, heading),
                            request=request)
