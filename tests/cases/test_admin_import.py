"""The import screen through HTTP: upload the rendered form, read the preview or the
problems, confirm; every bad file is a 400 with its reasons and nothing stored, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from borgerraadgiver_plugin.cases.import_files import PendingImport
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.storage import private_storage
from tests.factories import AreaFactory, ThemeFactory

from .import_files import csv_bytes, xlsx_bytes
from .rendered_form import rendered_form
from .test_import import row

pytestmark = pytest.mark.django_db

URL = "/admin/borgerraadgiver/cases/import/"


@pytest.fixture
def vocabulary(groups):
    AreaFactory(name="Jobcenter")
    ThemeFactory(code="HEARING", name="Partshøring")


def upload(client, data, name="log.csv", mapping=None):
    form_data = rendered_form(client.get(URL).content.decode(), "form.br-import-upload")[1]
    files = {"file": SimpleUploadedFile(name, data)}
    if mapping is not None:
        files["mapping"] = SimpleUploadedFile("mapping.toml", mapping.encode())
    return client.post(URL, {**form_data, **files})


def confirm(client, preview):
    form_data = rendered_form(preview.content.decode(), "form.br-import-confirm")[1]
    return client.post(URL, form_data)


def test_the_url_is_the_one_named():
    assert reverse("borgerraadgiver_cases_import") == URL


def test_the_case_list_offers_the_import_to_the_advisor(advisor_client):
    response = advisor_client.get("/admin/borgerraadgiver/cases/")
    assert URL in response.content.decode()


def test_upload_preview_confirm_imports_the_cases(advisor_client, vocabulary):
    preview = upload(advisor_client, csv_bytes([row(), row("L-2")]))
    page = preview.content.decode()
    assert preview.status_code == 200 and "L-2" in page and "Jobcenter" in page
    assert Case.objects.count() == 0  # nothing before the confirmation
    done = confirm(advisor_client, preview)
    assert done.status_code == 200
    assert Case.objects.filter(original_reference__in=["L-1", "L-2"]).count() == 2
    page = done.content.decode()
    for case in Case.objects.all():
        assert case.reference in page and f"/inspect/{case.pk}/" in page
    assert private_storage().listdir(PendingImport.FOLDER)[1] == []  # the upload is gone


def test_confirming_twice_imports_once(advisor_client, vocabulary):
    preview = upload(advisor_client, csv_bytes([row()]))
    confirm(advisor_client, preview)
    again = confirm(advisor_client, preview)
    assert again.status_code == 400 and Case.objects.count() == 1


def test_a_forged_token_is_refused(advisor_client, vocabulary):
    response = advisor_client.post(URL, {"token": "forged"})
    assert response.status_code == 400 and Case.objects.count() == 0


@pytest.mark.parametrize(("data", "name", "expected"), [
    (csv_bytes([row(received="31/13/2024")]), "log.csv", "31/13/2024"),
    (csv_bytes([row(channel="Brevdue")]), "log.csv", "Brevdue"),
    (csv_bytes([row(), row()]), "log.csv", "L-1"),
    (csv_bytes([row()], header=["Nummer", "Modtaget"]), "log.csv", "Sagsnummer"),
    (xlsx_bytes([row(account="=1+1")]), "log.xlsx", "=1+1"),
    (b"", "log.csv", ""),
    (b"%PDF-1.4", "log.xlsx", ""),
    (b"%PDF-1.4", "log.pdf", ""),
])
def test_a_bad_file_shows_every_problem_and_imports_nothing(advisor_client, vocabulary, data,
                                                            name, expected):
    response = upload(advisor_client, data, name)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="listing br-import-problems"' in page and expected in page
    assert "br-import-confirm" not in page and Case.objects.count() == 0


def test_a_bad_mapping_file_is_an_error_on_its_field(advisor_client, vocabulary):
    response = upload(advisor_client, csv_bytes([row()]), mapping='[codes.channel]\nT = "X"\n')
    assert response.status_code == 400 and "error-message" in response.content.decode()
    response = upload(advisor_client, csv_bytes([row()]), mapping="not = toml = at all")
    assert response.status_code == 400 and "TOML" in response.content.decode()


def test_a_mapping_file_uploaded_with_the_log_is_used(advisor_client, vocabulary):
    preview = upload(advisor_client, csv_bytes([row(channel="T")]),
                     mapping='[codes.channel]\nT = "PHONE"\n')
    assert preview.status_code == 200
    confirm(advisor_client, preview)
    assert Case.objects.get().channel == "PHONE"


def test_staff_without_the_case_permission_are_refused(client, staff_member):
    client.force_login(staff_member)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"token": "x"}).status_code == 403
