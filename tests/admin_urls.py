"""Every URL the project routes, as a person would type it, with the name it is reversed by."""

import re

from django.urls import URLPattern, URLResolver, get_resolver

CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def routes(patterns=None, prefix="", namespace=""):
    """``(route, name)`` of every URL pattern: ``("admin/borgerraadgiver/cases/inspect/<int:pk>/",
    "borgerraadgiver_cases_case:inspect")``; regex routes lose their ``^`` and ``$``."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from routes(pattern.url_patterns, prefix + route, inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + route, f"{namespace}{pattern.name or ''}"


def fill(route, **values):
    """The route with each parameter filled in from ``values`` (by parameter name)."""
    return "/" + CONVERTER.sub(lambda match: str(values[match.group(1) or match.group(2)]), route)
