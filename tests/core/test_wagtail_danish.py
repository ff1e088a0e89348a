"""The plugin's Danish catalogs for Wagtail's own strings win over Wagtail's, every entry in them
translates a message that Wagtail, wagtail-modeladmin or Django really has, and the system
check tells a project whose settings leave Wagtail's JavaScript strings English."""

import ast
import re
from pathlib import Path

import django
import pytest
import wagtail
import wagtail_modeladmin
from bs4 import BeautifulSoup
from django.core.checks import run_checks
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

CATALOGS = (Path(__file__).resolve().parents[2] / "borgerraadgiver_plugin" / "wagtail_da"
            / "locale" / "da" / "LC_MESSAGES")
_ENTRY = re.compile(r'^(?:msgctxt ((?:".*"\n)+))?msgid ((?:".*"\n)+)', re.MULTILINE)


def _keys(path):
    """(msgctxt, msgid) of every entry of a .po file."""
    def text(lines):
        return "".join(ast.literal_eval(line) for line in lines.splitlines()) if lines else ""
    return {(text(ctx), text(msgid)) for ctx, msgid in _ENTRY.findall(path.read_text("utf-8"))}


#: The English the issue found on the plugin's screens, by Wagtail's, modeladmin's or Django's
#: msgid, and the Danish now shown.
ISSUE_STRINGS = [
    ("Reports", "Rapporter"),
    ("Download CSV", "Hent CSV"),
    ("Show filters", "Vis filtre"),
    ("Add %(object)s", "Tilføj %(object)s"),
    ("Inspecting %(object)s", "Viser %(object)s"),
    ("%(model_name)s '%(object)s' created.", "%(model_name)s '%(object)s' er oprettet."),
    ("The %(model_name)s could not be created due to errors.",
     "%(model_name)s kunne ikke oprettes på grund af fejl."),
    ("Choose %(object)s", "Vælg %(object)s"),
    ("You do not have permission to access the admin.", "Du har ikke adgang til administrationen."),
]


@pytest.mark.parametrize(("english", "danish"), ISSUE_STRINGS)
def test_the_strings_the_issue_found_are_danish(english, danish):
    with translation.override("da"):
        assert gettext(english) == danish


def test_the_plugins_danish_wins_over_wagtails_own():
    with translation.override("da"):
        assert gettext("Show filters") == "Vis filtre"
        # Wagtail's own Danish catalog answers "Dashboard"; the plugin's answers in Danish.
        assert gettext("Dashboard") == "Oversigt"
        assert gettext("Download CSV") == "Hent CSV"
        assert ngettext("Used %(usage_count)s time", "Used %(usage_count)s times", 2) == (
            "Brugt %(usage_count)s gange")


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_entry_translates_an_upstream_message(domain):
    upstream = set()
    for package in (wagtail, wagtail_modeladmin, django):
        for po in Path(package.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"):
            upstream |= _keys(po)
    ours = _keys(CATALOGS / f"{domain}.po") - {("", "")}
    assert ours, "the catalog is empty"
    assert ours - upstream == set()


def test_wagtails_javascript_strings_are_danish_through_locale_paths(client):
    catalog = client.get(reverse("wagtailadmin_javascript_catalog"))
    assert "Fold alle sammen" in catalog.content.decode()


def test_the_check_warns_when_locale_paths_miss_the_catalog(settings):
    assert not [m for m in run_checks() if m.id.startswith("borgerraadgiver_wagtail_da")]
    settings.LOCALE_PATHS = []
    assert [m.id for m in run_checks() if m.id.startswith("borgerraadgiver_wagtail_da")] == [
        "borgerraadgiver_wagtail_da.W002"]



@pytest.mark.django_db
def test_the_admin_login_form_labels_the_password_in_danish(client):
    page = BeautifulSoup(client.get(reverse("wagtailadmin_login")).content, "html.parser")
    assert page.find("label", attrs={"for": "id_password"}).get_text(strip=True) == "Adgangskode*"
