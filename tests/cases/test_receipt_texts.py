"""The demo's complaint form tells the citizen about the reference number before sending;
the receipt, which shows the number, does not promise it again."""

import pytest
from bs4 import BeautifulSoup

from borgerraadgiver_plugin.cases.demo import FORM_PAGE_TEXTS
from borgerraadgiver_plugin.cases.models import Case, ComplaintFormPage

from .form_answers import valid_data

pytestmark = pytest.mark.django_db

PROMISE = "får du straks et referencenummer"


def visible_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.fixture
def demo_form_page(home, groups):
    page = ComplaintFormPage(title="Borgerrådgiveren", slug="borgerraadgiveren",
                             **FORM_PAGE_TEXTS)
    home.add_child(instance=page)
    return page


def test_the_reference_number_is_promised_before_sending_and_not_on_the_receipt(
        client, demo_form_page, area):
    form = client.get(demo_form_page.url)
    assert PROMISE in visible_text(form)
    response = client.post(demo_form_page.url, valid_data(client, demo_form_page, area))
    receipt = client.get(response["Location"])
    text = visible_text(receipt)
    assert Case.objects.get().reference in text
    assert "referencenummer på skærmen" not in text
    assert "kontakter dig inden for 10 arbejdsdage" in text, "the rest of the steps stay"
