"""The Content-Security-Policy (issue 17): every page carries it, and no template of the plugin
needs what it forbids (inline scripts, style blocks and attributes, event-handler attributes).
The browser proof that the pages work under it: tests/browser/test_content_security_policy.py.
"""

import re
from pathlib import Path

import pytest

import borgerraadgiver_plugin
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP
from tests.factories import UserFactory

from .public_form_support import complaint, fill

pytestmark = pytest.mark.django_db

PACKAGE = Path(borgerraadgiver_plugin.__file__).parent
#: A start tag: ``<`` and a letter, up to the next ``>`` (``{% if a < b %}`` is not one).
TAG = re.compile(r"<([a-zA-Z][\w:-]*)\b([^>]*)>", re.S)
SCRIPT_TYPES_WITHOUT_CODE = {"application/json", "application/ld+json"}


def plugin_templates():
    return sorted(path for path in PACKAGE.glob("**/templates/**/*") if path.is_file())


def inline_code(text):
    """What the policy would refuse in a template's text, one line per finding."""
    findings = []
    for match in TAG.finditer(text):
        name, attributes = match.group(1).lower(), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if name == "script" and not re.search(r"\ssrc\s*=", attributes):
            kind = re.search(r"\stype\s*=\s*[\"']([^\"']+)", attributes)
            if not kind or kind.group(1).lower() not in SCRIPT_TYPES_WITHOUT_CODE:
                findings.append(f"{line}: <script> without src")
        if name == "style":
            findings.append(f"{line}: <style> block")
        if re.search(r"(^|\s)style\s*=", attributes):
            findings.append(f"{line}: style attribute")
        for handler in re.findall(r"(?:^|\s)(on[a-z]+)\s*=", attributes):
            findings.append(f"{line}: {handler} handler")
        if re.search(r"=\s*[\"']?\s*javascript:", attributes, re.I):
            findings.append(f"{line}: javascript: address")
    return findings


def test_no_plugin_template_has_inline_script_or_style():
    templates = plugin_templates()
    assert len(templates) > 50
    found = {str(path.relative_to(PACKAGE)): inline_code(path.read_text(encoding="utf-8"))
             for path in templates}
    assert {path: lines for path, lines in found.items() if lines} == {}


@pytest.mark.parametrize(("snippet", "finding"), [
    ("<script>alert(1)</script>", "<script> without src"),
    ('<script type="module">go()</script>', "<script> without src"),
    ("<style>p { color: red }</style>", "<style> block"),
    ('<p class="x" style="color:red">', "style attribute"),
    ("<button\n  onclick=\"go()\">", "onclick handler"),
    ('<a href="javascript:go()">', "javascript: address"),
])
def test_the_scan_finds_each_kind_of_inline_code(snippet, finding):
    assert [line.split(": ", 1)[1] for line in inline_code(snippet)] == [finding]


@pytest.mark.parametrize("snippet", [
    '<script src="/static/x.js" defer></script>',
    '<script id="data" type="application/json">{"a": 1}</script>',
    '<p data-style="x" class="onward">{% if a < b %}one{% endif %}</p>',
    '<input name="online">',
])
def test_the_scan_lets_files_and_data_through(snippet):
    assert inline_code(snippet) == []


def policy(response):
    header = response.headers.get("Content-Security-Policy", "")
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_own_sources_only(directives):
    """Every source is this server, a keyword or an inline image: no other host."""
    sources = {source for values in directives.values() for source in values}
    assert sources <= {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}, sources
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]


def assert_strict_policy(response):
    directives = policy(response)
    assert_own_sources_only(directives)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def assert_admin_policy(response):
    """Wagtail 8's own date pickers and inline panels still write inline scripts
    (borgerraadgiver_plugin.content_security); styles stay strict in the admin too."""
    directives = policy(response)
    assert_own_sources_only(directives)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'"]


def test_public_pages_carry_the_policy(client, complaint_page, veteran_page, monkeypatch):
    target = complaint(complaint_page)
    html = target.render(client, monkeypatch=monkeypatch)
    assert_strict_policy(client.get(complaint_page.url))
    sent = target.post(client, fill(html, target.answers))
    assert sent.status_code == 302
    receipt = client.get(sent["Location"])
    assert receipt.status_code == 200 and Case.objects.get().reference in receipt.text
    assert_strict_policy(receipt)
    assert_strict_policy(client.get(veteran_page.url))


def test_admin_screens_carry_the_policy(client, groups):
    client.force_login(UserFactory(username="rikke", groups=[ADVISOR_GROUP]))
    for url in ("/admin/", "/admin/borgerraadgiver/cases/",
            "/admin/borgerraadgiver/reports/statistics/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_admin_policy(response)


def test_the_intranet_login_gets_the_strict_policy(client):
    assert_strict_policy(client.get("/_util/login/"))
