"""Danish for the admin screens the plugin builds on: Wagtail's, wagtail-modeladmin's and
Django's own strings, where their Danish catalogs are missing a message or show English.

The app holds only catalogs. Django merges the catalogs of INSTALLED_APPS so that the earliest
app wins, so listing this app before Wagtail's makes ``django.po`` take precedence. Wagtail's
JavaScript strings (``djangojs.po``) are read only from Wagtail's own folder and LOCALE_PATHS,
so a project adds :data:`LOCALE_DIR` there. The checks in ``apps.py`` tell when either is
missing. The catalogs are maintained by hand (``make messages`` compiles but never extracts
into them): each msgid and msgctxt is copied exactly from the upstream source it translates.
"""

from pathlib import Path

#: For the project's ``LOCALE_PATHS``, so Wagtail's JavaScript strings are Danish too.
LOCALE_DIR = str(Path(__file__).resolve().parent / "locale")
