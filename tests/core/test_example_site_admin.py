"""The example site is what a municipality copies: its admin offers nothing made for the
benchmarks (their baselines live in ``tests.benchmarks.baseline``, installed only by
``make bench``)."""

import pytest
from django.apps import apps
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_snippets_hold_no_plain_case(admin_client):
    snippets = admin_client.get(reverse("wagtailsnippets:index"), follow=True)
    assert snippets.status_code == 200
    text = snippets.content.decode().lower()
    assert "henvisningsinstanser" in text  # the page lists the plugin's snippets
    assert "plain case" not in text and "benchmark" not in text


def test_no_baseline_form_page_can_be_created(admin_client, home):
    page_types = admin_client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    assert page_types.status_code == 200
    text = page_types.content.decode()
    assert "Indholdsside" in text or "Content page" in text  # the site's own page types
    assert "aseline" not in text


def test_the_benchmark_app_is_not_installed():
    assert not apps.is_installed("tests.benchmarks.baseline")
