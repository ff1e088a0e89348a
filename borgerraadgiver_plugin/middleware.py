"""Refuse (403) and log signed-in users without admin access on the plugin's admin URLs.

Wagtail sends a signed-in user without admin access (e.g. staff who only read the intranet) to
the login page before any view of the plugin runs, so the refusal is neither explained nor
logged. This middleware, placed after the authentication middleware, answers them with 403 and
writes ``borgerraadgiver.denied`` to the audit log, against the record or model the view is
about. What an admin user may do on a part's screens is for the part's own views to decide
(``cases.views.access``, ``veterans.permissions``).
"""

import inspect

from django.contrib.auth import get_user_model
from django.db.models import Model
from django.urls import reverse

from . import audit
from .admin_menu import ADMIN_PATH
from .refusal import ADMIN_ACCESS, forbidden

PACKAGE = "borgerraadgiver_plugin"


def is_plugin_admin_path(path):
    """Every admin URL of the plugin lies under the admin's ``borgerraadgiver/``."""
    return path.startswith(f"{reverse('wagtailadmin_home')}{ADMIN_PATH}/")


def view_model(view_func):
    """The plugin model an admin view is about, else None.

    A class-based view keeps its class and arguments on the function ``as_view()`` returns
    (Django's ``view_class`` and ``view_initkwargs``); a wagtail-modeladmin view is a method of
    its ``ModelAdmin``. Wagtail wraps each admin view with ``functools.update_wrapper``, which
    ``inspect.unwrap`` follows back (checked against Wagtail 8.0; the middleware tests that name
    a model fail if that changes).
    """
    view = inspect.unwrap(view_func)
    model = (getattr(view, "view_initkwargs", {}).get("model")
             or getattr(getattr(view, "view_class", None), "model", None)
             or getattr(getattr(view, "__self__", None), "model", None))
    if isinstance(model, type) and issubclass(model, Model) and model.__module__.startswith(
            PACKAGE):
        return model
    return None


class PluginAdminAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.has_perm(ADMIN_ACCESS):
            return None
        if not is_plugin_admin_path(request.path):
            return None
        model = view_model(view_func)
        if model is None:
            audit.record_denied(request, get_user_model(), user.pk)
        else:
            pk = view_kwargs.get("pk") or view_kwargs.get("instance_pk")
            audit.record_denied(request, model, pk)
        return forbidden(request)
