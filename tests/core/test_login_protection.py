"""Login throttling (issue 17), through HTTP and the login forms as rendered: 20 wrong passwords
for the advisor's account lock it, so the right password is then refused with a Danish page;
``axes_reset_username`` unlocks it. The same for the intranet's login; another address is not
locked out by someone else's guessing."""

import pytest
from django.core.management import call_command

from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.cases.rendered_form import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = "/admin/login/"
INTRANET_LOGIN = "/_util/login/"
PASSWORD = "rigtig-hemmelig-2026"


@pytest.fixture(autouse=True)
def throttled(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def rikke(groups):
    return UserFactory(username="rikke", password=PASSWORD, groups=[ADVISOR_GROUP])


def log_in(client, login_url, password, address="192.0.2.10"):
    data = form_data(client, login_url)
    data.update(username=["rikke"], password=[password])
    return client.post(login_url, data, REMOTE_ADDR=address)


def signed_in(client):
    return client.get("/admin/").status_code == 200


@pytest.mark.parametrize("login_url", [ADMIN_LOGIN, INTRANET_LOGIN])
def test_twenty_wrong_passwords_lock_the_account_until_it_is_unlocked(client, rikke,
                                                                      login_url):
    for _attempt in range(20):
        wrong = log_in(client, login_url, "forkert")
        assert wrong.status_code in (200, 429) and not signed_in(client)

    refused = log_in(client, login_url, PASSWORD)
    assert refused.status_code == 429
    text = refused.content.decode()
    assert "Login låst" in text and "også med den rigtige adgangskode" in text
    assert int(refused["Retry-After"]) > 0
    assert not signed_in(client)

    call_command("axes_reset_username", "rikke")
    assert log_in(client, login_url, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_lock_holds_one_address_only(client, rikke):
    for _attempt in range(5):
        log_in(client, ADMIN_LOGIN, "forkert", address="198.51.100.7")
    assert log_in(client, ADMIN_LOGIN, PASSWORD, address="198.51.100.7").status_code == 429
    assert log_in(client, ADMIN_LOGIN, PASSWORD, address="192.0.2.10").status_code == 302
    assert signed_in(client)


def test_a_right_password_before_the_limit_clears_the_failures(client, rikke):
    for _attempt in range(4):
        log_in(client, ADMIN_LOGIN, "forkert")
    assert log_in(client, ADMIN_LOGIN, PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, ADMIN_LOGIN, "forkert")
    assert log_in(client, ADMIN_LOGIN, PASSWORD).status_code == 302
