"""Files the advisor attaches to a timeline entry: sniffed, size-checked, kept privately.

The citizen's own uploads go through the web form's stricter checks; this module serves the
advisor, who attaches letters, minutes and statements to the case's timeline.
"""

import hashlib

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from .models import CaseDocument

ALLOWED_TYPES = {
    "application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
}
TEXT_TYPE = "text/plain"


def sniff(upload, settings):
    """``(content_type, data)`` of an acceptable upload; raises ValidationError otherwise."""
    limit = settings.max_attachment_mb * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {
            "mb": settings.max_attachment_mb}, code="too_large")
    data = upload.read()
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = filetype.guess(data)
    if kind is not None and kind.mime in ALLOWED_TYPES:
        return kind.mime, data
    if kind is None and upload.name.lower().endswith(".txt") and b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return TEXT_TYPE, data
    raise ValidationError(_("Only PDF, images, Word, Excel, OpenDocument and plain text files "
                            "can be attached."), code="type")


def attach(case, event, upload, user, content_type, data):
    document = CaseDocument(
        case=case, event=event, original_name=upload.name[:255], content_type=content_type,
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), uploaded_by=user)
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    return document
