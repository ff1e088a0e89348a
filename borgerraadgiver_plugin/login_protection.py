"""The page a locked-out login gets (django-axes' ``AXES_LOCKOUT_CALLABLE``).

After too many wrong passwords for one username from one address, django-axes refuses that
login, the right password too, until the cool-off has passed or someone unlocks it with
``manage.py axes_reset_username <username>``. The person is told so in Danish, with how long
to wait and whom to ask, instead of a login form that keeps saying "wrong password".
"""

from django.http import HttpResponse
from django.template.loader import select_template

from . import conf

TEMPLATE = "borgerraadgiver/login_locked.html"
#: Too Many Requests, as django-axes answers by default.
STATUS = 429


def lockout_response(request, original_response=None, credentials=None):
    # Imported here: the plugin works without django-axes; only a site that uses it calls this.
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    body = select_template([TEMPLATE]).render({
        "base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE"), "minutes": minutes,
    }, request)
    response = HttpResponse(body, status=STATUS)
    if cool_off:
        response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response
