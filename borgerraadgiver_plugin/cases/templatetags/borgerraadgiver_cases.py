"""``{% load borgerraadgiver_cases %}{% complaint_form %}`` renders the complaint form in any
template; ``{% complaint_form some_page heading="..." %}`` names the form page."""

from django import template

from ..embedding import render_embedded

register = template.Library()


@register.simple_tag(takes_context=True)
def complaint_form(context, page=None, heading=""):
    return render_embedded(context.get("request"), page, heading)
