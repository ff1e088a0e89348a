"""Two-factor login (issue 17), through HTTP and the admin login form as rendered: with
``BORGERRAADGIVER_TWO_FACTOR`` on, the advisor logs in with password and a valid one-time code;
a wrong, missing or old code is refused; a session from the intranet login (no code) is sent back
to the admin login; an account without an app is held on the set-up screen (or refused, when the
site says so); staff outside the groups log in as before. Off, nothing changes. The set-up screen
itself: test_two_factor_enrolment.py."""

import io

import pytest
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, STAFF_GROUP, VETERAN_GROUP
from borgerraadgiver_plugin.two_factor import new_device
from tests.cases.rendered_form import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "rigtig-hemmelig-2026"


@pytest.fixture
def two_factor(settings):
    settings.BORGERRAADGIVER_TWO_FACTOR = True


@pytest.fixture
def rikke(groups):
    return UserFactory(username="rikke", password=PASSWORD, groups=[ADVISOR_GROUP])


def code(device, drift=0):
    """The code the authenticator app shows now (``drift`` steps of 30 s away)."""
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits,
                  drift=drift)
    return f"{number:0{device.digits}d}"


def log_in(client, username, otp_token=None, login_url=LOGIN):
    data = form_data(client, login_url)
    data.update(username=[username], password=[PASSWORD])
    if otp_token is not None:
        assert "otp_token" in data, "the login form shows no field for the code"
        data["otp_token"] = [otp_token]
    return client.post(login_url, data)


def in_admin(client):
    return client.get("/admin/").status_code == 200


def test_the_advisor_logs_in_with_a_valid_code(client, rikke, two_factor):
    device = new_device(rikke)
    response = log_in(client, "rikke", code(device))
    assert response.status_code == 302
    assert in_admin(client)


@pytest.mark.parametrize("wrong", ["000000", "", "12ab56"])
def test_a_wrong_or_missing_code_is_refused(client, rikke, two_factor, wrong):
    device = new_device(rikke)
    if wrong == "000000" and code(device) == wrong:
        wrong = "111111"
    response = log_in(client, "rikke", wrong)
    assert response.status_code == 200
    text = response.content.decode()
    assert ("engangskoden er forkert" in text.lower()
            or "skriv engangskoden fra din godkendelsesapp" in text.lower())
    assert not in_admin(client)


def test_a_code_from_an_hour_ago_is_refused(client, rikke, two_factor):
    device = new_device(rikke)
    assert log_in(client, "rikke", code(device, drift=-120)).status_code == 200
    assert not in_admin(client)


def test_the_veteran_coordinator_without_an_app_must_set_one_up(client, groups, two_factor):
    UserFactory(username="vera", password=PASSWORD, groups=[VETERAN_GROUP])
    assert log_in(client, "vera", "").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/borgerraadgiver/two-factor/"


def test_without_enrolment_at_login_an_account_without_an_app_is_refused(client, groups,
                                                                          two_factor, settings):
    settings.BORGERRAADGIVER_TWO_FACTOR_ENROL_AT_LOGIN = False
    UserFactory(username="vera", password=PASSWORD, groups=[VETERAN_GROUP])
    response = log_in(client, "vera", "")
    assert "ingen godkendelsesapp" in response.content.decode().lower()
    assert not in_admin(client)


def test_an_intranet_login_without_a_code_does_not_open_the_admin(client, rikke, two_factor):
    new_device(rikke)
    data = form_data(client, "/_util/login/")
    data.update(username=["rikke"], password=[PASSWORD])
    assert client.post("/_util/login/", data).status_code == 302
    response = client.get("/admin/borgerraadgiver/cases/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not in_admin(client)


def test_staff_outside_the_groups_log_in_without_a_code(client, groups, two_factor):
    UserFactory(username="mette", password=PASSWORD, groups=[STAFF_GROUP], is_superuser=True)
    assert log_in(client, "mette", "").status_code == 302
    assert in_admin(client)


def test_off_the_login_form_has_no_code_field(client, rikke):
    data = form_data(client, LOGIN)
    assert "otp_token" not in data
    assert log_in(client, "rikke").status_code == 302
    assert in_admin(client)


def test_the_command_gives_a_new_key_and_the_old_one_stops_working(client, rikke, two_factor):
    old = new_device(rikke)
    out = io.StringIO()
    call_command("borgerraadgiver_two_factor", "rikke", stdout=out)
    device = TOTPDevice.objects.get(user=rikke)
    assert device.pk != old.pk and device.config_url in out.getvalue()
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert log_in(client, "rikke", code(device)).status_code == 302
