"""The one attachment policy: every file, the citizen's or the advisor's, checked before it is
stored.

A file is accepted only when its extension and its content (magic bytes) agree on a type in
the allow-list; what the browser claims (the Content-Type of the part) is ignored. Office files
are zip archives and are refused when they would unpack to far more than they weigh; images
are refused when they claim absurd pixel counts. The virus scanner (:mod:`.scanning`) does
not refuse a file: its verdict travels with the file and quarantines it. The name is cleaned
for display. Checked files are stored by :mod:`.documents`, under random names in private
storage. Advisors may attach a few more types than citizens (spreadsheets, GIF and WebP), with
the same checks.
"""

import hashlib
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .. import conf
from . import scanning
from .models.timeline import ScanState

#: The citizen's allow-list: extension -> the MIME type its content must sniff as (None: plain
#: text, no magic bytes). The first extension of a type names it in messages.
CITIZEN_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "heic": "image/heic",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": None,
}
#: The advisor's: letters and statements from units come as spreadsheets and web images too.
ADVISOR_TYPES = {
    **CITIZEN_TYPES,
    "gif": "image/gif",
    "webp": "image/webp",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
ZIP_TYPES = {"docx", "odt", "xlsx", "ods"}
IMAGE_TYPES = {"jpg", "jpeg", "png", "heic", "gif", "webp"}
MB = 1024 * 1024
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass
class Limits:
    max_files: int = 5
    max_file_bytes: int = 10 * MB
    max_total_bytes: int = 25 * MB

    @classmethod
    def from_settings(cls, settings):
        return cls(settings.max_attachments, settings.max_attachment_mb * MB,
                   settings.max_total_attachment_mb * MB)


@dataclass
class CheckedFile:
    """An upload that passed every check; ``file`` is still the uploaded file."""

    file: object
    original_name: str
    content_type: str
    size: int
    sha256: str
    scan_state: str = ScanState.CLEAN
    scan_finding: str = ""


def clean_name(name, limit=255):
    """A display name: no folders, controls, bidi or invisible characters, at most ``limit``."""
    name = re.split(r"[\\/]", name or "")[-1]
    name = "".join(char for char in name if unicodedata.category(char) != "Cc")
    name = _INVISIBLE.sub("", _BIDI_CONTROLS.sub("", name)).strip().strip(".")
    if len(name) > limit:
        stem, ext = os.path.splitext(name)
        ext = ext[:20]
        name = stem[:limit - len(ext)] + ext
    return name or "fil"


def extension(name):
    return os.path.splitext(name)[1].lower().lstrip(".")


def _head(upload, size=8192):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _refuse(message, name, code, **params):
    raise ValidationError(message, code=code, params={"name": name, **params})


def _check_text(upload, name):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
    if text is None or "\x00" in text:
        _refuse(_("%(name)s is not a plain text file."), name, "not_text")
    if re.search(r"<\s*(html|script|!doctype|body|iframe)\b", text[:4096], re.IGNORECASE):
        _refuse(_("%(name)s contains web page code. Send it as PDF instead."), name, "html")


def _check_zip(upload, name):
    limit = conf.get("BORGERRAADGIVER_MAX_UNZIPPED_MB") * MB
    ratio = conf.get("BORGERRAADGIVER_MAX_ZIP_RATIO")
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(_("%(name)s is damaged and cannot be opened."), name, "damaged")
    finally:
        upload.seek(0)
    total = 0
    for member in members:
        total += member.file_size
        if len(members) > 2000 or total > limit or (
            member.file_size > MB and member.file_size > ratio * max(member.compress_size, 1)
        ):
            _refuse(_("%(name)s unpacks to far more than its size and is refused."), name,
                    "zip_bomb")


def _check_image(upload, name):
    from PIL import Image

    try:
        from pillow_heif import register_heif_opener

        register_heif_opener()
    except ImportError:  # HEIC without pillow-heif: the magic bytes are all we can check
        if extension(name) == "heic":
            return
    limit = conf.get("BORGERRAADGIVER_MAX_IMAGE_PIXELS")
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        width = height = limit
        width += 1
    except Exception:  # any decoder error: Pillow raises many kinds
        _refuse(_("%(name)s is damaged and cannot be opened."), name, "damaged")
    finally:
        upload.seek(0)
    if width * height > limit:
        _refuse(_("%(name)s has too many pixels. Send a smaller picture."), name, "pixels")


def type_names(allowed):
    """"PDF, JPEG, … or TXT": each type of an allow-list once, for messages."""
    names = {}
    for ext, mime in allowed.items():
        names.setdefault(mime, ext.upper())
    return get_text_list(list(names.values()), gettext("or"))


def check_file(upload, limits, allowed=CITIZEN_TYPES):
    """Check one upload against ``limits`` and the ``allowed`` types; a :class:`CheckedFile`,
    or ValidationError with a Danish message naming the file."""
    name = clean_name(upload.name)
    ext = extension(name)
    if ext not in allowed:
        _refuse(_("%(name)s is not a permitted file type. Send %(types)s."), name, "file_type",
                types=type_names(allowed))
    if not upload.size:
        _refuse(_("%(name)s is empty."), name, "empty")
    if upload.size > limits.max_file_bytes:
        _refuse(_("%(name)s is larger than %(mb)s MB."), name, "file_size",
                mb=limits.max_file_bytes // MB)
    expected = allowed[ext]
    kind = filetype.guess(_head(upload))
    if expected is None:
        if kind is not None:
            _refuse(_("The content of %(name)s does not match its file name."), name,
                    "mismatch")
        _check_text(upload, name)
        content_type = "text/plain"
    else:
        if kind is None or kind.mime != expected:
            _refuse(_("The content of %(name)s does not match its file name."), name,
                    "mismatch")
        content_type = expected
    if ext in ZIP_TYPES:
        _check_zip(upload, name)
    if ext in IMAGE_TYPES:
        _check_image(upload, name)
    scan_state, scan_finding = scanning.scan(upload, name)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedFile(upload, name, content_type, upload.size, digest.hexdigest(),
                       scan_state, scan_finding)


def check_files(uploads, limits, allowed=CITIZEN_TYPES):
    """Check all uploads of one inquiry; every problem is reported, nothing is stored."""
    uploads = [upload for upload in uploads if upload is not None]
    errors = []
    if len(uploads) > limits.max_files:
        errors.append(ValidationError(
            ngettext("You can attach at most %(count)s file.",
                     "You can attach at most %(count)s files.", limits.max_files)
            % {"count": limits.max_files}, code="too_many"))
        return [], errors
    if sum(upload.size or 0 for upload in uploads) > limits.max_total_bytes:
        errors.append(ValidationError(
            _("The files together are larger than %(mb)s MB."),
            params={"mb": limits.max_total_bytes // MB}, code="total_size"))
        return [], errors
    checked = []
    for upload in uploads:
        try:
            checked.append(check_file(upload, limits, allowed))
        except ValidationError as error:
            errors.append(error)
    return checked, errors
