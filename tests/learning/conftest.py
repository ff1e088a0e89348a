import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from borgerraadgiver_plugin.learning.models import (
    LearningNoteIndexPage,
    LearningNotePage,
    Recommendation,
)
from borgerraadgiver_plugin.learning.provision import grant_index_permissions
from tests.factories import AreaFactory, ThemeFactory


@pytest.fixture
def index(home, groups):
    page = LearningNoteIndexPage(title="Læringsnotater", slug="laering")
    home.add_child(instance=page)
    page.save_revision().publish()
    grant_index_permissions()
    return page


@pytest.fixture
def restricted_index(index):
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    return index


def make_note(index, title="Partshøring", *, date=None, summary="Hør borgeren først.",
              body=None, themes=(), areas=(), source_cases=(), recommendations=(), live=True):
    note = LearningNotePage(
        title=title, date=date or datetime.date(2026, 3, 1), summary=summary,
        body=body if body is not None else [("text", "<p>Partshøring efter § 19.</p>")],
    )
    note.themes = list(themes)
    note.areas = list(areas)
    note.source_cases = list(source_cases)
    for recommendation in recommendations:
        note.recommendation_links.create(recommendation=recommendation)
    index.add_child(instance=note)
    revision = note.save_revision()
    if live:
        revision.publish()
    else:
        note.live = False
        note.save()
    return LearningNotePage.objects.get(pk=note.pk)


@pytest.fixture
def note_factory(index):
    def factory(*args, **kwargs):
        return make_note(index, *args, **kwargs)
    return factory


@pytest.fixture
def area():
    return AreaFactory(name="Jobcenter Stevns")


@pytest.fixture
def theme():
    return ThemeFactory(code="HEARING", name="Partshøring")


@pytest.fixture
def recommendation(area):
    return Recommendation.objects.create(text="Brug en skabelon til partshøring.", area=area)


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
