"""The login protection in chromium (issue 17): the advisor types a wrong password until the
admin login is locked and sees the Danish lockout page; with two-factor login on, the advisor
types the code from the authenticator app into the admin login and reaches the dashboard; an
advisor without an app sets one up from the admin's *Totrinslogin* screen."""

import pytest
from django_otp.oath import totp

from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from borgerraadgiver_plugin.two_factor import new_device
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "rigtig-hemmelig-2026"


@pytest.fixture
def rikke(groups):
    return UserFactory(username="rikke", password=PASSWORD, groups=[ADVISOR_GROUP])


def test_wrong_passwords_lock_the_login_with_a_danish_page(journey, rikke, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        journey.log_in("rikke", "forkert")
    journey.step("login-locked")
    text = journey.page.inner_text("body")
    assert "Login låst" in text and "også med den rigtige adgangskode" in text
    journey.log_in("rikke", PASSWORD)
    assert "Login låst" in journey.page.inner_text("body")
    assert journey.csp_violations == [] and journey.outside_requests == []


def test_the_advisor_logs_in_with_the_code_from_the_app(journey, rikke, settings):
    settings.BORGERRAADGIVER_TWO_FACTOR = True
    device = new_device(rikke)
    page = journey.page
    journey.goto("/admin/login/")
    page.fill("input[name=username]", "rikke")
    page.fill("input[name=password]", PASSWORD)
    right = f"{totp(device.bin_key):06d}"
    page.get_by_label("Engangskode").fill("111111" if right == "000000" else "000000")
    journey.send("button[type=submit]")
    assert "Engangskoden er forkert" in page.inner_text("body")
    journey.step("two-factor-wrong-code")
    # django-otp refuses every code for a second after a wrong one (its throttle); a person
    # takes longer than that to type the right one.
    page.wait_for_timeout(1100)

    page.fill("input[name=username]", "rikke")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_label("Engangskode").fill(f"{totp(device.bin_key):06d}")
    journey.step("two-factor-login")
    journey.send("button[type=submit]")
    assert page.url.endswith("/admin/")
    journey.step("two-factor-dashboard")
    assert journey.csp_violations == [] and journey.outside_requests == []


def test_the_advisor_sets_up_the_app_from_the_admin(journey, rikke, settings):
    """No app yet: the password only leads to *Totrinslogin*; the key shown there, typed into
    the app, gives the code that turns it on; the recovery codes are shown; the CSP holds."""
    import base64

    settings.BORGERRAADGIVER_TWO_FACTOR = True
    page = journey.page
    journey.log_in("rikke", PASSWORD)
    assert page.url.endswith("/admin/borgerraadgiver/two-factor/")
    # Once: the admin's own scripts' requests must not pull the screen into the page again.
    assert page.locator("[data-two-factor-setup]").count() == 1
    assert page.locator("img[data-two-factor-qr]").evaluate("image => image.naturalWidth") > 0
    # Its icons come from the sprite icons.js fetches; the login page left a copy in
    # localStorage, which a session from the intranet's login does not have.
    page.evaluate("localStorage.clear()")
    with page.expect_response(lambda response: "/admin/sprite/" in response.url) as sprite:
        page.reload()
    assert sprite.value.status == 200
    page.wait_for_selector("[data-sprite] symbol", state="attached")
    journey.step("two-factor-setup")
    key = base64.b32decode(page.inner_text("[data-two-factor-key]").replace(" ", ""))
    page.get_by_label("Kode").fill(f"{totp(key):06d}")
    journey.send("form[data-two-factor=confirm] button[type=submit]")
    assert "Totrinslogin er sat op" in page.inner_text("body")
    assert page.locator("[data-recovery-codes] code").count() == 10
    journey.step("two-factor-recovery-codes")
    journey.goto("/admin/")
    assert page.url.endswith("/admin/")
    assert journey.csp_violations == [] and journey.outside_requests == []
