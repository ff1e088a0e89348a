"""Accessibility of the intranet pages: axe-core in Debian's chromium, logged in as staff.
"""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from borgerraadgiver_plugin.choices import RecommendationStatus
from tests.factories import (
    AreaFactory,
    LearningNoteIndexPageFactory,
    LearningNotePageFactory,
    RecommendationFactory,
    ThemeFactory,
    UserFactory,
)

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in_context(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url)
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                          "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                          "url": live_server.url}])
    return context


@pytest.fixture
def intranet(site):
    index = LearningNoteIndexPageFactory(parent=site.root_page,
                                         intro="<p>Læring fra borgerrådgiveren.</p>")
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    area = AreaFactory(name="Jobcenter Stevns")
    theme = ThemeFactory(code="HEARING", name="Partshøring")
    recommendation = RecommendationFactory(
        text="Indfør en skabelon til partshøring.", area=area,
        status=RecommendationStatus.IN_PROGRESS, response="Centret er i gang.")
    note = None
    for number in range(3):
        note = LearningNotePageFactory(
            parent=index, title=f"Partshøring før afgørelsen {number + 1}",
            date=datetime.date(2026, 3, number + 1),
            summary="Hør borgeren, før afgørelsen træffes.",
            body=[
                ("text", "<p>Partshøring er et krav efter forvaltningsloven.</p>"),
                ("case_example", {"heading": "Ansøgning om hjælp", "situation": "Borgeren "
                                  "blev ikke hørt.", "lesson": "Hør altid først."}),
                ("good_practice", {"heading": "Fast skabelon", "text": "<p>Brug den.</p>"}),
                ("legal_reference", {"act": "Forvaltningsloven", "section": "§ 19",
                                     "explanation": "Partshøring.",
                                     "link": "https://www.retsinformation.dk/"}),
                ("checklist", {"heading": "Husk", "items": ["Frist", "Notat"]}),
                ("do_dont", {"do": ["Send oplysningerne"], "dont": ["Vent for længe"]}),
            ],
            themes=[theme], areas=[area], recommendations=[recommendation],
        )
    UserFactory(username="medarbejder")
    return index, note, area


def test_index_has_no_serious_axe_violations(browser, live_server, intranet):
    index, _note, area = intranet
    context = logged_in_context(browser, live_server, get_user_model().objects.get())
    page = context.new_page()
    response = page.goto(f"{index.url}?theme=999&area={area.pk}")
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Læringsnotater"
    assert axe_violations(page) == []
    # The check itself can fail: an image without a text alternative is a critical violation.
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=\"data:,\">')")
    assert [item[0] for item in axe_violations(page)] == ["image-alt"]
    context.close()


def test_note_has_no_serious_axe_violations(browser, live_server, intranet):
    _index, note, _area = intranet
    context = logged_in_context(browser, live_server, get_user_model().objects.get())
    page = context.new_page()
    assert page.goto(note.url).status == 200
    assert axe_violations(page) == []
    page.get_by_role("button").click()
    page.wait_for_url(f"**{note.url}#laest")
    assert page.locator("#laest [role=status]").count() == 1
    assert axe_violations(page) == []
    context.close()


def test_area_recommendations_have_no_serious_axe_violations(browser, live_server, intranet):
    index, _note, area = intranet
    context = logged_in_context(browser, live_server, get_user_model().objects.get())
    page = context.new_page()
    assert page.goto(f"{index.url}anbefalinger/{area.pk}/").status == 200
    assert axe_violations(page) == []
    context.close()
