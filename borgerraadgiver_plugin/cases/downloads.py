"""Attachments leave private storage only here: for advisors, as a forced download, logged."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path

from .. import audit
from ..refusal import forbidden
from .models import CaseDocument

PERMISSION = "borgerraadgiver_cases.view_case"
URL_NAME = "borgerraadgiver_cases_document_download"


def download_document(request, pk):
    document = get_object_or_404(CaseDocument.objects.select_related("case"), pk=pk)
    if not request.user.has_perm(PERMISSION):
        audit.record(request.user, document.case, audit.DENIED, document=document.pk)
        return forbidden(request)
    if not document.is_downloadable:  # quarantined by the virus scanner
        audit.record(request.user, document.case, audit.DENIED, document=document.pk,
                     scan_state=document.scan_state)
        return forbidden(request)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    audit.record(request.user, document.case, audit.DOWNLOAD, document=document.pk)
    response = FileResponse(handle, as_attachment=True, filename=document.original_name,
                            content_type=document.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path("borgerraadgiver/cases/documents/<int:pk>/download/", download_document, name=URL_NAME),
]
