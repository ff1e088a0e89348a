"""The upcoming-sessions list wherever it is shown: its block, the complaint form page, the
office hours page and the ``{% outreach_sessions %}`` tag."""

from django.template.loader import render_to_string

from ..models.outreach_page import OutreachPage
from . import sessions

TEMPLATE = "borgerraadgiver_cases/includes/outreach_sessions.html"


def listing_context(request=None, limit=None, heading="", heading_id="br-outreach-title"):
    """The next ``limit`` sessions and the site's office hours page for their links (booking,
    calendar files); without a live office hours page the list has no links."""
    page = OutreachPage.objects.live().first()
    return {"upcoming": sessions.upcoming(limit),
            "outreach_url": page.get_url(request) if page is not None else "",
            "heading": heading, "heading_id": heading_id}


def render_listing(request=None, limit=None, heading=""):
    return render_to_string(TEMPLATE, listing_context(request, limit, heading), request=request)
