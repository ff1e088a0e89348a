"""The pages work under the Content-Security-Policy in chromium (issue 17), and the admin loads
nothing from another server: a citizen sends the complaint form and reads the receipt, another
sends the veteran request page; the advisor logs in and opens the dashboard, the case listing,
a case, the statistics and the veteran registry. Chromium reports every refused script or style
in its console, and every request it makes; neither may show up."""

import pytest

from borgerraadgiver_plugin.cases.models import Case, CaseEvent
from borgerraadgiver_plugin.cases.models.timeline import EventKind
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, VETERAN_GROUP
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import CaseFactory, UserFactory, VeteranContactPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]


def assert_clean(journey):
    assert journey.csp_violations == []
    assert journey.outside_requests == []


def test_the_public_forms_work_under_the_policy(journey, form_page, area, home):
    page = journey.page
    journey.goto(form_page.url)
    page.check("input[name=inquiry_type][value=COMPLAINT]")
    page.check(f"input[name=area][value='{area.pk}']")
    page.fill("#id_account", "Jeg har ventet fire måneder på svar på min ansøgning.")
    page.fill("#id_name", "Birthe Skov")
    page.fill("#id_email", "birthe@example.invalid")
    journey.step("complaint-form")
    page.click("button[type=submit]")
    page.wait_for_url("**/kvittering/**")
    assert Case.objects.get().reference in page.inner_text("main")
    journey.step("complaint-receipt")

    request_page = VeteranContactPageFactory(parent=home)
    journey.goto(request_page.url)
    page.get_by_label("Dit navn").fill("Søren Jørgensen")
    page.get_by_label("Telefon").fill("56 50 10 20")
    page.get_by_label("Hvad vil du gerne tale om?").fill("Job efter udsendelsen.")
    page.get_by_label("Jeg giver samtykke").check()
    journey.step("veteran-request-page")
    page.get_by_role("button", name="Send henvendelsen").click()
    page.wait_for_load_state()
    assert VeteranContact.objects.get().reference in page.inner_text("main")
    journey.step("veteran-receipt")
    assert_clean(journey)


def test_the_admin_works_under_the_policy_and_stays_on_this_server(journey, form_page, area,
                                                                   groups):
    UserFactory(username="rikke", groups=[ADVISOR_GROUP, VETERAN_GROUP])
    case = CaseFactory(area=area)
    CaseEvent.objects.create(case=case, kind=EventKind.NOTE, text="Ringet til borgeren.")
    journey.log_in("rikke", "pw")
    assert "/admin/" in journey.page.url and "login" not in journey.page.url
    journey.step("admin-dashboard")
    for name, path in [
        ("case-listing", "/admin/borgerraadgiver/cases/"),
        ("case-inspect", f"/admin/borgerraadgiver/cases/inspect/{case.pk}/"),
        ("statistics", "/admin/borgerraadgiver/reports/statistics/"),
        ("veteran-registry", "/admin/borgerraadgiver/veterans/contacts/"),
    ]:
        journey.goto(path)
        assert journey.page.locator("h1").count(), path
        journey.step(name)
    # The timeline's and the overdue marks' look comes from the plugin's stylesheet.
    journey.goto(f"/admin/borgerraadgiver/cases/inspect/{case.pk}/")
    border = journey.page.locator(".br-timeline-event").first.evaluate(
        "node => getComputedStyle(node).borderLeftWidth")
    assert border == "4px"
    assert_clean(journey)
