import time

import pytest
from django import forms
from django.core.cache import cache, caches
from django.test import RequestFactory

from borgerraadgiver_plugin import spam


class NameForm(spam.SpamProtectedForm):
    name = forms.CharField()


def bound(token, **extra):
    return NameForm(data={"name": "Anne", "form_token": token, **extra})


def old_token(seconds, monkeypatch):
    real = time.time
    monkeypatch.setattr(spam.time, "time", lambda: real() - seconds)
    token = spam.issue_token()
    monkeypatch.setattr(spam.time, "time", real)
    return token


def test_a_normal_submit_passes_with_a_nonce(monkeypatch):
    form = bound(old_token(30, monkeypatch))
    assert form.is_valid()
    assert not form.is_bot
    assert form.nonce


def test_honeypot_hit_is_a_bot():
    form = bound(spam.issue_token(), website="http://spam.example")
    assert form.is_valid() and form.is_bot


def test_too_fast_asks_to_send_again_and_the_renewed_token_is_not_too_fast():
    form = bound(spam.issue_token())
    assert not form.is_valid() and not form.is_bot
    assert form.non_field_errors().as_data()[0].code == "too_fast"
    assert form.data["name"] == "Anne"
    again = bound(form.data["form_token"])
    assert again.is_valid() and again.nonce == spam.read_token(form.data["form_token"])[0]


def test_a_renewed_token_still_expires(monkeypatch):
    real = spam.time.time
    monkeypatch.setattr(spam.time, "time", lambda: real() - 5 * 3600)
    token = spam.issue_token(renewed=True)
    monkeypatch.setattr(spam.time, "time", real)
    form = bound(token)
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "expired"


def test_expired_asks_to_send_again_and_keeps_the_text(monkeypatch):
    form = bound(old_token(5 * 3600, monkeypatch))
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "expired"
    assert form.data["name"] == "Anne"
    assert form.data["form_token"] != ""


def test_forged_token_is_refused():
    form = bound("forged:token")
    assert not form.is_valid()
    assert form.non_field_errors().as_data()[0].code == "invalid_token"


def test_spoofed_forwarded_for_is_ignored_without_trusted_proxies():
    request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7",
                                    HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert spam.client_ip(request) == "198.51.100.7"


def test_forwarded_for_counts_behind_a_trusted_proxy(settings):
    settings.BORGERRAADGIVER_TRUSTED_PROXIES = ["10.0.0.1"]
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1",
                                    HTTP_X_FORWARDED_FOR="203.0.113.9, 10.0.0.1")
    assert spam.client_ip(request) == "203.0.113.9"


def test_rate_limit_counts_per_address():
    cache.clear()
    factory = RequestFactory()
    first = factory.post("/", REMOTE_ADDR="192.0.2.1")
    other = factory.post("/", REMOTE_ADDR="192.0.2.2")
    assert [spam.rate_limited(first, "t", limit=2) for _ in range(3)] == [False, False, True]
    assert spam.rate_limited(other, "t", limit=2) is False


@pytest.mark.parametrize("backend", ["redis"])
def test_rate_limit_is_shared_through_redis(settings, backend):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:6379/15"}}
    caches["default"].clear()
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.3")
    assert [spam.rate_limited(request, "redis", limit=1) for _ in range(2)] == [False, True]
    caches["default"].clear()
