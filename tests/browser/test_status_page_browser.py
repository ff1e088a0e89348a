"""A citizen follows their case behind the receipt link and asks for the link again, in
Debian's chromium; axe-core finds nothing serious or critical on either page."""

import pytest

from borgerraadgiver_plugin.cases import workflow
from borgerraadgiver_plugin.cases.models import Case, ComplaintFormPage
from borgerraadgiver_plugin.models import Area, BorgerraadgiverSettings, OutboxMessage
from tests.factories import UserFactory

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def form_page(home, settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0  # the browser sends at once
    Area.objects.create(name="Center for Sundhed & Omsorg", sort_order=1)
    BorgerraadgiverSettings.current().save()
    return home.add_child(instance=ComplaintFormPage(
        title="Borgerrådgiveren", slug="borgerraadgiveren",
        notification_emails="raadgiver@example.invalid"))


def send(tab):
    with tab.expect_navigation():
        tab.click("form.br-form button[type=submit]")


def test_the_citizen_follows_the_case_and_gets_the_link_again(journey, form_page):
    tab = journey.page
    journey.goto(form_page.url)
    tab.check("#id_inquiry_type_0")
    tab.check("#id_area_0")
    tab.check("#id_consent_contact_unit")
    tab.fill("#id_account", "Jeg har ikke fået svar på min ansøgning.")
    tab.fill("#id_name", "Anne Hansen")
    tab.fill("#id_email", "anne@example.invalid")
    send(tab)
    tab.wait_for_url("**/kvittering/**")
    receipt_url = tab.url
    assert "Modtaget" in tab.inner_text(".br-status")
    assert axe_violations(tab) == []
    journey.step("receipt-received")

    case = Case.objects.get()
    workflow.forward(case, UserFactory(), unit=case.area)
    tab.goto(receipt_url)
    status = tab.inner_text(".br-status")
    assert "Venter på svar fra forvaltningen" in status and "arbejdsdage" in status
    assert "Anne Hansen" not in tab.inner_text("main")
    assert axe_violations(tab) == []
    journey.step("status-awaiting-unit")

    tab.click("text=Mistet linket? Få det sendt igen.")
    tab.wait_for_load_state()
    send(tab)
    assert tab.title().startswith("Fejl: ")
    assert tab.locator("#br-error-summary a").count() == 2
    assert axe_violations(tab) == []
    journey.step("link-form-errors")

    OutboxMessage.objects.all().delete()
    tab.fill("#id_reference", case.reference)
    tab.fill("#id_email", "anne@example.invalid")
    send(tab)
    assert "hører til samme henvendelse" in tab.inner_text("main")
    assert axe_violations(tab) == []
    journey.step("link-sent")
    token_path = receipt_url[receipt_url.index("/kvittering/"):]
    assert token_path in OutboxMessage.objects.get().body


def test_the_citizen_answers_the_survey(journey, form_page):
    from borgerraadgiver_plugin.cases import survey
    from borgerraadgiver_plugin.cases.models import SurveyAnswer
    from tests.factories import CaseFactory

    case = CaseFactory(closed=True, area=Area.objects.get())
    invitation = survey.invite(case, ComplaintFormPage.survey_link)
    tab = journey.page
    journey.goto(f"{form_page.url}tilfredshed/{invitation.token}/")
    assert axe_violations(tab) == []
    journey.step("survey")
    send(tab)
    assert tab.title().startswith("Fejl: ")
    assert axe_violations(tab) == []
    journey.step("survey-errors")
    tab.check("#id_heard_0")
    tab.check("#id_understood_1")
    tab.check("#id_would_return_0")
    tab.fill("#id_comment", "Tak for hjælpen.")
    send(tab)
    assert "Tak for dit svar" in tab.inner_text("main")
    assert axe_violations(tab) == []
    journey.step("survey-thanks")
    assert SurveyAnswer.objects.get().comment == "Tak for hjælpen."
