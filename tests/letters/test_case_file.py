"""The case file (sagsakt) through its rendered form: the whole case as a PDF whose text can be
read and whose first page is looked at as an image; what is left out needs a reason and is
recorded; a missing or damaged document is listed as unavailable and the rest still produced."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin.cases import letters
from borgerraadgiver_plugin.cases.models import CaseEvent
from tests.cases.admin_helpers import url
from tests.cases.rendered_form import rendered_form
from tests.factories import CaseDocumentFactory

pytestmark = pytest.mark.django_db

FORM = "#w-editor-form"
ARTIFACTS = Path(__file__).resolve().parents[2] / ".artifacts" / "case-file"


def png(color="red"):
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def full_case(case):
    CaseEvent.objects.create(case=case, kind="NOTE", text="Intern vurdering: ret sikker sag.")
    CaseEvent.objects.create(case=case, kind="CALL", internal=False,
                             text="Talt med borgeren om forløbet.")
    letters.send_letter(case, None, subject="Kvittering",
                        body="Kære {navn}\nTak for din henvendelse.")
    CaseDocumentFactory(case=case, original_name="foto.png", content_type="image/png",
                        content=png())
    CaseDocumentFactory(case=case, original_name="noter.docx",
                        content_type="application/vnd.openxmlformats-officedocument"
                                     ".wordprocessingml.document", content=b"PK\x03\x04")
    return case


def produce(client, case, **changes):
    address = url("case_file", case.pk)
    data = rendered_form(client.get(address).content.decode(), FORM)[1]
    data.update(changes)
    return client.post(address, data)


def text_of(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_case_file_holds_the_cover_timeline_documents_and_the_letter(
        advisor_client, full_case):
    response = produce(advisor_client, full_case)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"sagsakt-{full_case.reference}.pdf" in response["Content-Disposition"]
    text = text_of(response.content)
    assert f"Sagsakt {full_case.reference}" in text and "Anne Hansen" in text
    assert "Hovedgaden 1" in text  # the party's address on the cover
    assert text.index("Intern vurdering") < text.index("Talt med borgeren")  # in order
    assert "INTERN" in text
    assert "foto.png" in text and "noter.docx" in text
    assert "kun anført" in text and "medtaget som bilag" in text
    assert "Tak for din henvendelse." in text  # the letter's own PDF, appended
    produced = CaseEvent.objects.get(case=full_case, kind="CASE_FILE")
    assert "3 dokumenter" in produced.text
    log = ModelLogEntry.objects.get(action="borgerraadgiver.export", object_id=str(full_case.pk))
    assert log.data["screen"] == "case_file"


def test_the_first_page_looks_like_a_cover_sheet(advisor_client, full_case, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.fail("poppler-utils (pdftoppm) must be installed")
    pdf = tmp_path / "sagsakt.pdf"
    pdf.write_bytes(produce(advisor_client, full_case).content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    [page] = tmp_path.glob("page*.png")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(page, ARTIFACTS / "case-file-page-1.png")
    image = Image.open(page).convert("L")
    assert image.width < image.height  # A4 portrait
    dark = sum(image.histogram()[:128])
    assert dark > 500  # text is drawn, not a blank page


def test_leaving_out_needs_a_reason_and_what_was_left_out_is_recorded(advisor_client,
                                                                      full_case):
    photo = full_case.documents.get(original_name="foto.png")
    response = produce(advisor_client, full_case, leave_out=[str(photo.pk)],
                       include_internal=[])
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "Angiv begrundelsen" in response.content.decode()
    assert not CaseEvent.objects.filter(kind="CASE_FILE").exists()

    response = produce(advisor_client, full_case, leave_out=[str(photo.pk)],
                       include_internal=[], reason="Tredjemands oplysninger (fvl. § 15 b)")
    text = text_of(response.content)
    assert "Intern vurdering" not in text and "Talt med borgeren" in text
    assert "udeladt" in text
    record = CaseEvent.objects.get(kind="CASE_FILE").text
    assert "foto.png" in record and "interne poster" in record
    assert "Tredjemands oplysninger" in record


def test_journalising_records_the_date_and_number_on_the_timeline(advisor_client, full_case):
    produce(advisor_client, full_case, journal_number="27.12.00-A00-1-26")
    event = CaseEvent.objects.get(kind="JOURNALISED")
    assert event.text.startswith("journaliseret den ")
    assert event.text.endswith(" som 27.12.00-A00-1-26")


def test_a_missing_file_and_a_damaged_pdf_are_listed_unavailable_and_the_rest_produced(
        advisor_client, full_case):
    gone = CaseDocumentFactory(case=full_case, original_name="forsvundet.pdf")
    gone.file.storage.delete(gone.file.name)
    CaseDocumentFactory(case=full_case, original_name="ødelagt.pdf",
                        content=b"%PDF-1.4\n this is not a pdf at all")
    response = produce(advisor_client, full_case)
    assert response.status_code == 200
    text = text_of(response.content)
    assert "forsvundet.pdf" in text and "mangler i lageret" in text
    assert "ødelagt.pdf" in text and "beskadiget" in text
    assert "Tak for din henvendelse." in text  # the good PDF is still included
    assert "Utilgængelig" in CaseEvent.objects.get(kind="CASE_FILE").text


def test_the_form_lists_the_documents_by_name(advisor_client, full_case):
    html = advisor_client.get(url("case_file", full_case.pk)).content.decode()
    assert "foto.png" in html and "noter.docx" in html
