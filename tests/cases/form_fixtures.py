"""Fixtures and helpers for the complaint form tests (imported by the test modules)."""

import pytest
from django.core.cache import cache

from borgerraadgiver_plugin.cases.models import ComplaintFormPage
from borgerraadgiver_plugin.models import Area, BorgerraadgiverSettings

REMIT = "<p>Borgerrådgiveren kan ikke ændre afgørelser.</p>"


@pytest.fixture(autouse=True)
def forms_without_waiting(settings):
    """Tests post at once; the too-fast rule has its own test. Rate limits start at zero."""
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(home, groups):
    page = ComplaintFormPage(
        title="Borgerrådgiveren", slug="borgerraadgiveren", intro="<p>Skriv til os.</p>",
        remit_text=REMIT, what_happens_next="<p>Vi svarer inden for 10 arbejdsdage.</p>",
        thank_you_text="<p>Tak for din henvendelse.</p>",
        notification_emails="raadgiver@example.invalid",
    )
    home.add_child(instance=page)
    settings = BorgerraadgiverSettings.current()
    settings.advisor_email = "borgerraadgiver@example.invalid"
    settings.save()
    return page


@pytest.fixture
def area(db):
    return Area.objects.create(name="Center for Sundhed & Omsorg", sort_order=1)


def form_token(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.context["form"].initial["form_token"]


def valid_data(client, page, area, **overrides):
    data = {
        "form_token": form_token(client, page),
        "website": "",
        "inquiry_type": "COMPLAINT",
        "area": str(area.pk),
        "account": "Jeg har ventet fire måneder på svar på min ansøgning om hjælpemidler.",
        "matter_date": "",
        "unit_contacted": "yes",
        "unit_answered": "no",
        "elsewhere": "NO",
        "name": "Anne Hansen",
        "email": "anne@example.invalid",
        "phone": "",
        "contact_preference": "EMAIL",
        "consent_contact_unit": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def ensure_default_site():
    """The default site, rebuilt when an earlier transactional test flushed the tables
    (serialized rollback clashes with content types on PostgreSQL)."""
    from django.conf import settings
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
    home = root.add_child(instance=HomePage(title="Forside", slug="forside"))
    return Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
