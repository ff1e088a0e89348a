"""Two-factor set-up from the admin (issue 17), through HTTP with the forms as rendered: an
account of the advisor's group without an app logs in with its password and is held on
*Totrinslogin* until it confirms an app with a code; a wrong code is refused; the right one
turns it on and shows ten recovery codes once; the login then takes a code from the app or a
recovery code, which works once. Replacing or removing the app asks for a current code. Every
change is in the audit log."""

import base64
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.staticfiles import finders
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, STAFF_GROUP
from tests.cases.rendered_form import fill_in
from tests.factories import UserFactory

from .test_two_factor import PASSWORD, in_admin, log_in

pytestmark = pytest.mark.django_db

URL = "/admin/borgerraadgiver/two-factor/"


def form(name):
    return f'form[data-two-factor="{name}"]'


@pytest.fixture
def two_factor(settings):
    settings.BORGERRAADGIVER_TWO_FACTOR = True
    # django-otp's growing wait after a wrong code would refuse the next right one within the
    # second; the tests type a wrong code and then the right one at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def rikke(groups):
    return UserFactory(username="rikke", password=PASSWORD, groups=[ADVISOR_GROUP])


def shown_key(response):
    """The key the set-up screen shows, as the bytes the app keeps."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return base64.b32decode(page.select_one("[data-two-factor-key]").text.replace(" ", ""))


def app_code(key, drift=0):
    return f"{totp(key, drift=drift):06d}"


def wrong(right):
    return "111111" if right == "000000" else "000000"


def audit_actions(user):
    return list(ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk)).order_by("pk").values_list("action", flat=True))


def set_up_app(client):
    """Go through the set-up screen as the person would; returns (key, recovery codes)."""
    key = shown_key(client.get(URL))
    response = fill_in(client, URL, form("confirm"), {"confirm-code": app_code(key)})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return key, [item.text for item in page.select("[data-recovery-codes] code")]


def test_a_wrong_code_is_refused_and_the_right_one_turns_it_on(client, rikke, two_factor):
    assert log_in(client, "rikke", "").status_code == 302  # no app yet: the password only
    held = client.get("/admin/borgerraadgiver/cases/")
    assert held.status_code == 302 and held["Location"] == URL
    page = client.get(URL)
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.content.decode()
    key = shown_key(page)

    refused = fill_in(client, URL, form("confirm"), {"confirm-code": wrong(app_code(key))})
    assert refused.status_code == 200
    assert "koden passer ikke" in refused.content.decode().lower()
    assert not TOTPDevice.objects.filter(user=rikke).exists()
    assert shown_key(refused) == key  # the same key to try again with

    confirmed = fill_in(client, URL, form("confirm"), {"confirm-code": app_code(key)})
    assert confirmed.status_code == 200
    text = confirmed.content.decode()
    assert "totrinslogin er sat op" in text.lower()
    codes = [item.text for item in BeautifulSoup(text, "html.parser").select(
        "[data-recovery-codes] code")]
    assert len(set(codes)) == 10
    assert TOTPDevice.objects.get(user=rikke, confirmed=True).bin_key == key
    assert in_admin(client)
    assert audit_actions(rikke) == [audit.TWO_FACTOR_ENROLLED]
    # Shown once: the screen no longer lists them.
    assert "data-recovery-codes" not in client.get(URL).content.decode()


def test_the_login_then_takes_a_code_from_the_app(client, rikke, two_factor):
    log_in(client, "rikke", "")
    key, _codes = set_up_app(client)
    client.logout()
    assert log_in(client, "rikke", "").status_code == 200  # now the code is needed
    assert not in_admin(client)
    # The code used to confirm cannot be used again; the next one works.
    assert log_in(client, "rikke", app_code(key)).status_code == 200
    assert log_in(client, "rikke", app_code(key, drift=1)).status_code == 302
    assert in_admin(client)


def test_a_recovery_code_logs_in_once(client, rikke, two_factor):
    log_in(client, "rikke", "")
    _key, codes = set_up_app(client)
    client.logout()
    assert log_in(client, "rikke", codes[3]).status_code == 302
    assert in_admin(client)
    assert StaticToken.objects.filter(device__user=rikke).count() == 9
    assert audit_actions(rikke)[-1] == audit.TWO_FACTOR_RECOVERY_USED
    client.logout()
    reused = log_in(client, "rikke", codes[3])
    assert reused.status_code == 200
    assert "ubrugt gendannelseskode" in reused.content.decode().lower()
    assert not in_admin(client)
    page = log_in(client, "rikke", codes[4])
    assert page.status_code == 302
    assert "8 ubrugte gendannelseskoder" in client.get(URL).content.decode()


def test_replacing_the_app_asks_for_a_current_code(client, rikke, two_factor):
    log_in(client, "rikke", "")
    old_key, _codes = set_up_app(client)
    refused = fill_in(client, URL, form("replace"),
                      {"replace-code": wrong(app_code(old_key, drift=1))})
    assert refused.status_code == 200 and "koden er forkert" in refused.content.decode().lower()
    assert "data-two-factor-setup" not in refused.content.decode()

    assert fill_in(client, URL, form("replace"),
                   {"replace-code": app_code(old_key, drift=1)}).status_code == 302
    new_key = shown_key(client.get(URL))
    assert new_key != old_key
    # Until the new app is confirmed the old one still logs in.
    assert TOTPDevice.objects.get(user=rikke).bin_key == old_key
    _key, codes = set_up_app(client)
    assert TOTPDevice.objects.get(user=rikke).bin_key == new_key
    client.logout()
    assert log_in(client, "rikke", app_code(old_key, drift=2)).status_code == 200
    assert log_in(client, "rikke", app_code(new_key, drift=1)).status_code == 302
    assert audit_actions(rikke) == [audit.TWO_FACTOR_ENROLLED] * 2


def test_removing_the_app_asks_for_a_current_code(client, groups, two_factor):
    # Staff outside the groups may use an app of their own; once set up, the login asks for it.
    UserFactory(username="mette", password=PASSWORD, groups=[STAFF_GROUP], is_superuser=True)
    mette = get_user_model().objects.get(username="mette")
    log_in(client, "mette", "")
    key, _codes = set_up_app(client)
    client.logout()
    assert log_in(client, "mette", "").status_code == 200
    assert log_in(client, "mette", app_code(key, drift=1)).status_code == 302

    refused = fill_in(client, URL, form("remove"), {"remove-code": "12345"})
    assert refused.status_code == 200 and TOTPDevice.objects.filter(user=mette).exists()
    assert fill_in(client, URL, form("remove"),
                   {"remove-code": app_code(key, drift=2)}).status_code == 302
    assert not TOTPDevice.objects.filter(user=mette).exists()
    assert not StaticToken.objects.filter(device__user=mette).exists()
    assert audit_actions(mette)[-1] == audit.TWO_FACTOR_REMOVED
    client.logout()
    assert log_in(client, "mette", "").status_code == 302  # no code asked any more


def test_enrolment_at_login_can_be_switched_off(client, rikke, two_factor, settings):
    settings.BORGERRAADGIVER_TWO_FACTOR_ENROL_AT_LOGIN = False
    response = log_in(client, "rikke", "")
    assert "ingen godkendelsesapp" in response.content.decode().lower()
    assert client.get(URL).status_code == 302


def test_the_account_menu_leads_to_the_screen(client, rikke, two_factor):
    log_in(client, "rikke", "")
    set_up_app(client)
    account = client.get("/admin/account/").content.decode()
    assert f'href="{URL}"' in account and "Totrinslogin" in account


def test_off_there_is_no_screen(client, rikke):
    log_in(client, "rikke")
    assert client.get(URL).status_code == 404
    assert URL not in client.get("/admin/account/").content.decode()


def test_the_screen_has_no_inline_code(client, rikke, two_factor):
    log_in(client, "rikke", "")
    text = client.get(URL).content.decode()
    body = text[text.index("data-two-factor-setup"):]
    assert not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=|\son[a-z]+=", body.split("</main>")[0])


def test_while_setting_up_the_admins_own_requests_are_refused_not_redirected(client, rikke,
                                                                            two_factor):
    log_in(client, "rikke", "")
    fetched = client.get("/admin/borgerraadgiver/cases/", HTTP_SEC_FETCH_MODE="cors")
    assert fetched.status_code == 403
    opened = client.get("/admin/borgerraadgiver/cases/", HTTP_SEC_FETCH_MODE="navigate")
    assert opened.status_code == 302 and opened["Location"] == URL


def test_while_setting_up_what_the_screen_loads_is_not_refused(client, rikke, two_factor,
                                                               settings):
    # Each same-origin address the set-up screen makes the browser load, asked for as the
    # browser asks (Sec-Fetch-Mode no-cors for <script>/<link>, cors for the fetch icons.js
    # makes of the icon sprite): refused, the screen would lose its translations or icons.
    log_in(client, "rikke", "")
    page = BeautifulSoup(client.get(URL).content.decode(), "html.parser")
    loaded = [(tag["src"], "no-cors") for tag in page.select("script[src]")]
    loaded += [(tag["href"], "no-cors") for tag in page.select("link[href]")]
    loaded += [(tag["data-icon-url"], "cors") for tag in page.select("[data-icon-url]")]
    admin = [(url, mode) for url, mode in loaded if url.startswith("/admin/")]
    assert {url.split("?")[0] for url, _mode in admin} >= {"/admin/jsi18n/", "/admin/sprite/"}
    for url, mode in admin:
        response = client.get(url, HTTP_SEC_FETCH_MODE=mode)
        assert response.status_code == 200, url
    # Static files are outside the admin, so the middleware never sees them; the test client
    # does not serve them, so check that each one exists.
    for url, _mode in loaded:
        if url.startswith(settings.STATIC_URL):
            assert finders.find(url.split("?")[0].removeprefix(settings.STATIC_URL)), url
