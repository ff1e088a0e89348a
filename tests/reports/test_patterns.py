"""Pattern signals: rising complaint themes (everywhere and in one area) and citizens with many
inquiries, against figures worked out by hand; then the advisor's way from a signal to a draft
learning note, through the buttons the statistics screen and the dashboard render."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from borgerraadgiver_plugin.choices import CaseStatus, InquiryType
from borgerraadgiver_plugin.learning.models import LearningNotePage
from borgerraadgiver_plugin.reports.patterns import repeat_complainants, rising_themes
from borgerraadgiver_plugin.reports.statistics import make_period
from tests.cases.rendered_form import rendered_form
from tests.factories import AreaFactory, CaseFactory, ThemeFactory

# Whole months, so the previous period is Jan-Jun 2025 beside Jul-Dec 2025.
HALF = make_period(datetime.date(2025, 7, 1), datetime.date(2025, 12, 31))
STATISTICS = "/admin/borgerraadgiver/reports/statistics/"


def complaints(count, theme, area, day, **fields):
    for n in range(count):
        case = CaseFactory(area=area, received_at=datetime.datetime(
            day.year, day.month, day.day, 10, n, tzinfo=datetime.UTC), **fields)
        case.themes.set([theme])


@pytest.fixture
def data(db):
    social, tech = AreaFactory(name="Social"), AreaFactory(name="Teknik")
    late, rude, fees = (ThemeFactory(code="SVAR", name="Manglende svar"),
                        ThemeFactory(code="TONE", name="Tone"),
                        ThemeFactory(code="GEBYR", name="Gebyrer"))
    # Manglende svar: 2 before, 6 now in Social and 1 now in Teknik -> 7 against 2 (+250 %).
    complaints(2, late, social, datetime.date(2025, 3, 1))
    complaints(6, late, social, datetime.date(2025, 9, 1))
    complaints(1, late, tech, datetime.date(2025, 9, 2))
    # Tone: 4 before, 5 now: at least 5, but +25 % only.
    complaints(4, rude, tech, datetime.date(2025, 2, 1))
    complaints(5, rude, tech, datetime.date(2025, 8, 1))
    # Gebyrer: new, but only 4 complaints; 6 guidance cases with the theme do not count, nor
    # a merged duplicate.
    complaints(4, fees, tech, datetime.date(2025, 10, 1))
    complaints(6, fees, tech, datetime.date(2025, 10, 2), inquiry_type=InquiryType.GUIDANCE)
    complaints(1, fees, tech, datetime.date(2025, 10, 3), status=CaseStatus.MERGED)
    return {"social": social, "tech": tech, "late": late}


def test_rising_themes_everywhere_and_in_one_area(data):
    rises = [(rise.theme.code, rise.area and rise.area.name, rise.now, rise.before, rise.rise_pct)
             for rise in rising_themes(HALF)]
    assert rises == [("SVAR", None, 7, 2, 250), ("SVAR", "Social", 6, 2, 200)]


def test_thresholds_can_be_set(data, settings):
    settings.BORGERRAADGIVER_PATTERN_MIN_CASES = 4
    settings.BORGERRAADGIVER_PATTERN_MIN_RISE_PCT = 20
    found = {(rise.theme.code, rise.area and rise.area.name) for rise in rising_themes(HALF)}
    # Tone (+25 %) and the new Gebyrer (4, none before) now count.
    assert found == {("SVAR", None), ("SVAR", "Social"), ("TONE", None), ("TONE", "Teknik"),
                     ("GEBYR", None), ("GEBYR", "Teknik")}
    assert next(rise for rise in rising_themes(HALF) if rise.theme.code == "GEBYR").rise_pct is None


def test_repeat_complainants_by_email_or_phone_and_the_totals_without_them(db):
    day = datetime.datetime(2025, 9, 1, 10, tzinfo=datetime.UTC)
    for email in ("Anne@Example.invalid", "anne@example.invalid", "ANNE@example.invalid"):
        CaseFactory(citizen_email=email, citizen_name="Anne Hansen", received_at=day)
    for _n in range(3):
        CaseFactory(citizen_email="", citizen_phone="20304050", citizen_name="Bo",
                    received_at=day)
    CaseFactory(citizen_email="en@example.invalid", received_at=day)
    CaseFactory(citizen_email="", citizen_phone="", citizen_name="", received_at=day)
    # Two more of Anne's before the period do not make her count more.
    CaseFactory.create_batch(2, citizen_email="anne@example.invalid",
                             received_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC))
    repeats = repeat_complainants(HALF)
    assert [(p.contact, p.name, p.cases) for p in repeats.people] == [
        ("20304050", "Bo", 3), ("anne@example.invalid", "Anne Hansen", 3)]
    assert (repeats.received, repeats.by_repeaters, repeats.without_repeaters) == (8, 6, 2)


def start_buttons(html):
    page = BeautifulSoup(html, "html.parser")
    return [form for form in page.select("form")
            if form.get("action") == reverse("borgerraadgiver_learning_start_note")]


def press(client, html, form):
    values = rendered_form(str(form), "form")[1]
    return client.post(form["action"], values)


def test_the_advisor_starts_a_draft_note_from_a_rising_theme(advisor_client, data, index):
    page = advisor_client.get(STATISTICS, {"start": "2025-07-01", "end": "2025-12-31"})
    html = page.content.decode()
    assert "Manglende svar" in BeautifulSoup(html, "html.parser").select_one(
        ".br-patterns").get_text()
    in_social = next(form for form in start_buttons(html)
                     if form.select_one("input[name=area]"))
    response = press(advisor_client, html, in_social)
    note = LearningNotePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[note.pk])
    assert not note.live and note.get_parent().pk == index.pk
    assert note.title == "Mønster: Manglende svar i Social"
    assert list(note.themes.all()) == [data["late"]]
    assert list(note.areas.all()) == [data["social"]]
    editor = advisor_client.get(response["Location"])
    assert editor.status_code == 200
    assert "En kladde til et læringsnotat er oprettet" in editor.content.decode()


def test_the_dashboard_shows_the_last_three_months_rises(advisor_client, index, db):
    late, social = ThemeFactory(code="SVAR", name="Manglende svar"), AreaFactory(name="Social")
    today = datetime.date.today()
    complaints(5, late, social, today - datetime.timedelta(days=10))
    html = advisor_client.get("/admin/").content.decode()
    panel = BeautifulSoup(html, "html.parser").select_one(
        "[aria-labelledby=borgerraadgiver-patterns-heading]")
    assert "Manglende svar" in panel.get_text() and "5 klager" in panel.get_text()
    assert press(advisor_client, html, start_buttons(html)[0]).status_code == 302
    assert LearningNotePage.objects.filter(live=False).count() == 1


def test_without_a_note_index_the_signal_has_no_button(advisor_client, data):
    html = advisor_client.get(STATISTICS, {"start": "2025-07-01", "end": "2025-12-31"}
                              ).content.decode()
    assert "Manglende svar" in html and not start_buttons(html)


def test_a_theme_that_no_longer_exists_starts_nothing(advisor_client, index, db):
    response = advisor_client.post(reverse("borgerraadgiver_learning_start_note"),
                                   {"theme": "999999", "back": STATISTICS})
    assert response.status_code == 302 and response["Location"] == STATISTICS
    assert not LearningNotePage.objects.exists()


def test_staff_cannot_start_a_note(client, staff_member, index, data):
    client.force_login(staff_member)
    response = client.post(reverse("borgerraadgiver_learning_start_note"),
                           {"theme": str(data["late"].pk)})
    assert response.status_code == 403
    assert not LearningNotePage.objects.exists()
