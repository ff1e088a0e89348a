"""The outbox screen: each person sees the e-mails they may see, and sends a failed one again."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.models import OutboxStatus
from borgerraadgiver_plugin.veterans.outbox_kinds import VETERAN_REQUEST
from tests.cases.rendered_form import form_data
from tests.factories import FailedMessageFactory

pytestmark = pytest.mark.django_db

LISTING = reverse("borgerraadgiver_outbox:index")
SEND_AGAIN = "Send igen"


def retry_links(client, url=LISTING):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return [a["href"] for a in page.find_all("a") if a.get_text(strip=True) == SEND_AGAIN]


def failed_notice():
    return FailedMessageFactory(kind=VETERAN_REQUEST, recipient="vk@example.invalid",
                                reference="VK-2026-0001", subject="Ny kontaktanmodning")


def test_advisor_sends_a_failed_receipt_again(advisor_client, advisor,
                                              django_capture_on_commit_callbacks):
    message = FailedMessageFactory(reference="BR-2026-0007")
    [link] = retry_links(advisor_client, f"{LISTING}?status={OutboxStatus.FAILED}")
    assert "ConnectionRefusedError" in advisor_client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = advisor_client.post(link, form_data(advisor_client, link), follow=True)
    assert "E-mailen er lagt i køen igen" in response.content.decode()
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT
    assert [sent.subject for sent in mail.outbox] == ["Kvittering BR-2026-0007"]
    assert ModelLogEntry.objects.filter(action=audit.RETRY, object_id=str(message.pk),
                                        user=advisor).exists()


def test_the_inspect_view_offers_send_again_for_a_failed_email_only(advisor_client):
    failed = FailedMessageFactory()
    sent = FailedMessageFactory(status=OutboxStatus.SENT, last_error="")
    inspect = reverse("borgerraadgiver_outbox:inspect", args=[failed.pk])
    assert retry_links(advisor_client, inspect) == [
        reverse("borgerraadgiver_outbox:retry", args=[failed.pk])]
    assert retry_links(advisor_client, reverse("borgerraadgiver_outbox:inspect",
                                               args=[sent.pk])) == []


def test_an_email_that_has_not_failed_is_left_alone(advisor_client):
    sent = FailedMessageFactory(status=OutboxStatus.SENT, last_error="")
    url = reverse("borgerraadgiver_outbox:retry", args=[sent.pk])
    page = advisor_client.get(url).content.decode()
    assert "intet at sende igen" in page and "Ja, send den igen" not in page
    response = advisor_client.post(url, follow=True)
    assert "E-mailen er ikke fejlet" in response.content.decode()
    sent.refresh_from_db()
    assert sent.status == OutboxStatus.SENT and mail.outbox == []


def test_the_coordinator_sees_the_registry_notices_but_no_case_email(client,
                                                                    veteran_coordinator):
    notice = failed_notice()
    receipt = FailedMessageFactory(reference="BR-2026-0008")
    client.force_login(veteran_coordinator)
    listing = client.get(LISTING).content.decode()
    assert "VK-2026-0001" in listing and "BR-2026-0008" not in listing
    assert retry_links(client) == [reverse("borgerraadgiver_outbox:retry", args=[notice.pk])]
    for name in ("inspect", "retry"):
        url = reverse(f"borgerraadgiver_outbox:{name}", args=[receipt.pk])
        assert client.get(url).status_code == 404, name
        assert client.post(url).status_code == 404, name
    receipt.refresh_from_db()
    assert receipt.status == OutboxStatus.FAILED


def test_the_dashboard_shows_each_person_the_failed_emails_they_may_see(
        client, advisor_client, veteran_coordinator):
    failed_notice()
    FailedMessageFactory(reference="BR-2026-0009")
    advisor_home = advisor_client.get("/admin/").content.decode()
    assert "VK-2026-0001" in advisor_home and "BR-2026-0009" in advisor_home
    client.force_login(veteran_coordinator)
    home = client.get("/admin/").content.decode()
    assert "E-mails, der ikke kunne sendes" in home
    assert "Henvendelse fra veteran (besked til veterankoordinatoren)" in home
    assert "VK-2026-0001" in home and "BR-2026-0009" not in home
    assert f"{LISTING}?status=FAILED" in home


def test_sending_again_needs_its_own_permission(client, groups):
    message = failed_notice()
    reader = get_user_model().objects.create_user(username="reader", password="pw")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outboxmessage"))
    client.force_login(reader)
    assert "VK-2026-0001" in client.get(LISTING).content.decode()
    assert retry_links(client) == []
    url = reverse("borgerraadgiver_outbox:retry", args=[message.pk])
    assert client.post(url).status_code == 403
    message.refresh_from_db()
    assert message.status == OutboxStatus.FAILED
    assert ModelLogEntry.objects.filter(action=audit.DENIED, object_id=str(message.pk),
                                        user=reader).exists()
