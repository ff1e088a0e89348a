"""The production settings (issue 17): ``check --deploy --fail-level WARNING`` passes with what
a municipality's IT sets in the environment, and fails when a protection is switched off; the
request limits match the complaint form's, and a request past them gets the Danish 413 page."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.validators import MaxValueValidator

from borgerraadgiver_plugin.models import BorgerraadgiverSettings

from ..cases.sample_files import pdf
from .public_form_support import complaint, fill

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
    "DJANGO_SECRET_KEY": "a-production-key-of-sixty-characters-" + "x7Q2" * 8,
    "DJANGO_ALLOWED_HOSTS": "borgerraadgiver.example.invalid",
}


def check_deploy(**extra):
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith(("DJANGO_", "AXES_", "BORGERRAADGIVER_"))}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT / "example_site", env={**environment, **ENVIRONMENT, **extra},
        capture_output=True, text=True, timeout=120)


def test_check_deploy_passes_with_the_production_settings():
    result = check_deploy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_when_the_https_redirect_is_switched_off():
    result = check_deploy(DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W008" in result.stderr and "security.W004" in result.stderr


def test_the_request_limits_hold_the_largest_form_the_advisor_can_allow(settings):
    field = BorgerraadgiverSettings._meta.get_field("max_attachments")
    most_files = max(validator.limit_value for validator in field.validators
                     if isinstance(validator, MaxValueValidator))
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES == most_files
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= 12 * 11_000  # the text, %-encoded UTF-8


@pytest.mark.django_db
def test_more_files_than_any_form_takes_get_the_danish_413(client, complaint_page, settings,
                                                         monkeypatch):
    target = complaint(complaint_page)
    html = target.render(client, monkeypatch=monkeypatch)
    files = [pdf(f"bilag-{number}.pdf") for number in range(
        settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)]
    response = target.post(client, fill(html, {**target.answers, "attachments": files}))
    assert response.status_code == 413
    assert "større end formularen kan modtage" in response.content.decode()
    assert not target.stored().exists()
