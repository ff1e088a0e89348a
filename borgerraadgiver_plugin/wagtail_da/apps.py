from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

LOGIN_FORM = "borgerraadgiver_plugin.wagtail_da.forms.LoginForm"


class WagtailDanishConfig(AppConfig):
    name = "borgerraadgiver_plugin.wagtail_da"
    label = "borgerraadgiver_wagtail_da"

    def ready(self):
        checks.register(check_setup)


def check_setup(app_configs=None, **kwargs):
    """Warn when the project's settings keep Wagtail's admin (partly) English."""
    from . import LOCALE_DIR

    problems = []
    names = list(settings.INSTALLED_APPS)
    ours = next(i for i, name in enumerate(names) if name.startswith(WagtailDanishConfig.name))
    if "wagtail.admin" in names and names.index("wagtail.admin") < ours:
        problems.append(checks.Warning(
            "borgerraadgiver_plugin.wagtail_da comes after wagtail.admin in INSTALLED_APPS, "
            "so Wagtail's own (incomplete) Danish wins.",
            hint="List borgerraadgiver_plugin.wagtail_da before Wagtail's apps.",
            id="borgerraadgiver_wagtail_da.W001"))
    if not any(Path(path).resolve() == Path(LOCALE_DIR) for path in settings.LOCALE_PATHS):
        problems.append(checks.Warning(
            "Wagtail's JavaScript strings (e.g. 'Collapse all') stay English.",
            hint="Add borgerraadgiver_plugin.wagtail_da.LOCALE_DIR to LOCALE_PATHS.",
            id="borgerraadgiver_wagtail_da.W002"))
    if not _danish_login_form(getattr(settings, "WAGTAILADMIN_USER_LOGIN_FORM", "")):
        problems.append(checks.Warning(
            "The admin login page labels the password field in English.",
            hint=f"Set WAGTAILADMIN_USER_LOGIN_FORM = {LOGIN_FORM!r} (or a subclass of it).",
            id="borgerraadgiver_wagtail_da.W003"))
    return problems


def _danish_login_form(path):
    """The Danish login form or a subclass of it (such as the two-factor one)."""
    from django.utils.module_loading import import_string

    from .forms import LoginForm

    try:
        form = import_string(path) if path else None
    except ImportError:
        return False
    return isinstance(form, type) and issubclass(form, LoginForm)
