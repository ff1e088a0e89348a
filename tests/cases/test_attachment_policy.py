"""One attachment policy: each hostile file meets the same checks on every way in.

The citizen sends the public complaint form; the advisor adds a document to the timeline and
registers a case with its document (staff intake). Each path fills in the form its page
renders, as a person would, and the test asserts what that person sees on the file field and
that nothing is stored; a file the virus scanner flags is stored in quarantine instead.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case, CaseDocument, CaseEvent
from borgerraadgiver_plugin.cases.models.timeline import ScanState
from borgerraadgiver_plugin.choices import CaseStatus
from borgerraadgiver_plugin.models import BorgerraadgiverSettings, OutboxMessage
from tests.factories import AreaFactory, CaseFactory

from .admin_helpers import action_url, url
from .rendered_form import fill_in
from .sample_files import EICAR, docx, pdf, png_claiming, upload, zip_bomb_docx

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def private_files():
    root = Path(CaseDocument._meta.get_field("file").storage.location)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@dataclass
class WayIn:
    """One way a file enters a case: who sends it, through which form, on which field."""

    name: str
    field: str
    send: callable  # files -> the response to the POST


@pytest.fixture(params=["citizen", "timeline", "intake"])
def way_in(request, advisor_client):
    """Each way in, ready to send one file; the advisor's paths are logged in."""
    if request.param == "citizen":
        page = request.getfixturevalue("form_page")
        chosen = request.getfixturevalue("area")
        answers = {"inquiry_type": "COMPLAINT", "area": str(chosen.pk), "unit_contacted": "yes",
                   "unit_answered": "no", "elsewhere": "NO", "contact_preference": "EMAIL",
                   "name": "Anne Hansen", "email": "anne@example.invalid",
                   "account": "Jeg har ventet fire måneder på svar på min ansøgning."}
        citizen = Client()
        return WayIn("citizen", "attachments", lambda file: fill_in(
            citizen, page.url, 'form[enctype="multipart/form-data"]', answers,
            {"attachments": [file]}))
    if request.param == "timeline":
        case = CaseFactory(status=CaseStatus.OPEN)
        target = action_url(case, "event")
        return WayIn("timeline", "attachment", lambda file: fill_in(
            advisor_client, target, f'form[action="{target}"]',
            {"kind": "LETTER_IN", "text": "Brev fra forvaltningen"}, {"attachment": file}))
    chosen = AreaFactory()
    answers = {"received_at": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
               "channel": "LETTER", "inquiry_type": "COMPLAINT", "origin": "CITIZEN",
               "requester_role": "CITIZEN", "citizen_name": "Birthe Skov",
               "account": "Skrev om hjemmehjælp.", "area": str(chosen.pk)}
    target = url("add")
    return WayIn("intake", "document", lambda file: fill_in(
        advisor_client, target, 'form[enctype="multipart/form-data"]', answers,
        {"document": file}))


@pytest.fixture
def nothing_new_stored():
    """No document, file, case, timeline entry or e-mail is left by a refused file."""
    before = (Case.objects.count(), CaseEvent.objects.count(), OutboxMessage.objects.count(),
              private_files())
    yield
    assert not CaseDocument.objects.exists()
    assert (Case.objects.count(), CaseEvent.objects.count(), OutboxMessage.objects.count(),
            private_files()) == before


def small_limit():
    settings = BorgerraadgiverSettings.current()
    settings.max_attachment_mb = 1
    settings.save()


HOSTILE = {
    "an executable named .pdf": (
        lambda: upload("klage.pdf", b"MZ\x90\x00" + b"\x00" * 200),
        "Indholdet af klage.pdf passer ikke til filnavnet."),
    "a disallowed extension": (
        lambda: upload("program.exe", b"MZ\x90\x00" + b"\x00" * 200),
        "program.exe er ikke en tilladt filtype. Send PDF, JPEG, PNG, HEIC, DOCX, ODT"),
    "a file over the size limit": (
        lambda: small_limit() or pdf("stor.pdf", size=MB + 1),
        "stor.pdf er større end 1 MB."),
    "a zip bomb DOCX": (
        lambda: upload("bombe.docx", zip_bomb_docx()),
        "bombe.docx fylder langt mere, når den pakkes ud, og afvises."),
    "a pixel bomb PNG": (
        lambda: upload("kæmpe.png", png_claiming(100_000, 100_000)),
        "kæmpe.png har for mange pixels. Send et mindre billede."),
    "web page code as text": (
        lambda: upload("note.txt", b"<html><script>alert(1)</script></html>"),
        "note.txt indeholder kode fra en webside. Send den som PDF i stedet."),
    "an empty file": (lambda: upload("tom.pdf", b""), "tom.pdf er tom."),
}


@pytest.mark.parametrize("hostile", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_file_is_refused_on_its_field_and_nothing_is_stored(
        way_in, hostile, nothing_new_stored):
    make_file, message = hostile
    response = way_in.send(make_file())
    assert response.status_code in (200, 400), way_in.name
    assert message in response.content.decode()
    errors = response.context["form"].errors.get(way_in.field, [])
    assert any(error.startswith(message) for error in errors), errors


def test_the_advisor_may_also_attach_a_spreadsheet_with_the_same_checks(advisor_client):
    case = CaseFactory(status=CaseStatus.OPEN)
    target = action_url(case, "event")
    sheet = docx([("xl/workbook.xml", b"<workbook/>"), ("[Content_Types].xml", b"<Types/>")])
    response = fill_in(advisor_client, target, f'form[action="{target}"]',
                       {"kind": "LETTER_IN", "text": "Opgørelse"},
                       {"attachment": upload("opgoerelse.xlsx", sheet)})
    assert response.status_code == 302
    assert case.documents.get().content_type.endswith("spreadsheetml.sheet")


def stored_document(response):
    assert response.status_code == 302, response.content.decode()[:3000]
    return CaseDocument.objects.get()


def test_a_file_the_scanner_flags_is_kept_in_quarantine(way_in, settings, advisor_client):
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.scan"
    document = stored_document(way_in.send(upload("virus.txt", EICAR)))
    assert document.scan_state == ScanState.BLOCKED
    assert document.scan_finding == "Eicar-Test-Signature"
    assert not document.is_downloadable
    assert document.file.storage.exists(document.file.name)  # quarantined, not deleted
    download = advisor_client.get(f"/admin/borgerraadgiver/cases/documents/{document.pk}/download/")
    assert download.status_code == 403
    overview = advisor_client.get(url("inspect", document.case_id)).content.decode()
    assert "virus.txt" in overview and "blokeret" in overview


def test_a_scanner_that_is_down_leaves_the_file_awaiting_a_scan(way_in, settings,
                                                                advisor_client):
    settings.BORGERRAADGIVER_VIRUS_SCANNER = "tests.cases.fake_scanner.broken"
    document = stored_document(way_in.send(pdf()))
    assert document.scan_state == ScanState.PENDING and not document.is_downloadable
    overview = advisor_client.get(url("inspect", document.case_id)).content.decode()
    assert "afventer virusscanning" in overview


def test_a_dangerous_file_name_is_cleaned(way_in):
    document = stored_document(way_in.send(pdf('../../etc/"klage"\x07\u202e\u200b.pdf')))
    assert document.original_name == '"klage".pdf'
    assert "etc" not in document.file.name and "klage" not in document.file.name
