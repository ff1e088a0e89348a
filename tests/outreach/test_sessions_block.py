"""The upcoming-sessions block in any page of the site: Danish dates, booking and calendar
links to the office hours page, a cancelled session that says so."""

import pytest
from bs4 import BeautifulSoup

from home.models import ContentPage
from tests.factories import OutreachSessionFactory

pytestmark = pytest.mark.django_db


def test_a_content_page_with_the_block_lists_the_next_sessions(client, home, outreach_page):
    session = OutreachSessionFactory()
    cancelled = OutreachSessionFactory(place_name="Hårlev Bibliotek", cancelled=True,
                                       cancellation_note="Aflyst på grund af sygdom.")
    page = home.add_child(instance=ContentPage(
        title="Mød os", slug="moed-os",
        body=[("office_hours", {"heading": "Mød borgerrådgiveren rundt i kommunen",
                                "limit": 5})]))
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    section = soup.select_one("section.br-outreach")
    assert section.h2.text == "Mød borgerrådgiveren rundt i kommunen"
    items = section.select("li.br-session")
    assert len(items) == 2
    assert "tirsdag" in items[0].text and "kl. 14–16" in items[0].text
    links = {a["href"] for a in section.select("a")}
    assert f"{outreach_page.url}?session={session.pk}" in links
    assert f"{outreach_page.url}{session.pk}/kalender/" in links
    assert f"{outreach_page.url}kalender/" in links
    assert "Aflyst. Aflyst på grund af sygdom." in " ".join(items[1].text.split())
    assert f"{outreach_page.url}?session={cancelled.pk}" not in links


def test_without_sessions_the_block_says_so(client, home):
    page = home.add_child(instance=ContentPage(title="Mød os", slug="moed-os",
                                               body=[("office_hours", {"limit": 3})]))
    assert "Der er ingen træffetider planlagt" in client.get(page.url).content.decode()
