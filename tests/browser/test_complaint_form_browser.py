"""The complaint form in Debian's chromium: axe-core (WCAG 2.1 A/AA), keyboard only, 320 px."""

import pytest

from borgerraadgiver_plugin.cases.models import Case
from tests.sites import ensure_default_site

from .support import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]



@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 320, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def fits_in_width(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_form_error_state_and_receipt_pass_axe_at_320_px(form_page, area, live_server, tab):
    tab.goto(live_server.url + form_page.url)
    assert axe_violations(tab) == []
    assert fits_in_width(tab)

    tab.click("button[type=submit]")
    tab.wait_for_load_state()
    assert tab.title().startswith("Fejl: ")
    assert tab.evaluate("document.activeElement.id") == "br-error-summary"
    assert axe_violations(tab) == []
    assert fits_in_width(tab)
    tab.click("#br-error-summary a[href='#id_account']")
    assert tab.evaluate("document.activeElement.id") == "id_account"

    tab.check("#id_inquiry_type_0")
    tab.check("#id_area_0")
    tab.fill("#id_account", "Jeg har ikke fået svar på min ansøgning.")
    tab.fill("#id_name", "Anne Hansen")
    tab.fill("#id_email", "anne@example.invalid")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/kvittering/**")
    reference = Case.objects.get().reference
    assert reference in tab.inner_text("main")
    assert axe_violations(tab) == []
    assert fits_in_width(tab)


def test_keyboard_only_run_fills_in_and_sends_the_form(form_page, area, live_server, tab):
    tab.goto(live_server.url + form_page.url)

    def tab_to(element_id, limit=80):
        for _n in range(limit):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    tab_to("id_inquiry_type_0")
    tab.keyboard.press("Space")
    tab_to("id_area_0")
    tab.keyboard.press("Space")
    tab_to("id_account")
    tab.keyboard.type("Min mor har ikke fået hjemmehjælp i tre uger.")
    tab_to("id_name")
    tab.keyboard.type("Bo Jensen")
    tab_to("id_phone")
    tab.keyboard.type("56 57 57 57")
    focus_ring = tab.evaluate(
        "getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring != "none"
    tab_to("id_consent_contact_unit")
    tab.keyboard.press("Space")
    for _n in range(80):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.type") == "submit":
            break
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/kvittering/**")
    case = Case.objects.get()
    assert case.citizen_phone == "56 57 57 57" and case.consent_contact_unit
    assert case.reference in tab.inner_text("main")


def test_remit_guidance_shows_before_submitting(form_page, area, live_server, tab):
    tab.goto(live_server.url + form_page.url)
    panel = tab.locator("[data-triage-panel=OMBUDSMAN]")
    assert panel.is_hidden()
    tab.check("#id_elsewhere_3")
    panel.wait_for(state="visible")
    assert "Folketingets Ombudsmand" in panel.inner_text()
    assert axe_violations(tab) == []
    tab.check("#id_elsewhere_0")
    panel.wait_for(state="hidden")
