"""Counts for the annual report's veteran section (domain.md §10.3, item 13). Counts only.

The reports part calls :func:`veteran_counts`; it gets plain numbers, never names. Suppressing
small cells is the report's job (it knows the threshold); anonymised contacts are counted.
"""

from django.db.models import Count, Q

from .choices import ActivityKind, ContactRole, ReferralKind
from .models import NeedArea, PartnerReferral, VeteranActivity, VeteranContact


def _contacts_in_period(start, end):
    """Contacts registered in the period or with an activity in it (registered by its end)."""
    return VeteranContact.objects.filter(created_at__date__lte=end).filter(
        Q(created_at__date__gte=start)
        | Q(activities__date__gte=start, activities__date__lte=end)
    ).distinct()


def veteran_counts(start, end):
    """Counts for the days ``start`` to ``end`` (dates, both included), as a plain dict::

        {"contacts": {"veterans": int, "relatives": int, "total": int},
         "new_contacts": {"veterans": int, "relatives": int, "total": int},
         "need_areas": {need area name: contacts, ...},      # every area, also 0
         "coordination_meetings": int, "contact_activities": int, "events": int,
         "referrals_by_partner": {partner name: referrals, ...},
         "referrals": int, "nominations": int, "nominations_by_partner": {...}}
    """
    contact_ids = list(_contacts_in_period(start, end).values_list("pk", flat=True))
    contacts = VeteranContact.objects.filter(pk__in=contact_ids)
    new = contacts.filter(created_at__date__gte=start, created_at__date__lte=end)

    def by_role(queryset):
        counts = dict(queryset.values_list("role").annotate(n=Count("pk")).order_by())
        veterans = counts.get(ContactRole.VETERAN, 0)
        relatives = counts.get(ContactRole.RELATIVE, 0)
        return {"veterans": veterans, "relatives": relatives, "total": veterans + relatives}

    need_areas = {
        area.name: area.n for area in NeedArea.objects.annotate(
            n=Count("contacts", filter=Q(contacts__pk__in=contact_ids), distinct=True))
    }
    activities = dict(
        VeteranActivity.objects.filter(date__gte=start, date__lte=end)
        .values_list("kind").annotate(n=Count("pk")).order_by()
    )
    referrals = PartnerReferral.objects.filter(sent_on__gte=start, sent_on__lte=end)

    def by_partner(kind):
        rows = (referrals.filter(kind=kind).values_list("partner__name")
                .annotate(n=Count("pk")).order_by("partner__name"))
        return dict(rows)

    referrals_by_partner = by_partner(ReferralKind.REFERRAL)
    nominations_by_partner = by_partner(ReferralKind.NOMINATION)
    return {
        "contacts": by_role(contacts),
        "new_contacts": by_role(new),
        "need_areas": need_areas,
        "coordination_meetings": activities.get(ActivityKind.COORDINATION_MEETING, 0),
        "contact_activities": activities.get(ActivityKind.CONTACT, 0),
        "events": activities.get(ActivityKind.EVENT, 0),
        "referrals": sum(referrals_by_partner.values()),
        "referrals_by_partner": referrals_by_partner,
        "nominations": sum(nominations_by_partner.values()),
        "nominations_by_partner": nominations_by_partner,
    }
