"""A small fixed dataset for the statistics, with the traps: New Year in Copenhagen time (on
arrival and on closure), a merged duplicate, a closed area, a case received in one year and
closed in the next, a case with no area, and an area with no cases; referrals and
recommendations on both sides of New Year.

Report year 2025, previous 2024. The figures the tests expect are worked out by hand in
test_statistics.py next to each assertion.
"""

import datetime
from types import SimpleNamespace

from borgerraadgiver_plugin.cases.models import CaseHandlingMethod
from borgerraadgiver_plugin.choices import (
    CaseOrigin,
    CaseStatus,
    Channel,
    CriticismLevel,
    HandlingMethod,
    InquiryType,
    Outcome,
    RecommendationStatus,
    ReferralTarget,
    RejectionReason,
)
from borgerraadgiver_plugin.veterans.choices import ContactRole
from tests.factories import (
    AreaFactory,
    CaseFactory,
    RecommendationFactory,
    ReferralBodyFactory,
    ThemeFactory,
    VeteranContactFactory,
)

UTC = datetime.UTC


def utc(*args):
    return datetime.datetime(*args, tzinfo=UTC)


def build():
    a = AreaFactory(name="Social og Sundhed", sort_order=1)
    b = AreaFactory(name="Teknik (nedlagt)", sort_order=2, valid_to=datetime.date(2025, 3, 31))
    c = AreaFactory(name="Kultur", sort_order=3, valid_from=datetime.date(2024, 1, 1))
    AreaFactory(name="Gammelt center", sort_order=4, valid_to=datetime.date(2023, 6, 30))
    t1 = ThemeFactory(code="SVAR", name="Manglende svar")
    t2 = ThemeFactory(code="SAGSTID", name="Sagsbehandlingstid")

    def case(area, received, closed=None, methods=(), themes=(), **fields):
        fields.setdefault("status", CaseStatus.CLOSED if closed else CaseStatus.OPEN)
        made = CaseFactory(area=area, received_at=received, closed_at=closed, **fields)
        made.themes.set(themes)
        for method in methods:
            CaseHandlingMethod.objects.create(case=made, method=method)
        return made

    cases = SimpleNamespace(
        # 2024-12-31 23:30 UTC is 00:30 on 1 January 2025 in Copenhagen: a 2025 case.
        new_year=case(a, utc(2024, 12, 31, 23, 30), utc(2025, 1, 11, 9), channel=Channel.WEBFORM,
                      methods=[HandlingMethod.FORWARDED], themes=[t1, t2],
                      outcome=Outcome.RESOLVED_DIALOGUE),
        # 23:30 on New Year's Eve 2024 locally: received in 2024, closed in 2025 (2 days).
        old_year=case(a, utc(2024, 12, 31, 22, 30), utc(2025, 1, 2, 10),
                      inquiry_type=InquiryType.GUIDANCE, themes=[t2]),
        merged=case(a, utc(2025, 3, 1, 10), themes=[t1], status=CaseStatus.MERGED),
        # Area b closed on 31 March 2025; the case keeps it (120 days, criticism).
        closed_area=case(b, utc(2025, 2, 10, 10), utc(2025, 6, 10, 10), channel=Channel.EMAIL,
                         methods=[HandlingMethod.INVESTIGATION], themes=[t1],
                         criticism_level=CriticismLevel.KRITISABELT),
        no_criticism=case(a, utc(2025, 4, 1, 8), utc(2025, 4, 21, 8), channel=Channel.EMAIL,
                          methods=[HandlingMethod.INVESTIGATION], themes=[t1],
                          outcome=Outcome.NO_CRITICISM),
        rejected=case(a, utc(2025, 5, 1, 8), utc(2025, 5, 5, 8), channel=Channel.WEBFORM,
                      methods=[HandlingMethod.REJECTED],
                      rejection_reason=RejectionReason.POLITICAL, outcome=Outcome.REJECTED),
        still_open=case(a, utc(2025, 6, 1, 8), inquiry_type=InquiryType.GUIDANCE),
        # An own-initiative study with no area, closed at 23:30 on New Year's Eve locally.
        study=case(None, utc(2025, 7, 1, 8), utc(2025, 12, 31, 22, 30), channel=Channel.EMAIL,
                   inquiry_type=InquiryType.SUGGESTION, origin=CaseOrigin.OWN_GENERAL),
        # 2025-12-31 23:30 UTC is already 2026 in Copenhagen: in neither period.
        next_year=case(a, utc(2025, 12, 31, 23, 30)),
        # 2024: an investigation ending in a recommendation (30 days).
        last_year=case(a, utc(2024, 5, 5, 8), utc(2024, 6, 4, 8), channel=Channel.LETTER,
                       methods=[HandlingMethod.INVESTIGATION], themes=[t2],
                       outcome=Outcome.RECOMMENDATION),
    )
    council = ReferralBodyFactory(code=ReferralTarget.COUNCIL)
    cases.rejected.referral_bodies.set([council, ReferralBodyFactory(code=ReferralTarget.UNIT)])
    cases.last_year.referral_bodies.set([council])
    for area, issued, status in [(a, datetime.date(2025, 6, 1), RecommendationStatus.ACCEPTED),
                                 (a, datetime.date(2025, 9, 1), RecommendationStatus.ACCEPTED),
                                 (c, datetime.date(2025, 12, 31), RecommendationStatus.PROPOSED),
                                 (a, datetime.date(2024, 12, 31), RecommendationStatus.DECLINED)]:
        RecommendationFactory(text="Svar inden for fristen.", area=area, issued_on=issued,
                              status=status)
    for role, registered in [(ContactRole.VETERAN, utc(2025, 3, 1, 9)),
                             (ContactRole.VETERAN, utc(2025, 4, 1, 9)),
                             (ContactRole.VETERAN, utc(2024, 12, 31, 23, 30)),  # 2025 locally
                             (ContactRole.RELATIVE, utc(2025, 5, 1, 9)),
                             (ContactRole.VETERAN, utc(2024, 8, 1, 9))]:
        VeteranContactFactory(name="Veteran", role=role, created_at=registered, phone="",
                              without_consent=True)
    return SimpleNamespace(areas=SimpleNamespace(a=a, b=b, c=c), themes=(t1, t2), cases=cases)
