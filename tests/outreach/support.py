"""The booking form as a citizen's browser uses it: render, fill in as rendered, send."""

import time
from urllib.parse import urlencode

from bs4 import BeautifulSoup

from borgerraadgiver_plugin import spam
from tests.core.public_form_support import fill

ANSWERS = {"name": "Birthe Madsen", "phone": "20 30 40 50", "email": "birthe@example.invalid"}


def booking_url(page, session):
    return f"{page.url}?session={session.pk}"


def render(client, url, age=10, monkeypatch=None):
    """The page's HTML, rendered ``age`` seconds ago by the server's clock."""
    real = time.time
    if monkeypatch is not None:
        monkeypatch.setattr(spam.time, "time", lambda: real() - age)
    try:
        response = client.get(url)
    finally:
        if monkeypatch is not None:
            monkeypatch.setattr(spam.time, "time", real)
    assert response.status_code == 200
    return response.content.decode()


def first_slot(html):
    radio = BeautifulSoup(html, "html.parser").select_one("form.br-form input[name=slot]")
    assert radio is not None, "no free time offered"
    return radio["value"]


def filled(html, **changes):
    """What the browser sends after choosing the first free time and typing the answers."""
    answers = {"slot": first_slot(html), **ANSWERS, **changes}
    return fill(html, {name: value for name, value in answers.items() if value is not None})


def post(client, url, pairs, **extra):
    return client.generic("POST", url, urlencode(pairs).encode(),
                          content_type="application/x-www-form-urlencoded", **extra)


def text(response):
    return response.content.decode()
