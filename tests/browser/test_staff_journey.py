"""A staff member's visit to the intranet's learning notes in chromium: the login the index asks
for, a filter, one note read and marked as read, and the open recommendations of its area."""

import datetime

import pytest

from borgerraadgiver_plugin.learning.reads import read_of
from tests.factories import (
    AreaFactory,
    LearningNotePageFactory,
    RecommendationFactory,
    ThemeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def intranet(restricted_index):
    hearing, letters = ThemeFactory(code="HEARING", name="Partshøring"), ThemeFactory(
        code="LETTERS", name="Breve og sprog")
    jobcenter, other = AreaFactory(name="Jobcenter Stevns"), AreaFactory(name="Ældre og sundhed")
    recommendation = RecommendationFactory(
        text="Brug en skabelon til partshøring.", area=jobcenter,
        due_on=datetime.date.today() + datetime.timedelta(days=60))
    RecommendationFactory(text="Svar på mails inden for fem dage.", area=other)
    note = LearningNotePageFactory(
        parent=restricted_index, title="Partshøring før afgørelsen",
        summary="Hør borgeren før du afgør.", themes=[hearing], areas=[jobcenter],
        recommendations=[recommendation])
    LearningNotePageFactory(parent=restricted_index, title="Klart sprog i breve",
                            summary="Skriv kort og klart.", themes=[letters], areas=[other])
    return {"index": restricted_index, "note": note, "area": jobcenter}


def test_staff_member_logs_in_filters_reads_and_sees_open_recommendations(
        journey, intranet, staff_member):
    page, index = journey.page, intranet["index"]
    journey.goto(index.url)
    assert "/_util/login/" in page.url, "the intranet asks who you are"
    journey.step("intranet-login")
    page.get_by_label("Brugernavn").fill(staff_member.username)
    page.get_by_label("Adgangskode").fill("pw")
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_load_state()
    assert page.url.endswith(index.url)
    assert "2 læringsnotater" in page.inner_text("main")
    journey.step("all-learning-notes")

    page.get_by_label("Tema").select_option(label="Partshøring")
    page.get_by_role("button", name="Filtrér").click()
    page.wait_for_load_state()
    notes = page.locator(".borgerraadgiver-notes").inner_text()
    assert "1 læringsnotat" in page.inner_text("main")
    assert "Partshøring før afgørelsen" in notes and "Klart sprog" not in notes
    assert page.get_by_label("Tema").input_value() == str(intranet["note"].themes.get().pk)
    journey.step("filtered-by-theme")

    page.get_by_role("link", name="Partshøring før afgørelsen").click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "Hør borgeren før du afgør." in main and "Brug en skabelon til partshøring." in main
    journey.step("reads-the-note")
    page.get_by_role("button", name="Markér som læst").click()
    page.wait_for_load_state()
    assert "Du markerede notatet som læst" in page.locator("#laest").inner_text()
    assert read_of(intranet["note"], staff_member) is not None
    journey.step("marked-as-read")

    page.get_by_role("link", name="Alle læringsnotater").click()
    page.wait_for_load_state()
    listed = page.locator(".borgerraadgiver-notes li", has_text="Partshøring før afgørelsen")
    assert "Læst" in listed.inner_text()
    journey.step("index-shows-the-note-as-read")

    page.get_by_role("link", name="Åbne anbefalinger pr. område").click()
    page.wait_for_load_state()
    assert "Jobcenter Stevns" in page.inner_text("main")
    journey.step("open-recommendations-by-area")
    page.get_by_role("link", name="Jobcenter Stevns").click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "Brug en skabelon til partshøring." in main
    assert "Svar på mails" not in main, "only the area's own recommendations"
    journey.step("the-areas-open-recommendations")
