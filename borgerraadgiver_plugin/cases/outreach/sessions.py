"""What a citizen sees of a session: its date line and whether (and why not) it can be booked."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models.outreach import OutreachSession, SessionKind

#: Why a session cannot be booked, as the citizen is told it.
NOT_BOOKABLE = {
    "kind": gettext_lazy("This session needs no appointment: just come by."),
    "cancelled": gettext_lazy("This session is cancelled and cannot be booked."),
    "past": gettext_lazy("This session has already taken place and cannot be booked."),
    "full": gettext_lazy("This session is fully booked. Choose another session, or call us."),
}


def clock(moment):
    """14 or 14.30: the Danish way of writing a time of day."""
    return f"{moment.hour}" if not moment.minute else f"{moment.hour}.{moment.minute:02d}"


def day_line(moment, now=None):
    """"tirsdag 3. februar" (with the year when it is not this year), in local time."""
    local = timezone.localtime(moment)
    this_year = timezone.localtime(now or timezone.now()).year
    text = _("%(weekday)s %(day)d. %(month)s") % {
        "weekday": WEEKDAYS[local.weekday()], "day": local.day, "month": MONTHS[local.month]}
    if local.year != this_year:
        text = f"{text} {local.year}"
    return text


def when(session, now=None):
    """"tirsdag 3. februar kl. 14–16": the session's day and hours in local time."""
    start, end = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    return _("%(day)s at %(start)s–%(end)s") % {
        "day": day_line(start, now), "start": clock(start), "end": clock(end)}


def slot_label(moment):
    return _("at %(time)s") % {"time": clock(timezone.localtime(moment))}


def where(session):
    return ", ".join(part for part in (session.place_name, session.address) if part)


def free_slots(session, now=None):
    """The slots still free and not begun, or [] when the session takes no more bookings."""
    now = now or timezone.now()
    taken = set(session.bookings.active().values_list("slot_start", flat=True))
    if session.places <= len(taken):
        return []
    return [start for start in session.slot_starts() if start not in taken and start > now]


def why_not_bookable(session, now=None):
    """The code of :data:`NOT_BOOKABLE` that applies to ``session``, or None if it has a free
    slot. Checked again under a lock when a booking is stored (``booking.book``)."""
    now = now or timezone.now()
    if session.kind != SessionKind.BOOKING:
        return "kind"
    if session.cancelled:
        return "cancelled"
    if session.ends_at <= now:
        return "past"
    if not free_slots(session, now):
        return "full"
    return None


@dataclass
class Listed:
    """A session as the upcoming-sessions list shows it."""

    session: OutreachSession
    when: str
    where: str
    bookable: bool
    full: bool


def upcoming(limit=None, now=None):
    """The next sessions that have not ended, cancelled ones included, soonest first."""
    now = now or timezone.now()
    sessions = OutreachSession.objects.upcoming(now)
    if limit:
        sessions = sessions[:limit]
    listed = []
    for session in sessions:
        reason = why_not_bookable(session, now)
        listed.append(Listed(session, when(session, now), where(session),
                             bookable=reason is None, full=reason == "full"))
    return listed
