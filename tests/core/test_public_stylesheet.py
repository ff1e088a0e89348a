"""Every public page of the plugin, and the site's front-end login, links the plugin's one
small stylesheet (the complaint form's), so none is left with the browser's bare look."""


import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import PageViewRestriction

from tests.factories import (
    AreaFactory,
    ComplaintFormPageFactory,
    LearningNoteIndexPageFactory,
    LearningNotePageFactory,
    RecommendationFactory,
    VeteranContactPageFactory,
)

pytestmark = pytest.mark.django_db

STYLESHEET = "borgerraadgiver/css/borgerraadgiver.css"


def stylesheets(response):
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in soup.find_all("link", rel="stylesheet")]


def plugin_stylesheets(response):
    return [href for href in stylesheets(response) if "borgerraadgiver" in href]


@pytest.fixture
def pages(home):
    form = ComplaintFormPageFactory(parent=home)
    veterans = VeteranContactPageFactory(parent=home, title="Veteraner", publish=False)
    index = LearningNoteIndexPageFactory(parent=home, title="Læring", publish=False)
    note = LearningNotePageFactory(parent=index, slug="partshoering", summary="Hør borgeren.",
                                   body=[("text", "<p>Partshøring.</p>")])
    area = AreaFactory(name="Jobcenter")
    RecommendationFactory(text="Brug en skabelon.", area=area)
    return {"form": form, "veterans": veterans, "index": index, "note": note, "area": area}


def test_the_stylesheet_is_one_file_of_the_core():
    assert finders.find(STYLESHEET)
    assert finders.find("borgerraadgiver_cases/complaint_form.css") is None, "no copy"


def test_public_pages_link_the_plugin_stylesheet(client, pages):
    index = pages["index"]
    urls = [
        pages["form"].url, pages["veterans"].url, f"{pages['veterans'].url}?kvittering=1",
        index.url, pages["note"].url, index.url + "anbefalinger/",
        index.url + f"anbefalinger/{pages['area'].pk}/",
    ]
    for url in urls:
        found = plugin_stylesheets(client.get(url))
        assert len(found) == 1 and found[0].endswith(STYLESHEET), (url, found)


def test_the_intranet_login_page_has_the_site_look_and_the_stylesheet(client, pages):
    PageViewRestriction.objects.create(page=pages["index"],
                                       restriction_type=PageViewRestriction.LOGIN)
    response = client.get(pages["index"].url, follow=True)
    assert response.request["PATH_INFO"] == "/_util/login/"
    assert plugin_stylesheets(response)[0].endswith(STYLESHEET)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("header", class_="site-header"), "the site's own header and menu"
    assert soup.h1.get_text(strip=True) == "Log ind"
    form = soup.find("form", method="post")
    for name in ("username", "password"):
        field = form.find("input", attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]}), name
    assert form.find("input", attrs={"name": "next"})["value"] == pages["index"].url
