"""What every browser test shares: Debian's chromium, axe-core and their WCAG 2.1 A/AA tags,
and the two moves on a case's screens that several journeys make.

CI sets ``BORGERRAADGIVER_REQUIRE_BROWSER=1``, so a missing chromium or axe-core fails there
instead of skipping; on a developer's machine without them the browser tests are skipped.
"""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = Path(os.environ.get("BORGERRAADGIVER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_browser():
    if CHROMIUM.exists() and AXE.exists():
        return
    message = f"needs {CHROMIUM} and {AXE.relative_to(ROOT)} (apt-get install chromium; npm ci)"
    if os.environ.get("BORGERRAADGIVER_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def axe_violations(page, impacts=("serious", "critical")):
    """axe-core's WCAG 2.1 A/AA violations of ``impacts`` on the page: (rule, impact, nodes)."""
    # Evaluated, not added as a <script>: the Content-Security-Policy refuses inline scripts.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:5])
            for v in result["violations"] if v["impact"] in impacts]


def open_step(page, label):
    """Click the step's button among the case overview's next steps."""
    page.locator("section:has(#case-steps)").get_by_role("link", name=label, exact=True).click()
    page.wait_for_load_state()


def submit(page):
    """Send a step's form with its first button (the step's own action)."""
    page.locator("#w-editor-form button[type=submit]").first.click()
    page.wait_for_load_state()
