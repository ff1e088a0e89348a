"""Listings show Danish words, not Python's True/False or the outbox's internal kind codes."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from borgerraadgiver_plugin.cases import outbox_kinds
from borgerraadgiver_plugin.veterans.outbox_kinds import VETERAN_REQUEST
from tests.factories import AreaFactory, OutboxMessageFactory, ThemeFactory, VeteranContactFactory

pytestmark = pytest.mark.django_db


def cells(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [td.get_text(" ", strip=True) for td in page.select("table tbody td")]


def test_area_and_theme_listings_say_ja_and_nej(advisor_client):
    AreaFactory(name="Jobcenter", is_external=False)
    AreaFactory(name="Forsyning", is_external=True)
    ThemeFactory(code="SAGSB", name="Sagsbehandlingstid", active=True)
    areas = cells(advisor_client, reverse("borgerraadgiver_area:list"))
    assert {"Ja", "Nej"} <= set(areas)
    assert not {"True", "False"} & set(areas)
    themes = cells(advisor_client, reverse("borgerraadgiver_theme:list"))
    assert "Ja" in themes and "True" not in themes


def test_the_outbox_names_each_kind_in_danish(advisor_client):
    notice = OutboxMessageFactory(kind=outbox_kinds.NEW_INQUIRY, subject="Ny henvendelse",
                                  recipient="raadgiver@example.invalid", reference="BR-2026-0001")
    OutboxMessageFactory(kind=VETERAN_REQUEST, recipient="vk@example.invalid",
                         subject="Ny henvendelse")
    listing = cells(advisor_client, reverse("borgerraadgiver_outbox:index"))
    assert "Ny henvendelse (besked til borgerrådgiveren)" in listing
    assert "Henvendelse fra veteran (besked til veterankoordinatoren)" in listing
    assert not [cell for cell in listing if "case.new_inquiry" in cell or "veteran_request" in cell]
    inspect = advisor_client.get(reverse("borgerraadgiver_outbox:inspect", args=[notice.pk]))
    text = BeautifulSoup(inspect.content, "html.parser").get_text(" ", strip=True)
    assert "Ny henvendelse (besked til borgerrådgiveren)" in text
    assert "case.new_inquiry" not in text


def test_the_veteran_registry_says_ja_instead_of_true_icons(client, veteran_coordinator):
    VeteranContactFactory(name="Jens Mikkelsen")
    client.force_login(veteran_coordinator)
    url = reverse("borgerraadgiver_veterans_veterancontact_modeladmin_index")
    response = client.get(url)
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("td.field-active_display").get_text(strip=True) == "Ja"
    assert not page.select('img[alt="True"], img[alt="False"]')
    partners = client.get(reverse("borgerraadgiver_veterans_externalpartner_modeladmin_index"))
    assert b'alt="True"' not in partners.content
