"""The plugin's Danish catalog for Wagtail's own strings wins over Wagtail's, and every entry in
it translates a message that Wagtail, wagtail-modeladmin or Django really has."""

import ast
import re
from pathlib import Path

import django
import wagtail
import wagtail_modeladmin
from django.utils import translation
from django.utils.translation import gettext, ngettext

CATALOG = (Path(__file__).resolve().parents[2] / "borgerraadgiver_plugin" / "wagtail_da"
           / "locale" / "da" / "LC_MESSAGES" / "django.po")
_ENTRY = re.compile(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n)+)', re.MULTILINE)


def _keys(path):
    """(msgctxt, msgid) of every entry of a .po file."""
    def text(lines):
        return "".join(ast.literal_eval(line) for line in lines.splitlines()) if lines else ""
    return {(text(ctx), text(msgid)) for ctx, msgid in _ENTRY.findall(path.read_text("utf-8"))}


def test_the_plugins_danish_wins_over_wagtails_own():
    with translation.override("da"):
        assert gettext("Show filters") == "Vis filtre"
        # Wagtail's own Danish catalog answers "Dashboard"; the plugin's answers in Danish.
        assert gettext("Dashboard") == "Oversigt"
        assert gettext("Download CSV") == "Hent CSV"
        assert ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 2) == (
            "Brugt %(usage_count)s gange")


def test_every_entry_translates_an_upstream_message():
    upstream = set()
    for package in (wagtail, wagtail_modeladmin, django):
        for po in Path(package.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
            upstream |= _keys(po)
    ours = _keys(CATALOG) - {("", "")}
    assert ours, "the catalog is empty"
    assert ours - upstream == set()

