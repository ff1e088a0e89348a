"""Friendly Danish pages for a request Django refuses before any view sees it.

:func:`bad_request` (``handler400``): a form body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or with
too many fields or files, or a file name Django will not take, would otherwise get Django's
bare English "Bad Request (400)". The body was not read, so the citizen is told what to do
instead; a body that is too big, or holds more files than any form takes, gets 413.

:func:`csrf_failure` (``CSRF_FAILURE_VIEW``): a public form's security check failed. Citizens
meet this after leaving the form open for a long time, in a browser that blocks cookies, or
when something else posted to the form; they are told what to do next (403).

:class:`RequestBodyLimitMiddleware`: a request whose ``Content-Length`` says more than the largest
body any form takes (all attachments together, as the advisor's settings allow, plus
``DATA_UPLOAD_MAX_MEMORY_SIZE`` for the text and the multipart framing) gets the same 413 page
before a byte of the body is read, so a 2 GB upload neither fills a worker's disk nor holds it
for minutes. The proxy's ``client_max_body_size`` stays the first limit; this one holds where
the proxy is set too wide or left out. A chunked body (no ``Content-Length``) is left to the
proxy and to Django's own limits.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import HttpResponseBadRequest, HttpResponseForbidden
from django.template.loader import select_template
from django.views.decorators.csrf import requires_csrf_token

from . import conf

TEMPLATE = "borgerraadgiver/bad_request.html"
CSRF_TEMPLATE = "borgerraadgiver/csrf_failure.html"


def bad_request(request, exception=None):
    # More files than DATA_UPLOAD_MAX_NUMBER_FILES: too much, like a body over the size limit.
    too_big = isinstance(exception, RequestDataTooBig | TooManyFilesSent)
    body = select_template([TEMPLATE]).render({
        "base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE"),
        "back_url": same_site_referer(request), "too_big": too_big,
    }, request)
    return HttpResponseBadRequest(body, status=413 if too_big else 400)


@requires_csrf_token
def csrf_failure(request, reason=""):
    body = select_template([CSRF_TEMPLATE]).render({
        "base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE"),
        "back_url": same_site_referer(request),
    }, request)
    return HttpResponseForbidden(body)


def same_site_referer(request):
    """The page the request came from when it is on this site, else the front page."""
    referer = request.META.get("HTTP_REFERER", "")
    host = request.get_host() if request.META.get("HTTP_HOST") else ""
    if host and referer.split("/")[2:3] == [host]:
        return referer
    return "/"


MB = 1024 * 1024


def request_body_limit():
    """The largest body a request may announce, in bytes (``BORGERRAADGIVER_MAX_REQUEST_BYTES``
    when set, else the largest total of attachments in any site's settings, plus the margin)."""
    configured = conf.get("BORGERRAADGIVER_MAX_REQUEST_BYTES")
    if configured is not None:
        return int(configured)
    # Imported here: this module is imported before the apps are ready (handler400).
    from .models.site_settings import SETTINGS, BorgerraadgiverSettings

    default = BorgerraadgiverSettings._meta.get_field("max_total_attachment_mb").default
    largest = max((row.max_total_attachment_mb for row in SETTINGS.get().values()),
                  default=default)
    return largest * MB + body_margin()


def body_margin():
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE or MB


def announced_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django's own parsing answers a malformed header


class RequestBodyLimitMiddleware:
    """Answer the Danish 413 page to a request that announces a body larger than any form
    takes, before the body is read. Place it right after the security and CSP middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = announced_length(request)
        # A body within the text margin is always allowed: no settings are read for it.
        if length > body_margin() and length > request_body_limit():
            return bad_request(request, RequestDataTooBig())
        return self.get_response(request)
