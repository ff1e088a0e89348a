"""veteran_counts(start, end): the annual report's veteran section, counts only."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.veterans.choices import ContactRole, Relation
from borgerraadgiver_plugin.veterans.models import NeedArea, PartnerReferral, VeteranActivity
from borgerraadgiver_plugin.veterans.statistics import veteran_counts
from tests.factories import VeteranContactFactory

from . import helpers

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)


def at(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def year(groups):
    old = VeteranContactFactory(name="Gammel Veteran", created_at=at(datetime.date(2024, 3, 1)))
    new = VeteranContactFactory(name="Ny Veteran", created_at=at(datetime.date(2025, 5, 1)))
    relative = VeteranContactFactory(name="Ny Pårørende", role=ContactRole.RELATIVE, veteran=new,
                                     relation=Relation.PARTNER,
                                     created_at=at(datetime.date(2025, 6, 1)))
    VeteranContactFactory(name="Stille Veteran", created_at=at(datetime.date(2024, 1, 1)))
    VeteranContactFactory(name="Næste År", created_at=at(datetime.date(2026, 1, 5)))
    housing, health = (NeedArea.objects.get(code=c) for c in ("HOUSING", "HEALTH"))
    old.need_areas.set([housing])
    new.need_areas.set([housing, health])
    day = datetime.date(2025, 9, 5)
    VeteranActivity.objects.bulk_create([
        VeteranActivity(contact=old, kind="COORDINATION_MEETING", date=datetime.date(2025, 2, 1)),
        VeteranActivity(contact=new, kind="COORDINATION_MEETING", date=datetime.date(2025, 7, 1)),
        VeteranActivity(contact=new, kind="EVENT", date=day),
        VeteranActivity(contact=relative, kind="EVENT", date=day),
        VeteranActivity(contact=old, kind="COORDINATION_MEETING", date=datetime.date(2024, 2, 1)),
    ])
    vc, fdv = helpers.partner("VETERANCENTRET"), helpers.partner("FDV")
    PartnerReferral.objects.bulk_create([
        PartnerReferral(contact=old, partner=vc, sent_on=datetime.date(2025, 3, 1)),
        PartnerReferral(contact=new, partner=vc, sent_on=datetime.date(2025, 8, 1)),
        PartnerReferral(contact=new, partner=fdv, kind="NOMINATION",
                        sent_on=datetime.date(2025, 8, 2)),
        PartnerReferral(contact=new, partner=vc, sent_on=datetime.date(2024, 8, 1)),
    ])


def test_counts_for_a_year(year):
    counts = veteran_counts(START, END)
    assert counts["contacts"] == {"veterans": 2, "relatives": 1, "total": 3}
    assert counts["new_contacts"] == {"veterans": 1, "relatives": 1, "total": 2}
    assert counts["need_areas"]["Bolig"] == 2
    assert counts["need_areas"]["Sundhed/psykiatri"] == 1
    assert counts["need_areas"]["Misbrug"] == 0
    assert counts["coordination_meetings"] == 2
    assert counts["events"] == 2
    assert counts["referrals_by_partner"] == {"Veterancentret": 2}
    assert counts["referrals"] == 2
    assert counts["nominations"] == 1
    assert counts["nominations_by_partner"] == {"Fonden Danske Veteranhjem": 1}


def test_counts_are_plain_numbers_without_names(year):
    counts = veteran_counts(START, END)
    text = repr(counts)
    for name in ("Gammel", "Ny Veteran", "Pårørende", "Stille"):
        assert name not in text

    def numbers_only(value):
        if isinstance(value, dict):
            return all(numbers_only(v) for v in value.values())
        return isinstance(value, int)

    assert numbers_only(counts)


def test_empty_period_counts_zero(groups):
    counts = veteran_counts(START, END)
    assert counts["contacts"]["total"] == 0 and counts["referrals_by_partner"] == {}
