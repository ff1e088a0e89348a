"""The case file (sagsakt): the whole case as one PDF, for journalising and access requests.

A cover sheet (reference, parties, dates, status), the timeline in order, every document listed,
and the PDFs and images among them included after the cover. Internal entries are marked and may
be left out, and so may named documents, with a reason: what was left out and why goes on the
timeline and in the audit log. A document whose file is missing, blocked by the virus scanner,
encrypted or corrupt is listed as unavailable and the rest is still produced. Journalising
records "journaliseret den <dato> som <journalnummer>" on the timeline.
"""

import base64
import io
from dataclasses import dataclass

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from PIL import Image

from .. import audit, dates
from .letter_pdf import write_pdf
from .models.timeline import CaseEvent, EventKind
from .workflow import WorkflowRefused, ensure_editable

TEMPLATE = "borgerraadgiver_cases/case_file_pdf.html"
STYLESHEET = "borgerraadgiver_cases/css/case_file_pdf.css"

INCLUDED = "included"
LISTED = "listed"
LEFT_OUT = "left_out"
UNAVAILABLE = "unavailable"

STATES = {
    INCLUDED: gettext_lazy("included as an appendix"),
    LISTED: gettext_lazy("listed only (not a PDF or an image)"),
    LEFT_OUT: gettext_lazy("left out"),
}


@dataclass
class Entry:
    """One document of the case file and what became of it."""

    document: object
    state: str
    note: str = ""
    pdf: bytes = b""  # a checked PDF, to append
    image: str = ""  # a data URI, to show on the page
    number: int = 0

    @property
    def label(self):
        return self.note if self.state == UNAVAILABLE else str(STATES[self.state])


def _read(document):
    if not document.is_downloadable:
        raise _Unavailable(_("unavailable: %(state)s") % {"state": document.scan_label})
    if not document.file.name:
        raise _Unavailable(_("unavailable: the file is deleted"))
    try:
        with document.file.open("rb") as source:
            return source.read()
    except OSError:
        raise _Unavailable(_("unavailable: the file is missing from storage")) from None


class _Unavailable(Exception):
    pass


def _checked_pdf(data):
    """``data`` read and written again by pypdf, so it is known to merge; or unavailable."""
    from pypdf import PdfReader, PdfWriter

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _Unavailable(_("unavailable: the PDF is encrypted"))
        writer = PdfWriter()
        writer.append(reader)
        out = io.BytesIO()
        writer.write(out)
    except _Unavailable:
        raise
    except Exception:  # pypdf raises many kinds on a damaged file
        raise _Unavailable(_("unavailable: the PDF is damaged and cannot be read")) from None
    if not reader.pages:
        raise _Unavailable(_("unavailable: the PDF has no pages"))
    return out.getvalue()


def _checked_image(data, content_type):
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds on a damaged file
        raise _Unavailable(_("unavailable: the image is damaged and cannot be read")) from None
    return f"data:{content_type};base64,{base64.b64encode(data).decode()}"


def entry(document, left_out=False):
    if left_out:
        return Entry(document, LEFT_OUT)
    try:
        data = _read(document)
        if document.content_type == "application/pdf":
            return Entry(document, INCLUDED, pdf=_checked_pdf(data))
        if document.content_type in ("image/png", "image/jpeg", "image/gif", "image/webp"):
            return Entry(document, INCLUDED, image=_checked_image(data, document.content_type))
        return Entry(document, LISTED)
    except _Unavailable as reason:
        return Entry(document, UNAVAILABLE, note=str(reason))


def build(case, *, include_internal=True, leave_out=()):
    """The case file as PDF bytes, and the entries (what became of each document)."""
    from pypdf import PdfReader, PdfWriter

    left_out = {document.pk for document in leave_out}
    entries = [entry(document, document.pk in left_out)
               for document in case.documents.order_by("uploaded_at", "id")]
    for number, item in enumerate((e for e in entries if e.state == INCLUDED), start=1):
        item.number = number
    events = case.events.select_related("author").order_by("occurred_at", "id")
    if not include_internal:
        events = events.filter(internal=False)
    html = render_to_string(TEMPLATE, {
        "case": case, "events": events, "entries": entries,
        "include_internal": include_internal, "produced": timezone.now(),
        "forwardings": case.forwardings.select_related("unit"),
    })
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(write_pdf(html, STYLESHEET))))
    for item in entries:
        if item.pdf:
            writer.append(PdfReader(io.BytesIO(item.pdf)),
                          outline_item=f"{_('Appendix')} {item.number}: {item.document}")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), entries


def produce(case, user, *, include_internal=True, leave_out=(), reason="", journal_number=""):
    """Build the case file, record its making (and what was left out, and why) on the
    timeline and in the audit log, and journalise it when ``journal_number`` is given.
    Returns the PDF bytes. Refused when something is left out without a reason."""
    reason, journal_number = reason.strip(), journal_number.strip()
    leave_out = list(leave_out)
    if (leave_out or not include_internal) and not reason:
        raise WorkflowRefused(_(
            "Give the reason for leaving documents or internal entries out of the case file."))
    if journal_number:
        ensure_editable(case)
    pdf, entries = build(case, include_internal=include_internal, leave_out=leave_out)
    omitted = [document.original_name for document in leave_out]
    if not include_internal:
        omitted.append(_("internal entries"))
    text = ngettext("Case file produced with %(count)s document.",
                    "Case file produced with %(count)s documents.", len(entries)) % {
        "count": len(entries)}
    if omitted:
        text += " " + _("Left out: %(what)s. Reason: %(reason)s") % {
            "what": ", ".join(omitted), "reason": reason}
    unavailable = [item.document.original_name for item in entries if item.state == UNAVAILABLE]
    if unavailable:
        text += " " + _("Unavailable: %(names)s.") % {"names": ", ".join(unavailable)}
    with transaction.atomic():
        CaseEvent.objects.create(case=case, kind=EventKind.CASE_FILE, author=user, text=text)
        if journal_number:
            CaseEvent.objects.create(
                case=case, kind=EventKind.JOURNALISED, author=user,
                text=_("journalised on %(day)s as %(number)s") % {
                    "day": dates.show(timezone.localdate()), "number": journal_number})
        audit.record(user, case, audit.EXPORT, screen="case_file",
                     left_out=[document.pk for document in leave_out],
                     internal_entries=include_internal,
                     unavailable=[item.document.pk for item in entries
                                  if item.state == UNAVAILABLE],
                     journal_number=journal_number)
    return pdf
