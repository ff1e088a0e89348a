"""Danish on every admin screen the plugin's users see (issue 10, point 7): the advisor, the
veteran coordinator and a staff member each walk their screens in chromium, and every page's
visible text is checked against the English denylist (``Journey.step``)."""

import pytest
from django.urls import reverse

from borgerraadgiver_plugin.cases import outbox_kinds
from borgerraadgiver_plugin.learning.models import Recommendation
from borgerraadgiver_plugin.learning.provision import grant_index_permissions
from borgerraadgiver_plugin.models import ReferralBody, Theme
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, STAFF_GROUP, VETERAN_GROUP
from tests.factories import (
    AreaFactory,
    CaseFactory,
    LearningNoteIndexPageFactory,
    LearningNotePageFactory,
    OutboxMessageFactory,
    ReferralBodyFactory,
    ThemeFactory,
    UserFactory,
    VeteranContactFactory,
)
from tests.sites import ensure_default_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "rigtig-hemmelig"
CASE_ACTIONS = ["acknowledge", "triage", "event", "forward", "statement-request", "extend",
                "pause", "conclude", "close", "link", "merge"]


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def snippet_url(model, action, *args):
    return reverse(f"{model._meta.app_label}_{model._meta.model_name}:{action}",
                   args=args)


def save(journey):
    journey.page.locator("#w-editor-form button[type=submit]").first.click()
    journey.page.wait_for_load_state()


def test_the_advisors_screens_are_danish(journey, site, groups):
    UserFactory(username="rikke", first_name="Rikke", password=PASSWORD, groups=[ADVISOR_GROUP])
    area = AreaFactory(name="Jobcenter", is_external=False)
    ThemeFactory(code="SAGSB", name="Sagsbehandlingstid")
    ReferralBodyFactory(name="Ankestyrelsen", code="ANK")
    case = CaseFactory(area=area)
    OutboxMessageFactory(kind=outbox_kinds.NEW_INQUIRY, recipient="r@example.invalid",
                         subject="Ny henvendelse", reference=case.reference)
    index = LearningNoteIndexPageFactory(parent=site.root_page, publish=False)
    grant_index_permissions()
    note = LearningNotePageFactory(parent=index)
    page = journey.page

    journey.goto(reverse("wagtailadmin_login"))
    journey.step("admin-login")
    journey.log_in("rikke", PASSWORD)
    journey.step("dashboard")

    cases = snippet_url(case, "list")
    journey.goto(cases)
    journey.step("cases")
    page.get_by_role("button", name="Vis filtre").first.click()
    journey.step("cases-filters")
    journey.goto(cases + "?q=ingen-sag-har-denne-tekst")
    journey.step("cases-search-without-results")

    journey.goto(snippet_url(case, "add"))
    journey.step("case-add")
    save(journey)
    assert "kunne ikke oprettes" in page.inner_text("body")
    journey.step("case-add-errors")

    journey.goto(snippet_url(case, "inspect", case.pk))
    journey.step("case-inspect")
    for action in CASE_ACTIONS:
        journey.goto(reverse("borgerraadgiver_cases_case:action",
                             args=[case.pk, action]))
        journey.step(f"case-action-{action}")
    journey.goto(snippet_url(case, "edit", case.pk))
    journey.step("case-edit")
    journey.goto(snippet_url(case, "history", case.pk))
    journey.step("case-history")

    for model in (area, Theme, ReferralBody, Recommendation):
        journey.goto(snippet_url(model, "list"))
        journey.step(f"{model._meta.model_name}-listing")
    journey.goto(snippet_url(area, "edit", area.pk))
    journey.step("area-edit")
    save(journey)
    assert "er opdateret" in page.inner_text("body")
    journey.step("area-saved")

    journey.goto(reverse("borgerraadgiver_outbox:index"))
    assert "Ny henvendelse (besked til borgerrådgiveren)" in page.inner_text("main")
    journey.step("outbox")
    journey.goto(reverse("borgerraadgiver_learning_reads"))
    journey.step("readings")
    journey.goto(reverse("wagtailsettings:edit",
                         args=["borgerraadgiver", "borgerraadgiversettings"]))
    journey.step("settings")
    journey.goto(reverse("wagtailadmin_pages:edit", args=[note.pk]))
    assert page.locator("#id_title").input_value() == note.title
    journey.step("learning-note-editor")

    # The veteran registry is not the advisor's: a Danish refusal that keeps the menu.
    journey.goto(reverse("borgerraadgiver_veterans_veterancontact_modeladmin_index"))
    assert page.locator("h1").inner_text() == "Ingen adgang"
    journey.step("veterans-refused")
    page.get_by_role("link", name="Gå til oversigten").click()
    page.wait_for_load_state()
    assert page.url.endswith(reverse("wagtailadmin_home"))


def test_the_coordinators_screens_are_danish(journey, site, groups):
    UserFactory(username="viggo", first_name="Viggo", password=PASSWORD, groups=[VETERAN_GROUP])
    contact = VeteranContactFactory(name="Jens Mikkelsen")
    page = journey.page

    journey.log_in("viggo", PASSWORD)
    journey.step("dashboard")
    registry = "borgerraadgiver_veterans_{}_modeladmin_{}"
    journey.goto(reverse(registry.format("veterancontact", "index")))
    journey.step("contacts")
    page.get_by_role("link", name="Tilføj veterankontakt").first.click()
    page.wait_for_load_state()
    journey.step("contact-create")
    journey.goto(reverse(registry.format("veterancontact", "inspect"), args=[contact.pk]))
    assert "Viser" in page.inner_text("body")
    journey.step("contact-inspect")
    journey.goto(reverse(registry.format("veterancontact", "edit"), args=[contact.pk]))
    journey.step("contact-edit")
    journey.goto(reverse(registry.format("veterancontact", "delete"), args=[contact.pk]))
    journey.step("contact-delete")
    for model in ("veteranactivity", "partnerreferral", "externalpartner", "needarea"):
        journey.goto(reverse(registry.format(model, "index")))
        journey.step(f"{model}-listing")
    journey.goto(reverse(registry.format("veteranactivity", "create")))
    journey.step("activity-create")
    journey.goto(reverse("wagtailadmin_account"))
    journey.step("account")

    journey.goto(reverse("borgerraadgiver_cases_case:list"))
    assert page.locator("h1").inner_text() == "Ingen adgang"
    journey.step("cases-refused")


def test_a_staff_member_meets_danish_login_and_refusal(journey, site, groups):
    UserFactory(username="mette", first_name="Mette", password=PASSWORD, groups=[STAFF_GROUP])
    page = journey.page

    journey.goto("/_util/login/")
    journey.step("site-login")
    journey.log_in("mette", PASSWORD, login_path="/_util/login/")
    journey.goto(reverse("borgerraadgiver_cases_case:list"))
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.locator("h1").inner_text() == "Ingen adgang"
    journey.step("cases-refused")
    page.get_by_role("link", name="Gå til forsiden").click()
    page.wait_for_load_state()
    assert page.url == journey.base_url + "/"
    journey.step("front-page")
