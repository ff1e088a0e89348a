"""Both public forms in Debian's chromium: axe-core (WCAG 2.1 A/AA) finds nothing serious or
critical on the form, its error state and the receipt, and the receipt has the reference."""

import pytest

from borgerraadgiver_plugin.cases.models import Case, ComplaintFormPage
from borgerraadgiver_plugin.models import Area, BorgerraadgiverSettings
from borgerraadgiver_plugin.veterans.models import VeteranContact, VeteranContactPage

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def complaint(home):
    Area.objects.create(name="Center for Sundhed & Omsorg", sort_order=1)
    BorgerraadgiverSettings.current().save()
    page = home.add_child(instance=ComplaintFormPage(
        title="Borgerrådgiveren", slug="borgerraadgiveren",
        notification_emails="raadgiver@example.invalid"))

    def fill_in(tab):
        tab.check("#id_inquiry_type_0")
        tab.check("#id_area_0")
        tab.fill("#id_account", "Jeg har ikke fået svar på min ansøgning.")
        tab.fill("#id_name", "Anne Hansen")
        tab.fill("#id_email", "anne@example.invalid")

    return page, fill_in, Case


def veteran(home):
    page = home.add_child(instance=VeteranContactPage(title="Veteraner og pårørende",
                                                      slug="veteraner"))

    def fill_in(tab):
        tab.fill("#id_name", "Søren Jørgensen")
        tab.fill("#id_phone", "20 30 40 50")
        tab.check("#id_consent")

    return page, fill_in, VeteranContact


@pytest.fixture(params=[complaint, veteran], ids=["complaint", "veteran"])
def public_form(request, home, settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0  # the browser sends at once
    return request.param(home)


def send(tab):
    with tab.expect_navigation():
        tab.click("form.br-form button[type=submit]")


def test_form_error_state_and_receipt_have_no_serious_axe_violations(journey, public_form):
    page, fill_in, model = public_form
    journey.goto(page.url)
    assert axe_violations(journey.page) == []
    journey.step("form")

    send(journey.page)
    assert journey.page.title().startswith("Fejl: ")
    assert journey.page.locator("#br-error-summary a").count() >= 1
    assert axe_violations(journey.page) == []
    journey.step("error-state")

    fill_in(journey.page)
    send(journey.page)
    journey.page.wait_for_url("**/kvittering/**")
    assert model.objects.get().reference in journey.page.inner_text("main")
    assert axe_violations(journey.page) == []
    journey.step("receipt")
