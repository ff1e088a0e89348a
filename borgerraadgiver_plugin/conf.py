"""Django settings the plugin reads, with their defaults.

Site-wide technical choices live here (they belong to the deployment); what the advisor edits
lives in :class:`~borgerraadgiver_plugin.models.BorgerraadgiverSettings`.
"""

from django.conf import settings

DEFAULTS = {
    # The customer's own base template; the plugin's pages render into its ``content`` block.
    "BORGERRAADGIVER_BASE_TEMPLATE": "base.html",
    # Prefix of case references, e.g. BR-2026-0001.
    "BORGERRAADGIVER_REFERENCE_PREFIX": "BR",
    # Folder for private files (attachments) when STORAGES has no "borgerraadgiver_private".
    "BORGERRAADGIVER_PRIVATE_ROOT": None,
    # True: the "Veterans" registry gets its own top-level admin menu item instead of sitting
    # inside the "Borgerrådgiver" menu.
    "BORGERRAADGIVER_VETERANS_TOP_LEVEL_MENU": False,
}


def get(name):
    return getattr(settings, name, DEFAULTS[name])
