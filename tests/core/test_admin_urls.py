"""One scheme for the plugin's admin URLs: ``/admin/borgerraadgiver/<part>/<screen>/`` in English,
and URL names that begin with the app label of the part that owns the screen."""

import re

from django.apps import apps

from tests.admin_urls import routes

PARTS = {config.label.removeprefix("borgerraadgiver_"): config.label
         for config in apps.get_app_configs() if config.label.startswith("borgerraadgiver_")}


def plugin_routes():
    return [(route, name) for route, name in routes()
            if "borgerraadgiver" in route or "borgerraadgiver" in name]


def owner(route):
    """The app label a plugin admin route belongs to, read from its path."""
    first = route.removeprefix("admin/borgerraadgiver/").split("/", 1)[0]
    return PARTS.get(first, "borgerraadgiver")


def test_every_plugin_admin_url_lies_under_admin_borgerraadgiver():
    found = plugin_routes()
    assert len(found) > 50
    assert [route for route, _name in found if not route.startswith("admin/borgerraadgiver/")] == []


def test_plugin_admin_paths_are_lower_case_words():
    for route, _name in plugin_routes():
        words = [word for word in route.split("/") if word and "<" not in word and "(" not in word]
        assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", word) for word in words), route


def test_every_plugin_url_name_begins_with_the_app_label_of_its_part():
    for route, name in plugin_routes():
        label = owner(route)
        assert re.match(rf"{label}_[a-z]", name), (route, name)
        if label == "borgerraadgiver":
            assert not any(name.startswith(f"{part}_") for part in PARTS.values()), (route, name)


def test_the_parts_screens_sit_under_the_parts_own_path():
    owners = {owner(route) for route, _name in plugin_routes()}
    assert {"borgerraadgiver", "borgerraadgiver_cases", "borgerraadgiver_learning",
            "borgerraadgiver_reports", "borgerraadgiver_veterans"} <= owners
