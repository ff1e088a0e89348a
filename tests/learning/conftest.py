"""Fixtures and editor form data for the intranet's learning notes."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import (
    AreaFactory,
    LearningNotePageFactory,
    RecommendationFactory,
    ThemeFactory,
)


@pytest.fixture
def note_factory(index):
    """Learning notes under the index: ``note_factory("Titel", themes=[...], live=False)``."""
    def make(title="Partshøring", **fields):
        return LearningNotePageFactory(parent=index, title=title, **fields)
    return make


@pytest.fixture
def area():
    return AreaFactory(name="Jobcenter Stevns")


@pytest.fixture
def theme():
    return ThemeFactory(code="HEARING", name="Partshøring")


@pytest.fixture
def recommendation(area):
    return RecommendationFactory(text="Brug en skabelon til partshøring.", area=area)


def note_form(title="Partshøring før afgørelsen", *, slug="partshoering", summary="Hør borgeren.",
              blocks=None, source_cases="", themes=(), areas=(), action="action-publish"):
    """POST data of the page editor for a learning note; ``action`` is the button pressed."""
    if blocks is None:
        blocks = [("text", rich_text("<p>Partshøring efter forvaltningslovens § 19.</p>"))]
    data = nested_form_data({
        "title": title, "slug": slug, "date": "2026-03-01", "summary": summary,
        "audience": "ALL_STAFF", "review_by": "",
        "body": streamfield(blocks),
        "recommendation_links": inline_formset([]),
        "comments": inline_formset([]),
    })
    data["source_cases"] = source_cases
    if themes:
        data["themes"] = [str(item.pk) for item in themes]
    if areas:
        data["areas"] = [str(item.pk) for item in areas]
    if action:
        data[action] = "1"
    return data


def rendered_editor(client, url, **fields):
    """GET the page editor at ``url`` and return the hidden fields its form renders (the loaded
    revision, the formsets' counts) with ``note_form(**fields)`` (what the editor types) on top.
    The stream field's own inputs are built by JavaScript, so they come from ``note_form``."""
    response = client.get(url)
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").find("form", id="page-edit-form")
    assert form is not None, "the editor renders its form"
    data = {field["name"]: field.get("value", "")
            for field in form.find_all("input", type="hidden") if field.get("name")}
    data.update(note_form(**fields))
    return data


def case_example(heading="Sagen", situation="Borgeren blev ikke hørt.", lesson=""):
    return ("case_example", {"heading": heading, "situation": situation, "lesson": lesson})


def list_items(*items):
    data = {str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
            for index, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def checklist(heading, *items):
    return ("checklist", {"heading": heading, "items": list_items(*items)})
