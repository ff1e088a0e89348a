"""Uploads waiting between the import preview and its confirmation are deleted by the nightly
retention run once older than their limit, even if nobody opens the import screen again."""

import os
import time

import pytest
from django.core.management import call_command

from borgerraadgiver_plugin.cases.import_files import PendingImport
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.retention import run_retention
from borgerraadgiver_plugin.storage import private_storage

from .import_files import csv_bytes
from .rendered_form import rendered_form
from .test_admin_import import URL, upload, vocabulary  # noqa: F401 - the fixture
from .test_import import row

pytestmark = pytest.mark.django_db


def pending_files():
    try:
        return sorted(private_storage().listdir(PendingImport.FOLDER)[1])
    except FileNotFoundError:
        return []


def age(file_names, seconds):
    storage = private_storage()
    then = time.time() - seconds
    for name in file_names:
        os.utime(storage.path(f"{PendingImport.FOLDER}/{name}"), (then, then))


def previewed(client):
    preview = upload(client, csv_bytes([row()]))
    assert preview.status_code == 200
    return preview


def test_the_retention_command_deletes_an_abandoned_upload_and_keeps_a_fresh_one(
        advisor_client, vocabulary, capsys):  # noqa: F811
    abandoned = previewed(advisor_client)
    old = pending_files()
    assert len(old) == 2  # the log and its mapping
    previewed(advisor_client)
    fresh = [name for name in pending_files() if name not in old]
    assert len(fresh) == 2
    age(old, PendingImport.MAX_AGE + 60)  # and nobody opens the import screen after that
    capsys.readouterr()

    call_command("borgerraadgiver_retention")  # retention itself is off: the clean-up runs

    assert pending_files() == fresh
    assert "Slettede 1 uploadet sagslog, der ikke blev importeret inden for 24 timer" in (
        capsys.readouterr().out)
    # The advisor who comes back to the abandoned preview is told to upload again.
    form_data = rendered_form(abandoned.content.decode(), "form.br-import-confirm")[1]
    response = advisor_client.post(URL, form_data)
    assert response.status_code == 400 and "Upload filen igen" in response.content.decode()
    assert Case.objects.count() == 0


def test_a_dry_run_says_what_it_would_delete_and_deletes_nothing(
        advisor_client, vocabulary, capsys):  # noqa: F811
    previewed(advisor_client)
    age(pending_files(), PendingImport.MAX_AGE + 60)
    capsys.readouterr()
    call_command("borgerraadgiver_retention", "--dry-run")
    assert len(pending_files()) == 2
    assert "Ville slette 1 uploadet sagslog" in capsys.readouterr().out


def test_the_nightly_task_deletes_abandoned_uploads_too(advisor_client, vocabulary):  # noqa: F811
    previewed(advisor_client)
    age(pending_files(), PendingImport.MAX_AGE + 60)
    run_retention.enqueue()
    assert pending_files() == []


def test_nothing_to_clean_up_says_nothing(site, capsys):
    call_command("borgerraadgiver_retention")
    assert "sagslog" not in capsys.readouterr().out
