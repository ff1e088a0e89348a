"""The editor's learning note in chromium: a note with a CPR number in a block is refused when
saved as a draft and when published, both times naming the block, and no revision (not even
one of Wagtail's autosaves while typing) ever holds the number."""

import json

import pytest
from wagtail.models import Revision

from borgerraadgiver_plugin.learning.models import LearningNotePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CPR = "010190-1234"
BLOCK = "Indhold, blok 1 (Anonymiseret sageksempel)"


def revisions_holding(text):
    return [revision.pk for revision in Revision.objects.all()
            if text in json.dumps(revision.content, ensure_ascii=False)]


def test_editor_is_refused_saving_and_publishing_a_note_with_a_cpr_number(
        journey, index, advisor):
    page = journey.page
    journey.log_in(advisor.username, "pw")
    journey.goto(f"/admin/pages/{index.pk}/")
    assert "Læringsnotater" in page.inner_text("main")
    journey.step("learning-notes-in-the-explorer")
    page.get_by_role("link", name="Tilføj en underside").first.click()
    page.wait_for_load_state()
    journey.step("new-learning-note")

    page.locator("#id_title").fill("Partshøring i praksis")
    page.locator("#id_summary").fill("Hør borgeren, før kommunen afgør sagen.")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Anonymiseret sageksempel").click()
    block = page.locator("[data-contentpath=body] [data-contentpath=situation]").locator(
        "textarea")
    page.locator("[data-contentpath=body] [data-contentpath=heading] input").fill("Sagen")
    block.fill(f"Borgeren ({CPR}) fik ikke svar.")
    journey.step("note-with-a-cpr-number")

    page.get_by_role("button", name="Gem skitse").click()
    page.wait_for_load_state()
    shown = page.inner_text("main")
    assert "Kladden kan ikke gemmes" in shown and BLOCK in shown and CPR in shown
    assert "Validation error" not in shown
    journey.step("draft-refused")
    assert revisions_holding(CPR) == []

    page.get_by_role("button", name="Flere handlinger").click()
    page.get_by_role("button", name="Udgiv").click()
    page.wait_for_load_state()
    shown = page.inner_text("main")
    assert "Notatet kan ikke udgives" in shown and BLOCK in shown and CPR in shown
    journey.step("publishing-refused")
    assert revisions_holding(CPR) == []
    assert not LearningNotePage.objects.filter(live=True).exists()
