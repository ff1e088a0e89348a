"""Fixtures every browser journey shares: one chromium per session and a logged-in tab that
takes a screenshot at every step and checks the visible text for English words."""

import os
import re
from pathlib import Path

import pytest

from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import UserFactory
from tests.sites import ensure_default_site

from .support import ROOT, launch, require_browser

#: Where each journey's screenshots go: one folder per test, one PNG per step.
SCREENSHOTS = Path(os.environ.get("BORGERRAADGIVER_SCREENSHOTS",
                                  ROOT / ".artifacts" / "screenshots"))

#: English words that must never be visible to the plugin's Danish users. Whole words, case
#: sensitive, so Danish words that merely contain them ("Rapporter") do not count.
ENGLISH_WORDS = [
    "Reports", "Download", "Show filters", "created", "updated", "deleted", "Inspecting",
    "Forbidden", "True", "False", "Choose", "Add", "Edit", "Delete", "Save", "Search",
    "Cancel", "Loaded version", "permission", "could not be", "Dashboard", "Settings",
    "Log out", "Sign in", "Filter", "Export", "History", "Inspect", "Actions", "Sort by",
    "No results", "Page", "Snippets", "Help", "Account", "Select", "Yes", "No",
    # Wagtail's relative dates, JavaScript strings and login chrome.
    "Just now", "just now", "ago", "Collapse all", "Expand all", "Password", "Username",
    "Loading", "Toggle", "Preview", "Draft", "Unpublish", "Comments", "Workflow", "Locked",
    "Previous", "Next", "Clear", "Back", "Close", "Refresh", "Error", "Sorry", "There are no",
]
_ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH_WORDS)
                      + r")(?![\w-])")


def english_words(text):
    """The denylisted English words in ``text``, each once, in order of appearance."""
    return list(dict.fromkeys(match.group(1) for match in _ENGLISH.finditer(text)))


@pytest.fixture(scope="session")
def browser():
    """Chromium for the whole run. Playwright's sync API keeps an event loop in this thread,
    so Django's guard against ORM calls from async code is lifted while it runs."""
    require_browser()
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = launch(playwright)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class Journey:
    """One person's tab: ``step(name)`` screenshots the page and fails on English words."""

    def __init__(self, page, folder, base_url):
        self.page, self.folder, self.base_url = page, folder, base_url
        self.steps = 0
        #: What the Content-Security-Policy refused (chromium's console errors), and every
        #: request that left the test server, each as it happened.
        self.csp_violations, self.outside_requests = [], []
        page.on("console", self._console)
        page.on("request", self._request)

    def _console(self, message):
        if message.type == "error" and "Content Security Policy" in message.text:
            self.csp_violations.append(f"{self.page.url}: {message.text}")

    def _request(self, request):
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and not (
                request.url.startswith(self.base_url)):
            self.outside_requests.append(f"{self.page.url}: {request.url}")

    def goto(self, path):
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state()

    def step(self, name, check_danish=True):
        self.steps += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(self.folder / f"{self.steps:02d}-{name}.png"),
                             full_page=True)
        if check_danish:
            found = english_words(self.page.inner_text("body"))
            assert not found, f"English on {self.page.url} at step {name!r}: {found}"

    def log_in(self, username, password, login_path="/admin/login/"):
        """Log in through the page's own form, as a person would."""
        self.goto(login_path)
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", password)
        self.send("button[type=submit], input[type=submit]")

    def send(self, button):
        """Click a form's ``button`` and wait for the page it leads to: a bare
        ``wait_for_load_state`` can return before the navigation starts, on the old page."""
        with self.page.expect_navigation():
            self.page.click(button)


@pytest.fixture
def site(db):
    """The default site, rebuilt when an earlier live-server test's flush removed it."""
    return ensure_default_site()


@pytest.fixture
def journey(browser, live_server, request):
    """A fresh tab (Danish, 1280 px wide) for the test, its screenshots in a folder of its own."""
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "_", request.node.name)
    yield Journey(page, folder, live_server.url)
    context.close()


@pytest.fixture
def rikke(groups):
    """The advisor, who logs in through the admin's login form."""
    return UserFactory(username="rikke", password="rigtig-hemmelig", first_name="Rikke",
                       last_name="Rådgiver", groups=[ADVISOR_GROUP])
