"""The Content-Security-Policy middleware: django-csp's, with the one exception Wagtail needs.

The public pages (the plugin's forms, receipts, learning notes and report) get the policy of
``CONTENT_SECURITY_POLICY`` as it is: no inline script or style at all. Wagtail 8's admin still
writes a few inline scripts of its own (the date pickers' ``initDateChooser``, the inline
panels' ``new InlinePanel``), so under the admin's URL the script sources also allow
``'unsafe-inline'``; styles, fonts, images and connections stay on this server there too. Drop
the exception when Wagtail's admin no longer needs it. (Django 6 has a CSP middleware of its
own; the same exception then goes into a subclass of that.)
"""

from csp.middleware import CSPMiddleware
from django.urls import reverse

ADMIN_SCRIPT_SOURCES = ["'unsafe-inline'"]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), *ADMIN_SCRIPT_SOURCES]
            parts.update = update
        return parts
