"""The request page in a real browser: no axe-core violations (WCAG 2.1 AA), before and after
an error, and a request sent without JavaScript-only tricks."""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True,
                                                         serialized_rollback=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                           TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_request_page_is_accessible_and_works_in_a_browser(live_server, request_page,
                                                           veteran_coordinator):
    playwright = pytest.importorskip("playwright.sync_api")
    if not AXE.exists() or not Path("/usr/bin/chromium").exists():
        pytest.skip("needs /usr/bin/chromium and node_modules/axe-core (npm ci)")
    # Playwright runs an event loop while open, so the database is read after it closes.
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(locale="da-DK")
        page.goto(live_server.url + "/veteraner/")
        first = axe_violations(page)

        page.click("button[type=submit]")
        error_title = page.title()
        summary_shown = page.locator("#error-summary").is_visible()
        after_error = axe_violations(page)

        page.fill("#id_name", "Søren Jørgensen")
        page.check("#id_role_1")
        page.fill("#id_email", "soeren@example.invalid")
        page.check("#id_consent")
        page.click("button[type=submit]")
        receipt = page.content()
        on_receipt = axe_violations(page)
        browser.close()

    from borgerraadgiver_plugin.veterans.models import VeteranContact

    assert first == [] and after_error == [] and on_receipt == []
    assert error_title.startswith("Fejl: ") and summary_shown
    contact = VeteranContact.objects.get()
    assert contact.role == "RELATIVE" and contact.veteran_id is None
    assert contact.reference in receipt
