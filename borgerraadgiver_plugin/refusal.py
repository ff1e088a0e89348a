"""The plugin's 403 page: Danish, and with a way back.

Every refusal of the plugin (admin URLs of a part, the case guard, the veteran registry,
attachments) answers with :func:`forbidden` instead of Django's bare "403 Forbidden". A user
with admin access keeps the admin's navigation; anyone else gets the site's own page layout
(``BORGERRAADGIVER_BASE_TEMPLATE``) with a link to the front page. The callers log the attempt.
"""

from django.shortcuts import render

from . import conf

ADMIN_ACCESS = "wagtailadmin.access_admin"
ADMIN_TEMPLATE = "borgerraadgiver/forbidden_admin.html"
SITE_TEMPLATE = "borgerraadgiver/forbidden.html"


def forbidden(request, exception=None):
    """A 403 response; the signature of Django's ``handler403``, so a project may use it too."""
    user = getattr(request, "user", None)
    in_admin = bool(user and user.is_authenticated and user.has_perm(ADMIN_ACCESS))
    return render(request, ADMIN_TEMPLATE if in_admin else SITE_TEMPLATE,
                  {"base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE")}, status=403)
