"""Danish for the admin screens the plugin builds on: Wagtail's, wagtail-modeladmin's and
Django's own strings, where their Danish catalogs are missing a message or show English.

The app holds only a catalog. Django merges the catalogs of INSTALLED_APPS so that the earliest
app wins, so listing this app before Wagtail's makes its translations take precedence. The
catalog is maintained by hand (``make messages`` compiles it but never extracts into it): each
msgid and msgctxt is copied exactly from the upstream source it translates.
"""
