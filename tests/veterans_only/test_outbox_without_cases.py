"""A municipality with only the core and the veteran registry: the coordinator sees a notice the
mail server refused, and sends it again. Runs in its own interpreter with
``tests.veterans_only.settings`` (see ``tests/core/test_install_subsets.py``)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core import mail
from django.core.management import call_command

from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus
from borgerraadgiver_plugin.outbox import deliver_due
from borgerraadgiver_plugin.veterans import intake
from tests.cases.rendered_form import form_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(apps.is_installed("borgerraadgiver_plugin.cases"),
                       reason="needs an install without cases: tests.veterans_only.settings"),
]


def test_the_install_has_only_the_core_and_the_registry():
    for part in ("cases", "learning", "reports"):
        assert not apps.is_installed(f"borgerraadgiver_plugin.{part}")
    assert apps.is_installed("borgerraadgiver_plugin.veterans")
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def refused_notice(settings):
    """A veteran asks to be contacted while the mail server is down, until the outbox gives up."""
    settings.EMAIL_BACKEND = "tests.failing_mail.EmailBackend"
    contact = intake.register_request({"role": "VETERAN", "name": "Kim", "phone": "20304050"})
    notice = OutboxMessage.objects.get(reference=contact.reference)
    while notice.status == OutboxStatus.PENDING:
        deliver_due(now=notice.next_attempt_at + datetime.timedelta(seconds=1))
        notice.refresh_from_db()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return notice


def link(html, text):
    page = BeautifulSoup(html, "html.parser")
    return next(a["href"] for a in page.find_all("a") if a.get_text(strip=True) == text)


def test_the_coordinator_sends_a_refused_notice_again(client, veteran_coordinator, settings,
                                                      django_capture_on_commit_callbacks):
    notice = refused_notice(settings)
    assert notice.status == OutboxStatus.FAILED
    client.force_login(veteran_coordinator)
    home = client.get("/admin/").content.decode()
    assert "E-mails, der ikke kunne sendes" in home and notice.reference in home
    listing = client.get(link(home, "Vis de e-mails, der ikke kunne sendes")).content.decode()
    assert "Henvendelse fra veteran (besked til veterankoordinatoren)" in listing
    retry = link(listing, "Send igen")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(retry, form_data(client, retry))
    notice.refresh_from_db()
    assert notice.status == OutboxStatus.SENT
    assert [sent.to for sent in mail.outbox] == [[veteran_coordinator.email]]
    assert "E-mails, der ikke kunne sendes" not in client.get("/admin/").content.decode()
