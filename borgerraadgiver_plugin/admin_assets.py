"""The plugin's admin stylesheets, one per part, added to every admin page through Wagtail's
``insert_global_admin_css`` hook: the Content-Security-Policy allows no inline style, so a
screen's look lives in a static file, never in a ``style`` attribute or block."""

from django.templatetags.static import static
from django.utils.html import format_html


def stylesheet(path):
    """A ``<link>`` to the static file ``path``, for ``insert_global_admin_css``."""
    return format_html('<link rel="stylesheet" href="{}">', static(path))
