"""``{% load borgerraadgiver_cases %}{% complaint_form %}`` renders the complaint form in any
template; ``{% complaint_form some_page heading="..." %}`` names the form page.
``{% outreach_sessions limit=3 heading="..." %}`` lists the next office hours."""

from django import template

from ..embedding import render_embedded
from ..outreach.listing import render_listing

register = template.Library()


@register.simple_tag(takes_context=True)
def complaint_form(context, page=None, heading=""):
    return render_embedded(context.get("request"), page, heading)


@register.simple_tag(takes_context=True)
def outreach_sessions(context, limit=5, heading=""):
    return render_listing(context.get("request"), limit, heading)
