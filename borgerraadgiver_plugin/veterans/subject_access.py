"""The veteran registry's part of an access request: contacts (veterans and relatives) that the
query names, with their consents, touchpoints and activity log (see :mod:`..subject_access`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .. import dates
from ..subject_access import Record, Source, phone_q, text_q
from .models import MunicipalTouchpoint, VeteranActivity, VeteranConsent, VeteranContact

PERMISSION = "borgerraadgiver_veterans.view_veterancontact"


class VeteranSource(Source):
    label = _("Veteran registry")
    permission = PERMISSION

    def find(self, query):
        contacts, by_phone = phone_q(VeteranContact.objects.all(), query, "phone")
        consents = VeteranConsent.objects.filter(parties__icontains=query)
        activities = VeteranActivity.objects.filter(text_q(query, "participants", "note"))
        touchpoints = MunicipalTouchpoint.objects.filter(
            text_q(query, "unit", "contact_person", "next_step"))
        contacts = (contacts.filter(text_q(query, "name", "email", "phone") | by_phone
                                    | Q(pk__in=consents.values("contact_id"))
                                    | Q(pk__in=activities.values("contact_id"))
                                    | Q(pk__in=touchpoints.values("contact_id")))
                    .select_related("veteran")
                    .prefetch_related("consents", "touchpoints__area",
                                      "activities__touchpoints__area", "need_areas",
                                      "relatives")
                    .order_by("created_at", "pk"))
        return [contact_record(contact, query) for contact in contacts]


def _matched(contact, query):
    needle = query.casefold()
    found = [contact._meta.get_field(name).verbose_name for name in ("name", "email", "phone")
             if needle in getattr(contact, name).casefold()]
    if any(needle in consent.parties.casefold() for consent in contact.consents.all()):
        found.append(_("consent"))
    if any(needle in f"{activity.participants} {activity.note}".casefold()
           for activity in contact.activities.all()):
        found.append(_("activity log"))
    if any(needle in f"{touchpoint.unit} {touchpoint.contact_person} {touchpoint.next_step}"
           .casefold() for touchpoint in contact.touchpoints.all()):
        found.append(_("municipal touchpoint"))
    # Nothing contains the query as typed: the phone number matched with other spacing.
    return found or [contact._meta.get_field("phone").verbose_name]


def contact_record(contact, query=""):
    """A registry contact as the person is shown it. Relatives appear by reference only: what
    is held about them is theirs, not the veteran's."""
    details = [
        (_("Registered"), dates.show(contact.created_at)),
        (_("Role"), contact.get_role_display()),
        (_("Relation"), contact.get_relation_display() if contact.relation else ""),
        (_("Relative of"), contact.veteran.reference if contact.veteran else ""),
        (_("Name"), contact.name),
        (_("Phone"), contact.phone),
        (_("E-mail"), contact.email),
        (_("Address"), contact.address),
        (_("Best time to call"), contact.best_time),
        (_("Mission and year"), contact.mission),
        (_("Need areas"), contact.need_area_names()),
        (_("Situation note"), contact.situation_note),
        (_("Relatives registered"), ", ".join(
            f"{relative.reference} ({relative.get_relation_display()})"
            for relative in contact.relatives.all())),
    ]
    entries = [(_("Consent %(date)s") % {"date": dates.show(consent.given_on)}, [
        (_("Scope"), consent.get_scope_display()),
        (_("Named units or partners"), consent.parties),
        (_("Channel"), consent.get_channel_display()),
        (_("Withdrawn on"), dates.show(consent.withdrawn_on) if consent.withdrawn_on else ""),
    ]) for consent in contact.consents.all()]
    entries += [(_("Municipal touchpoint"), [
        (_("Unit"), str(touchpoint)), (_("Contact person there"), touchpoint.contact_person),
        (_("Agreed next step"), touchpoint.next_step),
        (_("Next step by"), dates.show(touchpoint.next_step_on)),
    ]) for touchpoint in contact.touchpoints.all()]
    entries += [(f"{dates.show(activity.date)} {activity.get_kind_display()}", [
        (_("Participants"), activity.participants), (_("Note"), activity.note),
        (_("Units"), ", ".join(str(touchpoint) for touchpoint in activity.touchpoints.all())),
    ]) for activity in contact.activities.all()]
    data = {
        "reference": contact.reference, "role": contact.role, "relation": contact.relation,
        "relative_of": contact.veteran.reference if contact.veteran else "",
        "name": contact.name, "phone": contact.phone, "email": contact.email,
        "address": contact.address, "best_time": contact.best_time, "mission": contact.mission,
        "situation_note": contact.situation_note, "created_at": contact.created_at,
        "consents": [{"scope": consent.scope, "parties": consent.parties,
                      "given_on": consent.given_on, "withdrawn_on": consent.withdrawn_on}
                     for consent in contact.consents.all()],
        "activities": [{"date": activity.date, "kind": activity.kind,
                        "participants": activity.participants, "note": activity.note,
                        "follow_up": activity.follow_up}
                       for activity in contact.activities.all()],
        "touchpoints": [{"unit": str(touchpoint), "contact_person": touchpoint.contact_person,
                         "since": touchpoint.since, "until": touchpoint.until,
                         "next_step": touchpoint.next_step,
                         "next_step_on": touchpoint.next_step_on}
                        for touchpoint in contact.touchpoints.all()],
    }
    return Record(
        key=f"veteran:{contact.pk}", kind=_("Veteran registry"), reference=contact.reference,
        instance=contact, name=contact.name, email=contact.email, phone=contact.phone,
        matched=_matched(contact, query) if query else [],
        details=[(label, value) for label, value in details if value],
        entries=[(heading, [(label, value) for label, value in rows if value])
                 for heading, rows in entries],
        data=data)
