"""Coordination across municipal units (domain.md §7: "koordinering, hvis en veteran er i
kontakt med flere dele af kommunen"): who deals with two or more units, when the coordinator
last held a coordination meeting about them, and the meeting itself, naming the units.

Rules only: the screens in :mod:`.coordination_views` collect input and call these.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Max, Q
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import consent as rules
from .choices import ActivityKind
from .meetings import check_meeting_units
from .models import MunicipalTouchpoint, VeteranActivity, VeteranContact

#: "No coordination activity for N weeks": the overview's default.
QUIET_WEEKS = 8
MAX_QUIET_WEEKS = 260


def _current_q(on, prefix="touchpoints__"):
    return ((Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": on}))
            & ~Q(**{f"{prefix}area__valid_to__lt": on}))


def coordinated(on=None):
    """Active contacts with their number of current units and their last coordination meeting
    (``unit_count``, ``last_coordination``)."""
    on = on or rules.today()
    return (VeteranContact.objects.filter(active=True, anonymised_at__isnull=True)
            .annotate(unit_count=Count("touchpoints", filter=_current_q(on), distinct=True),
                      last_coordination=Max("activities__date", filter=Q(
                          activities__kind=ActivityKind.COORDINATION_MEETING))))


def needing_coordination(on=None, *, area=None, quiet_weeks=QUIET_WEEKS):
    """Active contacts in touch with two or more units; with ``area``, only those whose
    current units include it; only those with no coordination meeting in ``quiet_weeks``
    weeks (never counts as quiet; 0 for everyone). Longest quiet first."""
    on = on or rules.today()
    contacts = coordinated(on).filter(unit_count__gte=2)
    if area is not None:
        contacts = contacts.filter(pk__in=MunicipalTouchpoint.objects.current(on).filter(
            area=area).values("contact_id"))
    if quiet_weeks:
        since = on - datetime.timedelta(weeks=quiet_weeks)
        contacts = contacts.filter(Q(last_coordination__isnull=True)
                                   | Q(last_coordination__lt=since))
    return contacts.order_by(F("last_coordination").asc(nulls_first=True), "name", "pk")


def current_touchpoints(contacts, on=None):
    """``{contact_id: [touchpoint, ...]}`` of the current units, for a page of contacts."""
    on = on or rules.today()
    found = {}
    for touchpoint in (MunicipalTouchpoint.objects.current(on).filter(contact__in=contacts)
                       .select_related("area").order_by("since", "pk")):
        found.setdefault(touchpoint.contact_id, []).append(touchpoint)
    return found


def contacts_of_area(area, on=None):
    """The active contacts the area currently deals with, with their other units counted."""
    on = on or rules.today()
    return coordinated(on).filter(pk__in=MunicipalTouchpoint.objects.current(on).filter(
        area=area).values("contact_id")).order_by("name", "pk")


@dataclass(frozen=True)
class UnitCount:
    area: object
    contacts: int
    with_other_units: int
    quiet: int


def unit_counts(on=None, quiet_weeks=QUIET_WEEKS):
    """Per area: how many active contacts it deals with, how many of them deal with other
    units too, and how many of those have had no coordination meeting for ``quiet_weeks``.
    Counts only: this is what an export of the per-unit view carries."""
    on = on or rules.today()
    since = on - datetime.timedelta(weeks=quiet_weeks)
    contacts = {contact.pk: contact for contact in coordinated(on)}
    per_area = {}
    for touchpoint in (MunicipalTouchpoint.objects.current(on)
                       .filter(area__isnull=False, contact_id__in=contacts)
                       .select_related("area")):
        per_area.setdefault(touchpoint.area, set()).add(touchpoint.contact_id)
    rows = []
    for area, ids in sorted(per_area.items(), key=lambda item: item[0].name):
        several = [contacts[pk] for pk in ids if contacts[pk].unit_count >= 2]
        quiet = [c for c in several if not c.last_coordination or c.last_coordination < since]
        rows.append(UnitCount(area, len(ids), len(several), len(quiet)))
    return rows


@transaction.atomic
def log_meeting(contact, user, *, date, touchpoints, participants="", note="", follow_up=None):
    """Log one coordination meeting naming several units, with an optional follow-up date
    (which becomes the contact's next follow-up). Refused, storing nothing, without valid
    registration consent or with a unit that is not current."""
    contact = VeteranContact.objects.select_for_update().get(pk=contact.pk)
    try:
        rules.check_new_record(contact)
    except ValidationError as error:
        raise ValidationError({"__all__": error.messages}) from None
    touchpoints = list(touchpoints)
    check_meeting_units(contact, touchpoints, date)
    if follow_up and follow_up < date:
        raise ValidationError({"follow_up": _(
            "The follow-up date cannot come before the meeting.")})
    if not participants:
        participants = ", ".join(touchpoint.label for touchpoint in touchpoints)[:255]
    activity = VeteranActivity(contact=contact, kind=ActivityKind.COORDINATION_MEETING,
                               date=date, participants=participants, note=note,
                               follow_up=follow_up)
    activity.full_clean(exclude=["contact"])
    activity.save()
    activity.touchpoints.set(touchpoints)
    log(activity, "wagtail.create", user=user)
    return activity
