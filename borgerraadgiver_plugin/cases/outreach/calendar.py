"""The sessions as calendar files (RFC 5545): one per session, and a feed of all upcoming.

Times are written in the site's zone (Europe/Copenhagen) with a ``TZID`` and the zone's own
``VTIMEZONE`` (made by the ``icalendar`` package from the zone database), so a calendar shows
14–16 on both sides of a daylight-saving change. A cancelled session stays in the feed with
``STATUS:CANCELLED`` and says so in its title, so a calendar that has it strikes it out.
"""

import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .sessions import where

PRODUCT = "-//borgerraadgiver_plugin//outreach sessions//DA"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def _zone():
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def event(session, domain, url=""):
    """The VEVENT of ``session``; ``domain`` makes its UID unique to this site."""
    zone = _zone()
    item = Event()
    item.add("uid", f"outreach-session-{session.pk}@{domain}")
    item.add("dtstamp", session.updated_at or timezone.now())
    item.add("dtstart", session.starts_at.astimezone(zone))
    item.add("dtend", session.ends_at.astimezone(zone))
    title = _("The citizen advisor: %(kind)s at %(place)s") % {
        "kind": session.get_kind_display().lower(), "place": session.place_name}
    item.add("summary", _("Cancelled: %(title)s") % {"title": title} if session.cancelled
             else title)
    if location := where(session):
        item.add("location", location)
    note = session.cancellation_note if session.cancelled else session.public_note
    if note:
        item.add("description", note)
    item.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    if url:
        item.add("url", url)
    return item


def calendar(sessions, domain, name, url_for=None):
    """A VCALENDAR of ``sessions`` with the VTIMEZONE its times use. ``url_for(session)``
    gives a session's page address."""
    document = Calendar()
    document.add("prodid", PRODUCT)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("method", "PUBLISH")
    document.add("x-wr-calname", name)
    document.add("x-wr-timezone", settings.TIME_ZONE)
    for session in sessions:
        document.add_component(event(session, domain, url_for(session) if url_for else ""))
    document.add_missing_timezones()
    return document.to_ical()
