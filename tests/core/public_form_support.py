"""Both public forms (the complaint form and the veteran request page) as a citizen's browser
uses them: render the page, read its form as rendered, type answers, send what the browser
would send (fields in the order of the page, as browsers do), look at what was stored.
The pages themselves are fixtures in ``conftest.py``."""

import time
from dataclasses import dataclass
from urllib.parse import urlencode

from bs4 import BeautifulSoup

from borgerraadgiver_plugin import spam
from borgerraadgiver_plugin.cases.models import Case, ComplaintFormPage
from borgerraadgiver_plugin.veterans.models import VeteranContact
from tests.factories import AreaFactory

COMPLAINT_TEXT = "Jeg har ventet fire måneder på svar på min ansøgning om hjælpemidler."
VETERAN_TEXT = "Jeg vil gerne snakke om job efter udsendelsen."
BOUNDARY = "----borgerBoundary7MA4YWxkTrZu0gW"


@dataclass
class Target:
    """One public form: its page, a citizen's answers, and where what it stores ends up."""

    page: object
    answers: dict
    model: type
    text_field: str
    text_attr: str
    name_attr: str

    def render(self, client, age=10, monkeypatch=None):
        """The page's HTML, rendered ``age`` seconds ago by the server's clock."""
        real = time.time
        monkeypatch.setattr(spam.time, "time", lambda: real() - age)
        try:
            response = client.get(self.page.url)
        finally:
            monkeypatch.setattr(spam.time, "time", real)
        assert response.status_code == 200
        return response.content.decode()

    def encode(self, pairs):
        """The body the page's form sends for ``pairs``, and its content type."""
        return encode(pairs, self.multipart)

    def post(self, client, pairs, **extra):
        """Send ``pairs`` as the page's form would: multipart or urlencoded, in order."""
        return self.post_body(client, *self.encode(pairs), **extra)

    def post_body(self, client, body, content_type, **extra):
        return client.generic("POST", self.page.url, body, content_type=content_type, **extra)

    @property
    def multipart(self):
        return isinstance(self.page, ComplaintFormPage)

    def stored(self):
        return self.model.objects.all()


def controls(html, form_class="br-form"):
    """(name, kind, value, selected) for each control of the page's form, in page order
    (``form_class`` None: the page's first form)."""
    form = BeautifulSoup(html, "html.parser").find("form", class_=form_class)
    found = []
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        if not name:
            continue
        if control.name == "textarea":
            found.append((name, "textarea", control.text.removeprefix("\n"), True))
        elif control.name == "select":
            option = control.find("option", selected=True) or control.find("option")
            found.append((name, "select", option.get("value", "") if option else "", True))
        else:
            kind = control.get("type", "text")
            default = "on" if kind in ("checkbox", "radio") else ""
            found.append((name, kind, control.get("value", default),
                          kind not in ("checkbox", "radio", "file")
                          or control.has_attr("checked")))
    return found


def fill(html, answers=None, form_class="br-form"):
    """What the browser sends after the citizen typed ``answers`` into the rendered form:
    (name, value) pairs in page order; a file input's place holds the chosen files."""
    answers = answers or {}
    order, rendered = [], {}
    for name, _kind, value, selected in controls(html, form_class):
        if name not in order:
            order.append(name)
        if selected:
            rendered.setdefault(name, []).append(value)
    pairs = []
    for name in order:
        values = answers.get(name, rendered.get(name, []))
        pairs += [(name, value) for value in (values if isinstance(values, list) else [values])]
    return pairs


def sent_values(pairs):
    """The answers in ``pairs``, without the token and files: to compare with a re-render."""
    return sorted((name, value) for name, value in pairs if isinstance(value, str)
                  and name not in (spam.TOKEN_FIELD, "csrfmiddlewaretoken"))


def encode(pairs, multipart):
    if not multipart:
        return (urlencode(pairs).encode(), "application/x-www-form-urlencoded")
    body = b""
    for name, value in pairs:
        body += f"--{BOUNDARY}\r\n".encode()
        if hasattr(value, "read"):
            value.seek(0)
            body += (f'Content-Disposition: form-data; name="{name}"; '
                     f'filename="{value.name}"\r\n'
                     f"Content-Type: {value.content_type}\r\n\r\n").encode()
            body += value.read() + b"\r\n"
        else:
            body += (f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                     ).encode()
    body += f"--{BOUNDARY}--\r\n".encode()
    return body, f"multipart/form-data; boundary={BOUNDARY}"


def complaint(page):
    area = AreaFactory(name="Center for Sundhed & Omsorg", sort_order=1, committee="")
    return Target(page, {
        "inquiry_type": "COMPLAINT", "area": str(area.pk), "account": COMPLAINT_TEXT,
        "unit_contacted": "yes", "unit_answered": "no", "name": "Anne Hansen",
        "email": "anne@example.invalid", "contact_preference": "EMAIL",
        "consent_contact_unit": "on",
    }, Case, "account", "account", "citizen_name")


def veteran(page):
    return Target(page, {
        "name": "Søren Jørgensen", "phone": "20 30 40 50", "best_time": "Formiddag",
        "message": VETERAN_TEXT, "consent": "on",
    }, VeteranContact, "message", "situation_note", "name")
