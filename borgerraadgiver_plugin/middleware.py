"""Refuse (403) and log users who may not use a plugin part's admin URLs.

Two kinds of outsider reach a part's admin URL without the part's own views ever seeing them:
signed-in users without admin access (e.g. staff who only read the intranet), whom Wagtail sends
to the login page first; and, for a part whose app config names an ``admin_permission``, admin
users without it on screens Wagtail serves itself (choosers, bulk actions). This middleware,
placed after the authentication middleware, answers both with 403 and writes
``borgerraadgiver.denied`` to the audit log, against the record or model the URL names.
"""

from functools import lru_cache

from django.apps import apps
from django.contrib.auth import get_user_model

from . import audit
from .refusal import ADMIN_ACCESS, forbidden

_PREFIXES = ("wagtailsnippets_", "wagtailsnippetchoosers_", "")


@lru_cache(maxsize=1)
def _plugin_configs():
    parts = [c for c in apps.get_app_configs() if c.label.startswith("borgerraadgiver")]
    return tuple(sorted(parts, key=lambda c: -len(c.label)))


@lru_cache(maxsize=1)
def _plugin_models():
    """(name prefix, app config, model) for the installed parts' models, longest prefix first."""
    found = [(f"{config.label}_{model._meta.model_name}", config, model)
             for config in _plugin_configs() for model in config.get_models()]
    return tuple(sorted(found, key=lambda item: -len(item[0])))


def plugin_target(match):
    """``(app config, model or None)`` of the part a resolved URL belongs to, else None."""
    if match is None:
        return None
    if match.url_name == "wagtail_bulk_action":
        names = [f"{match.kwargs.get('app_label', '')}_{match.kwargs.get('model_name', '')}"]
    else:
        names = [*match.namespace.split(":"), match.url_name or ""]
    for name in names:
        for prefix in _PREFIXES:
            if not name.startswith(prefix + "borgerraadgiver"):
                continue
            bare = name[len(prefix):]
            for model_prefix, config, model in _plugin_models():
                if bare == model_prefix or bare.startswith(model_prefix + "_"):
                    return config, model
            config = next((c for c in _plugin_configs()
                           if bare == c.label or bare.startswith(c.label + "_")), None)
            return (config, None) if config else None
    return None


def guarded_model(config):
    """The model a part's ``admin_permission`` is about (``view_case`` -> Case), if any."""
    permission = getattr(config, "admin_permission", None)
    if not permission:
        return None
    app_label, codename = permission.split(".", 1)
    return apps.get_model(app_label, codename.split("_", 1)[1])


class PluginAdminAccessMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        target = plugin_target(request.resolver_match)
        if target is None:
            return None
        config, model = target
        needed = [ADMIN_ACCESS, *filter(None, [getattr(config, "admin_permission", None)])]
        if all(user.has_perm(permission) for permission in needed):
            return None
        model = model or guarded_model(config)
        if model is None:
            audit.record_denied(request, get_user_model(), user.pk)
        else:
            pk = view_kwargs.get("pk") or view_kwargs.get("instance_pk")
            audit.record_denied(request, model, pk)
        return forbidden(request)
