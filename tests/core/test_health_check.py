"""The health-check URL (issue 17): 200 while the database, the cache and the outbox are
healthy; 503 (Service Unavailable: a load balancer takes the server out of rotation, where 500
reads as a crash) naming the part when one is not (a failed e-mail, one waiting too long, a cache
that cannot be reached). Counts only: no recipient or reference in the answer."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from borgerraadgiver_plugin.models import OutboxMessage, OutboxStatus

pytestmark = pytest.mark.django_db

URL = "/health/?format=json"


def message(**fields):
    return OutboxMessage.objects.create(kind="ack", reference="BR-2026-0042",
                                        recipient="borger@example.invalid", subject="Kvittering",
                                        body="Tak.", **fields)


def test_all_healthy(client):
    message(status=OutboxStatus.SENT)
    message()  # just written: waiting, but not too long
    response = client.get(URL)
    assert response.status_code == 200
    assert set(response.json().values()) == {"OK"}
    assert {key.split("(")[0] for key in response.json()} == {"Database", "Cache", "Outbox"}


def test_a_failed_email_makes_the_outbox_unhealthy(client):
    message(status=OutboxStatus.FAILED)
    response = client.get(URL)
    assert response.status_code == 503
    outbox = next(value for key, value in response.json().items() if key.startswith("Outbox"))
    assert "1 e-mail kunne ikke sendes" in outbox
    assert "BR-2026-0042" not in response.text and "borger@" not in response.text


def test_an_email_waiting_too_long_makes_the_outbox_unhealthy(client, settings):
    settings.BORGERRAADGIVER_OUTBOX_WARN_MINUTES = 30
    message(created_at=timezone.now() - datetime.timedelta(minutes=31))
    response = client.get(URL)
    assert response.status_code == 503
    assert "ventet for længe" in " ".join(response.json().values())


def test_a_cache_out_of_reach_is_reported(client):
    # Only for the request: the fixtures empty the real cache afterwards.
    with override_settings(CACHES={"default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0"}}):
        response = client.get(URL)
    assert response.status_code == 503
    cache = next(value for key, value in response.json().items() if key.startswith("Cache"))
    assert cache != "OK"


def test_the_monitor_gets_plain_text_too(client):
    response = client.get("/health/", HTTP_ACCEPT="text/plain")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    assert "Outbox" in response.text


def test_a_database_out_of_reach_is_503(client, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.utils import OperationalError

    def refuse(self, *args, **kwargs):
        raise OperationalError("connection refused")

    # The check's own query fails the way a stopped database server does.
    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)
    response = client.get("/health/", HTTP_ACCEPT="text/plain")
    assert response.status_code == 503
    database = [line for line in response.text.splitlines() if line.startswith("Database")]
    assert database and "connection refused" in database[0]


def test_an_unhealthy_html_page_is_503_too(client):
    message(status=OutboxStatus.FAILED)
    assert client.get("/health/").status_code == 503
