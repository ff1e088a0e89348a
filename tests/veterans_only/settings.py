"""A municipality that installs only the core and the veteran registry.

The example site without its own ``home`` app (its blocks embed the complaint form) and without
the cases, learning and reports parts; Wagtail's default welcome page is the site root.
"""

from example_site.settings.test import *

LEFT_OUT = {"home", "borgerraadgiver_plugin.cases", "borgerraadgiver_plugin.learning",
            "borgerraadgiver_plugin.reports"}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in LEFT_OUT]
# The friendly CSRF page belongs to the complaint form; Django's own answers here.
CSRF_FAILURE_VIEW = "django.views.csrf.csrf_failure"
