"""The plugin's 403 page: Danish, and with a way back.

Every refusal of the plugin (admin URLs of a part, the case guard, the veteran registry,
attachments) answers with :func:`forbidden` instead of Django's bare "403 Forbidden". A user
with admin access keeps the admin's navigation; anyone else gets the site's own page layout
(``BORGERRAADGIVER_BASE_TEMPLATE``) with a link to the front page. The callers log the attempt.
"""

from django.shortcuts import render

from . import audit, conf

ADMIN_ACCESS = "wagtailadmin.access_admin"
ADMIN_TEMPLATE = "borgerraadgiver/forbidden_admin.html"
SITE_TEMPLATE = "borgerraadgiver/forbidden.html"


def forbidden(request, exception=None):
    """A 403 response; the signature of Django's ``handler403``, so a project may use it too."""
    user = getattr(request, "user", None)
    in_admin = bool(user and user.is_authenticated and user.has_perm(ADMIN_ACCESS))
    return render(request, ADMIN_TEMPLATE if in_admin else SITE_TEMPLATE,
                  {"base_template": conf.get("BORGERRAADGIVER_BASE_TEMPLATE")}, status=403)


class PermissionRequiredMixin:
    """For an admin view of the plugin: a user without ``permission`` gets :func:`forbidden`,
    and the attempt is logged against ``denied_model`` under ``denied_object`` (the screen has
    no record of its own)."""

    permission = None
    denied_model = None
    denied_object = "0"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            audit.record_denied(request, self.denied_model, listing_id=self.denied_object)
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)
