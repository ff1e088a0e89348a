"""A virus scanner's finding or outage keeps the inquiry and quarantines the file.

The citizen submits the rendered complaint form (parsed, not hand-built); the advisor then
sees the file's state on the case overview and cannot download it.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case, CaseDocument
from borgerraadgiver_plugin.cases.models.timeline import ScanState

from .sample_files import EICAR, pdf, upload

pytestmark = pytest.mark.django_db

INSPECT = "borgerraadgiver_cases_case:inspect"
DOWNLOAD = "borgerraadgiver_cases_document_download"
ANSWERS = {
    "inquiry_type": "COMPLAINT", "unit_contacted": "yes", "unit_answered": "no",
    "elsewhere": "NO", "contact_preference": "EMAIL", "consent_contact_unit": "on",
    "name": "Anne Hansen", "email": "anne@example.invalid",
    "account": "Jeg har ventet fire måneder på svar på min ansøgning om hjælpemidler.",
}


def submit_rendered_form(page, area, files):
    """Fill in the form the page renders, as a person would, and send it with ``files``."""
    answers = {**ANSWERS, "area": str(area.pk)}
    citizen = Client()
    form = BeautifulSoup(citizen.get(page.url).content, "html.parser").find(
        "form", enctype="multipart/form-data")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name, kind = field.get("name"), field.get("type", "")
        if not name or kind == "file":
            continue
        if kind in ("radio", "checkbox"):
            if name in answers:
                assert answers[name] in [box.get("value", "on") for box in form.find_all(
                    "input", attrs={"name": name})], name
            elif field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.name == "select":
            options = [option["value"] for option in field.find_all("option")
                       if option["value"]]
            data[name] = options[0]
        else:
            data[name] = field.get("value", "") if field.name == "input" else field.text
    data.update({name: value for name, value in answers.items()
                 if form.find(attrs={"name": name})})
    assert form.find("input", attrs={"type": "file", "name": "attachments"})
    data["attachments"] = files
    response = citizen.post(form.get("action") or page.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return citizen.get(response["Location"])


def download(client, document):
    return client.get(f"/admin/borgerraadgiver/cases/documents/{document.pk}/download/")


def overview(client, case):
    return client.get(reverse(INSPECT, args=[case.pk])).content.decode()


def test_an_infected_file_is_blocked_and_the_inquiry_kept(form_page, area, settings,
                                                          advisor_client):
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.scan"
    receipt = submit_rendered_form(form_page, area, [upload("virus.txt", EICAR), pdf()])
    case = Case.objects.get()
    assert case.reference in receipt.content.decode()
    assert "Dine filer bliver kontrolleret" in receipt.content.decode()
    assert "virus" not in receipt.content.decode().lower()
    blocked = CaseDocument.objects.get(original_name="virus.txt")
    assert blocked.scan_state == ScanState.BLOCKED
    assert blocked.scan_finding == "Eicar-Test-Signature"
    assert blocked.file.storage.exists(blocked.file.name)  # quarantined, not deleted
    assert "attachment" not in download(advisor_client, blocked).get("Content-Disposition", "")
    assert ModelLogEntry.objects.filter(action=audit.DENIED, object_id=str(case.pk),
                                        data__scan_state="blocked").exists()
    clean = CaseDocument.objects.get(original_name="afgoerelse.pdf")
    assert download(advisor_client, clean).status_code == 200
    page = overview(advisor_client, case)
    assert "virus.txt" in page and "blokeret" in page and "afgoerelse.pdf" in page
    assert reverse(DOWNLOAD, args=[blocked.pk]) not in page  # no link to a blocked file
    assert reverse(DOWNLOAD, args=[clean.pk]) in page


def test_a_scanner_outage_keeps_the_file_waiting_until_it_is_scanned_again(
        form_page, area, settings, advisor_client):
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.broken"
    receipt = submit_rendered_form(form_page, area, [pdf()])
    assert receipt.status_code == 200
    case = Case.objects.get()
    document = case.documents.get()
    assert document.scan_state == ScanState.PENDING
    assert "attachment" not in download(advisor_client, document).get(
        "Content-Disposition", "")
    assert "afventer virusscanning" in overview(advisor_client, case)
    call_command("borgerraadgiver_reminders")  # the scanner is still down: still waiting
    document.refresh_from_db()
    assert document.scan_state == ScanState.PENDING
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.scan"
    call_command("borgerraadgiver_reminders")
    document.refresh_from_db()
    assert document.scan_state == ScanState.CLEAN
    response = download(advisor_client, document)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "afventer virusscanning" not in overview(advisor_client, case)
