"""Storing checked files as documents, without HTTP: all or nothing with the transaction."""

import pytest
from django.db import transaction

from borgerraadgiver_plugin.cases import uploads
from borgerraadgiver_plugin.cases.documents import DocumentWriter
from borgerraadgiver_plugin.cases.models import CaseDocument
from tests.factories import CaseFactory

from .sample_files import pdf

pytestmark = pytest.mark.django_db


def checked_pdf():
    return uploads.check_file(pdf(), uploads.Limits())


def test_a_stored_document_keeps_what_the_policy_found():
    case = CaseFactory()
    checked = checked_pdf()
    with DocumentWriter() as documents, transaction.atomic():
        document = documents.add(checked, case=case)
    document = CaseDocument.objects.get(pk=document.pk)
    assert (document.original_name, document.sha256, document.scan_state) == (
        "afgoerelse.pdf", checked.sha256, checked.scan_state)
    assert "afgoerelse" not in document.file.name  # a random name on disk
    with document.file.open("rb") as handle:
        assert handle.read() == pdf().read()


def test_a_failure_after_the_file_is_written_leaves_neither_row_nor_file():
    case = CaseFactory()
    with pytest.raises(RuntimeError), DocumentWriter() as documents, transaction.atomic():
        document = documents.add(checked_pdf(), case=case)
        raise RuntimeError("the timeline entry could not be saved")
    assert not CaseDocument.objects.exists()
    assert not document.file.storage.exists(document.file.name)
