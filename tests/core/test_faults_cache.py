"""The Redis cache down (issue 17): the site's cache points at a port where nothing listens.
The complaint form still takes submissions (the cache fails open), and the rate limit falls
back to counting in each process, so a flood from one address is still refused while other
addresses are not (docs/resilience.md)."""

import socket

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from borgerraadgiver_plugin import spam
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models.taxonomy import AREAS
from example_site.settings.base import cache_from_env

from .public_form_support import complaint, fill

pytestmark = pytest.mark.django_db


def closed_port():
    """A loopback port where nothing listens (taken from the system, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings, monkeypatch):
    """The example site's own cache settings, with REDIS_URL at a closed port."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{closed_port()}/5")
    settings.CACHES = cache_from_env()
    spam._local_counts.clear()
    yield
    spam._local_counts.clear()


def test_the_form_takes_submissions_while_redis_is_down(client, complaint_page, redis_down,
                                                        monkeypatch):
    target = complaint(complaint_page)
    html = target.render(client, monkeypatch=monkeypatch)
    response = target.post(client, fill(html, target.answers))
    assert response.status_code == 302
    case = Case.objects.get()
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and case.reference in receipt.content.decode()


def test_while_redis_is_down_one_address_is_still_rate_limited_and_others_are_not(
        client, complaint_page, redis_down, settings, monkeypatch):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 3
    target = complaint(complaint_page)
    html = target.render(client, monkeypatch=monkeypatch)
    statuses = [target.post(client, fill(html, target.answers), REMOTE_ADDR="198.51.100.7")
                .status_code for _n in range(4)]
    assert statuses[:3] == [302, 302, 302]  # the same form three times: one inquiry
    refused = target.post(client, fill(html, target.answers), REMOTE_ADDR="198.51.100.7")
    assert statuses[3] == 429 and refused.status_code == 429
    assert refused["Retry-After"].isdigit() and int(refused["Retry-After"]) > 0
    assert "mange gange" in refused.content.decode()
    other = target.post(client, fill(target.render(client, monkeypatch=monkeypatch),
                                     target.answers), REMOTE_ADDR="198.51.100.8")
    assert other.status_code == 302


def test_a_cache_that_raises_is_read_around():
    """Django's own Redis backend raises while Redis is down; the plugin's cached rows and its
    rate limit go on without it (Wagtail's own lookups need a cache that fails open)."""
    raising = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                           "LOCATION": f"redis://127.0.0.1:{closed_port()}/5"}}
    spam._local_counts.clear()
    with override_settings(CACHES=raising):  # gone before the fixtures clear the cache
        with pytest.raises(Exception):  # noqa: B017 - the backend's own connection error
            caches["default"].get("anything")
        assert AREAS.get() == []
        request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.9")
        assert [spam.rate_limited(request, "down", limit=1) for _n in range(2)] == [False, True]
        assert spam.retry_after(request, "down") > 0
    spam._local_counts.clear()
