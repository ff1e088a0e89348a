"""Attachment checks, without HTTP."""

import pytest
from django.core.exceptions import ValidationError

from borgerraadgiver_plugin.cases import uploads

from .sample_files import docx, pdf, png, upload

LIMITS = uploads.Limits(max_files=2, max_file_bytes=1024 * 1024, max_total_bytes=1536 * 1024)


@pytest.mark.parametrize(("name", "expected"), [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("C:\\Users\\anne\\klage.pdf", "klage.pdf"),
    ("klage\u202efdp.exe", "klagefdp.exe"),
    ("\u200b\u200b", "fil"),
    ("a\x00b.pdf", "ab.pdf"),
])
def test_clean_name_drops_folders_and_invisible_characters(name, expected):
    assert uploads.clean_name(name) == expected


def test_clean_name_shortens_long_names_and_keeps_the_extension():
    name = uploads.clean_name("x" * 1000 + ".docx")
    assert len(name) == 255 and name.endswith(".docx")


def test_the_extension_decides_what_the_content_must_be():
    assert uploads.check_file(pdf(), LIMITS).content_type == "application/pdf"
    assert uploads.check_file(upload("brev.docx", docx()), LIMITS).content_type.endswith(
        "wordprocessingml.document")
    with pytest.raises(ValidationError) as error:
        uploads.check_file(upload("brev.odt", docx()), LIMITS)
    assert error.value.code == "mismatch"
    with pytest.raises(ValidationError):
        uploads.check_file(upload("foto.jpg", png()), LIMITS)


def test_limits_are_reported_once_for_the_whole_set():
    checked, errors = uploads.check_files([pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")], LIMITS)
    assert checked == [] and [e.code for e in errors] == ["too_many"]


def test_every_bad_file_is_reported():
    checked, errors = uploads.check_files([upload("a.exe", b"MZ"), upload("b.pdf", b"")],
                                          LIMITS)
    assert [e.code for e in errors] == ["file_type", "empty"]


def test_sha256_and_size_are_taken_from_the_content():
    checked = uploads.check_file(pdf(), LIMITS)
    import hashlib

    assert checked.sha256 == hashlib.sha256(pdf().read()).hexdigest()
    assert checked.size == len(pdf().read())
