"""A friendly Danish 403 when a form's security check fails (``CSRF_FAILURE_VIEW``).

Citizens meet this after leaving the form open for a long time, in a browser that blocks
cookies, or when something else posted to the form; they are told what to do next.
"""

from django.template.loader import select_template
from django.views.decorators.csrf import requires_csrf_token

from .. import conf
from ..errors import same_site_referer

TEMPLATE = "borgerraadgiver_cases/csrf_failure.html"


@requires_csrf_token
def csrf_failure(request, reason=""):
    from django.http import HttpResponseForbidden

    template = select_template([TEMPLATE])
    body = template.render({"base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE"),
                            "back_url": same_site_referer(request)}, request)
    return HttpResponseForbidden(body)

