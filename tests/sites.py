"""The default Wagtail site, for tests that run after a transactional test emptied the tables."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from home.models import HomePage


def ensure_default_site():
    """The default site, rebuilt when an earlier transactional test flushed the tables
    (serialized rollback clashes with content types on PostgreSQL)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root"))
    home = root.add_child(instance=HomePage(title="Forside", slug="forside"))
    return Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
