"""Demo office hours: the page /traeffetider/, upcoming sessions at the library, the health
centre and the town hall (some booked, one cancelled), and two years of sessions held, with the
demo's outreach cases registered at them, for the annual report's "Synlighed"."""

import datetime

from django.utils import timezone
from django.utils.translation import ngettext

from ...choices import Channel
from ...demo import ensure_page
from ..models import Case, OutreachBooking, OutreachPage, OutreachSession, SessionKind

LIBRARY = ("Store Heddinge Bibliotek", "Ved Hallen 2, 4660 Store Heddinge")
HEALTH_CENTRE = ("Sundhedshuset Stevns", "Hårlev Bygade 45, 4652 Hårlev")
TOWN_HALL = ("Stevns Rådhus, Borgerservice", "Køgevej 1, 4660 Store Heddinge")
LIBRARY_HAARLEV = ("Hårlev Bibliotek", "Hårlev Bygade 47, 4652 Hårlev")
PHONE = ("Telefontid", "")

#: (weeks ahead, weekday 0=Monday, start hour, end hour, place, kind, note)
UPCOMING = [
    (0, 1, 14, 16, LIBRARY, SessionKind.BOOKING, "Vi sidder i mødelokalet bag udlånet."),
    (0, 3, 10, 12, HEALTH_CENTRE, SessionKind.DROP_IN, "Kom forbi – ingen tidsbestilling."),
    (1, 0, 9, 11, PHONE, SessionKind.PHONE, "Ring på 56 57 57 57 og bed om borgerrådgiveren."),
    (1, 2, 13, 15, TOWN_HALL, SessionKind.BOOKING, "Spørg efter borgerrådgiveren i "
                                                   "Borgerservice."),
    (2, 1, 16, 18, LIBRARY_HAARLEV, SessionKind.DROP_IN, ""),
    (3, 1, 14, 16, LIBRARY, SessionKind.BOOKING, "Vi sidder i mødelokalet bag udlånet."),
]
PAST_PLACES = [LIBRARY, HEALTH_CENTRE, TOWN_HALL, LIBRARY_HAARLEV]
BOOKERS = [("Jens Petersen", "21 43 65 87", ""), ("Karen Holm", "", "karen.holm@example.invalid"),
           ("Ahmed Yilmaz", "40 11 22 33", "ahmed@example.invalid")]

PAGE_INTRO = (
    "<p>Borgerrådgiveren holder træffetid rundt om i kommunen: på bibliotekerne, i "
    "Sundhedshuset og på rådhuset. Nogle træffetider kræver ingen aftale, til andre kan du "
    "booke en tid på 20 minutter.</p>")


def _at(day, hour):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def build(context):
    ensure_page(context.home, OutreachPage, "traeffetider", title="Træffetider",
                intro=PAGE_INTRO)
    if OutreachSession.objects.exists():
        return
    today = context.today
    monday = today - datetime.timedelta(days=today.weekday())
    created = 0
    for weeks, weekday, start, end, (place, address), kind, note in UPCOMING:
        day = monday + datetime.timedelta(weeks=weeks + 1, days=weekday)
        session = OutreachSession.objects.create(
            place_name=place, address=address, starts_at=_at(day, start), ends_at=_at(day, end),
            kind=kind, slot_minutes=20, public_note=note)
        created += 1
        if weeks == 0 and kind == SessionKind.BOOKING:
            for (name, phone, email), slot in zip(BOOKERS, session.slot_starts()[1::2],
                                                  strict=False):
                OutreachBooking.objects.create(session=session, slot_start=slot, name=name,
                                               phone=phone, email=email)
    cancelled = OutreachSession.objects.filter(place_name=LIBRARY_HAARLEV[0]).first()
    cancelled.cancelled = True
    cancelled.cancellation_note = ("Aflyst på grund af sygdom. Ring gerne på 56 57 57 57 i "
                                   "stedet.")
    cancelled.save()
    created += _held_sessions(context)
    context.log.append(ngettext("%(count)s office hours session", "%(count)s office hours "
                                "sessions", created) % {"count": created})


def _held_sessions(context):
    """A session on the day of every demo case taken at outreach, the case registered at it,
    and a few bookings whose names retention has already emptied."""
    count = 0
    outreach_cases = Case.objects.filter(channel=Channel.OUTREACH, outreach_session=None)
    for number, case in enumerate(outreach_cases.order_by("received_at")):
        day = timezone.localdate(case.received_at)
        place, address = PAST_PLACES[number % len(PAST_PLACES)]
        kind = SessionKind.BOOKING if number % 2 else SessionKind.DROP_IN
        session = OutreachSession.objects.filter(starts_at__date=day).first() or \
            OutreachSession.objects.create(
                place_name=place, address=address, starts_at=_at(day, 9), ends_at=_at(day, 12),
                kind=kind, slot_minutes=20)
        count += 1
        Case.objects.filter(pk=case.pk).update(outreach_session=session)
        if kind == SessionKind.BOOKING and timezone.localdate() - day > datetime.timedelta(
                days=30):
            for slot in session.slot_starts()[: 1 + context.rng.randint(0, 3)]:
                OutreachBooking.objects.create(session=session, slot_start=slot,
                                               anonymised_at=session.ends_at)
    return count

