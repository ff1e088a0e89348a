"""Friendly Danish pages for a request Django refuses before any view sees it.

:func:`bad_request` (``handler400``): a form body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or with
too many fields or files, or a file name Django will not take, would otherwise get Django's
bare English "Bad Request (400)". The body was not read, so the citizen is told what to do
instead; a body that is too big, or holds more files than any form takes, gets 413.

:func:`csrf_failure` (``CSRF_FAILURE_VIEW``): a public form's security check failed. Citizens
meet this after leaving the form open for a long time, in a browser that blocks cookies, or
when something else posted to the form; they are told what to do next (403).
"""

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
