"""A small fixed dataset for the export fixtures: every value pinned, so the exported bytes are
the same on every run (formula characters, newlines, Danish letters, empty cells, themes)."""

import datetime

from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.choices import CaseStatus
from borgerraadgiver_plugin.veterans.choices import ContactRole, Relation
from borgerraadgiver_plugin.veterans.models import NeedArea
from tests.factories import AreaFactory, CaseFactory, ThemeFactory, VeteranContactFactory

CASES = [
    # reference, received, status, name, account, themes
    ("FIX-0001", (2024, 3, 4, 9, 15), CaseStatus.NEW, "Åse Ørum", "Et helt\nalmindeligt svar", []),
    ("FIX-0002", (2024, 7, 1, 23, 30), CaseStatus.OPEN, "=HYPERLINK(\"http://x\")",
     "+1+1, \"citeret\"", ["Sagsbehandlingstid", "Partshøring"]),
    ("FIX-0003", (2025, 1, 31, 0, 5), CaseStatus.CLOSED, "@SUM(A1)", "-2\r\nlinje to",
     ["Partshøring"]),
    ("FIX-0004", (2025, 12, 24, 12, 0), CaseStatus.AWAITING_UNIT, "", "\tfaneblad", []),
]


def build_cases():
    area = AreaFactory(name="Børn og unge", committee="")
    themes = {name: ThemeFactory(code=f"FIX_{n}", name=name)
              for n, name in enumerate(["Sagsbehandlingstid", "Partshøring"])}
    for reference, received, status, name, account, theme_names in CASES:
        case = CaseFactory(
            reference=reference, citizen_name=name, citizen_email="borger@example.invalid",
            account=account, area=area if status != CaseStatus.NEW else None,
            receipt_token=reference)
        case.themes.set([themes[theme] for theme in theme_names])
        received_at = timezone.make_aware(datetime.datetime(*received))
        closed = received_at + datetime.timedelta(days=20) if status == CaseStatus.CLOSED else None
        due = received_at.date() + datetime.timedelta(days=14) if status != CaseStatus.CLOSED \
            else None
        Case.objects.filter(pk=case.pk).update(received_at=received_at, status=status,
                                               closed_at=closed, next_deadline=due)


def build_contacts():
    housing = NeedArea.objects.get_or_create(code="FIX_HOUSING",
                                             defaults={"name": "Bolig", "sort_order": 1})[0]
    work = NeedArea.objects.get_or_create(code="FIX_WORK",
                                          defaults={"name": "Job", "sort_order": 2})[0]
    given = timezone.localdate() - datetime.timedelta(days=1)
    jens = VeteranContactFactory(
        pk=9101, name="Jens Ærø", email="jens@example.invalid",
        mission="Afghanistan 2009\nHelmand", next_follow_up=datetime.date(2026, 2, 3),
        consent__given_on=given)
    jens.need_areas.set([housing, work])
    kim = VeteranContactFactory(
        pk=9102, name="Kim =Andersen", role=ContactRole.RELATIVE, veteran=jens,
        relation=Relation.PARTNER, phone="+45 20 30 40 50", active=False, without_consent=True)
    kim.need_areas.set([work])
