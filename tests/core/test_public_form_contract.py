"""The one contract of every public form page (PublicFormPage), tried on both: the complaint
form and the veteran request page answer each kind of submission the same way.

Each test renders the page, fills in the form as rendered (``fill``) and sends what a browser
would send; ``public_form`` adapts one page type: its valid answers and what it stores."""

import pytest
from django.conf import settings as django_settings
from django.test import Client

from .public_form_support import complaint, fill, sent_values, veteran

pytestmark = pytest.mark.django_db

RECEIPT_HEADING = {"complaint": "Tak – vi har modtaget din henvendelse",
                   "veteran": "Tak – vi har modtaget din henvendelse"}
BAD_INPUTS = {
    "complaint": [
        ({"account": ""}, "Skriv, hvad der er sket."),
        ({"email": "ikke@en@adresse", "contact_preference": "EMAIL"}, "gyldig e-mail-adresse"),
        ({"name": "Anne\x00Hansen"}, "NUL-tegn"),
        ({"matter_date": "31-12-2999"}, "kan ikke ligge i fremtiden"),
    ],
    "veteran": [
        ({"name": ""}, "Skriv dit navn."),
        ({"consent": []}, "Vi kan kun kontakte dig, hvis du giver samtykke"),
        ({"phone": "ring mig"}, "telefonnummer på 8 til 15 cifre"),
        ({"message": "Mit cpr er 010190-1234"}, "ligner et CPR-nummer"),
    ],
}


@pytest.fixture(params=["complaint", "veteran"])
def public_form(request):
    """One page type: its page, a person's valid answers, and the record it stores."""
    adapter = complaint if request.param == "complaint" else veteran
    return adapter(request.getfixturevalue(f"{request.param}_page"))


def kind(public_form):
    return "complaint" if public_form.multipart else "veteran"


def text(response):
    return response.content.decode()


def valid(public_form, client, monkeypatch, **changes):
    """What the page sends once a person has filled it in (rendered 10 s ago)."""
    html = public_form.render(client, monkeypatch=monkeypatch)
    return fill(html, {**public_form.answers, **changes})


def assert_shown_again(public_form, response, pairs):
    """The form again with status 200, "Fejl: " in the title, answers kept, nothing stored."""
    assert response.status_code == 200
    html = text(response)
    assert "<title>Fejl: " in html and 'id="br-error-summary"' in html
    assert sent_values(fill(html)) == sent_values(pairs)
    assert not public_form.stored().exists()


@pytest.mark.parametrize("case", range(4))
def test_each_bad_input_shows_the_form_again_with_200_and_stores_nothing(
        client, public_form, monkeypatch, case):
    change, message = BAD_INPUTS[kind(public_form)][case]
    pairs = valid(public_form, client, monkeypatch, **change)
    response = public_form.post(client, pairs)
    if "\x00" not in str(change):  # a NUL is refused; the re-render cannot hold it
        assert_shown_again(public_form, response, pairs)
    else:
        assert response.status_code == 200 and not public_form.stored().exists()
    assert message in text(response)


def test_the_error_summary_links_each_message_to_its_field(client, public_form, monkeypatch):
    field = "account" if kind(public_form) == "complaint" else "name"
    response = public_form.post(client, valid(public_form, client, monkeypatch, **{field: ""}))
    html = text(response)
    assert f'href="#id_{field}"' in html
    assert f'id="id_{field}_error"' in html
    assert f'aria-describedby="id_{field}_error"' in html or (
        f'aria-describedby="id_{field}_helptext id_{field}_error"' in html)


def test_a_double_submit_stores_one_record_and_both_get_the_same_receipt(client, public_form,
                                                                        monkeypatch):
    pairs = valid(public_form, client, monkeypatch)
    first, second = public_form.post(client, pairs), public_form.post(client, pairs)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert public_form.stored().count() == 1


def test_a_failed_csrf_check_gets_the_friendly_danish_403_and_stores_nothing(public_form,
                                                                             monkeypatch):
    browser = Client(enforce_csrf_checks=True)
    pairs = valid(public_form, browser, monkeypatch)
    browser.cookies.pop(django_settings.CSRF_COOKIE_NAME)  # e.g. a browser that blocks cookies
    response = public_form.post(browser, pairs)
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in text(response)
    assert not public_form.stored().exists()
    again = Client(enforce_csrf_checks=True)
    assert public_form.post(again, valid(public_form, again, monkeypatch)).status_code == 302


def test_the_honeypot_gets_a_decoy_receipt_and_nothing_is_stored(client, public_form,
                                                                 monkeypatch):
    response = public_form.post(client, valid(public_form, client, monkeypatch,
                                         website="http://spam.example"))
    assert response.status_code == 200
    assert RECEIPT_HEADING[kind(public_form)] in text(response)
    assert response["Cache-Control"] == "private, no-store"
    assert not public_form.stored().exists()


def test_a_form_sent_too_fast_is_shown_again_and_nothing_is_stored(client, public_form,
                                                                   monkeypatch):
    pairs = fill(public_form.render(client, age=0, monkeypatch=monkeypatch), public_form.answers)
    response = public_form.post(client, pairs)
    assert "Vent et øjeblik" in text(response)
    assert_shown_again(public_form, response, pairs)


def test_an_expired_form_is_shown_again_and_nothing_is_stored(client, public_form, monkeypatch):
    html = public_form.render(client, age=5 * 3600, monkeypatch=monkeypatch)
    pairs = fill(html, public_form.answers)
    response = public_form.post(client, pairs)
    assert "Siden er udløbet" in text(response)
    assert_shown_again(public_form, response, pairs)


def test_the_rate_limit_answers_429_with_retry_after_and_keeps_the_answers(
        client, public_form, monkeypatch, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 1
    settings.BORGERRAADGIVER_RATE_WINDOW = 600
    assert public_form.post(client, valid(public_form, client, monkeypatch)).status_code == 302
    pairs = valid(public_form, client, monkeypatch, name="Kim Larsen")
    limited = public_form.post(client, pairs)
    assert limited.status_code == 429
    assert 0 < int(limited["Retry-After"]) <= 600
    assert sent_values(fill(text(limited))) == sent_values(pairs)
    assert public_form.stored().count() == 1


def test_the_receipt_is_behind_an_unguessable_token_and_never_cached(client, public_form,
                                                                     monkeypatch):
    response = public_form.post(client, valid(public_form, client, monkeypatch))
    record = public_form.stored().get()
    assert response["Location"] == f"{public_form.page.url}kvittering/{record.receipt_token}/"
    assert len(record.receipt_token) >= 40
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200 and record.reference in text(receipt)
    assert receipt["Cache-Control"] == "private, no-store"
    assert receipt["X-Robots-Tag"] == "noindex" and receipt["Referrer-Policy"] == "no-referrer"
    assert client.get(f"{public_form.page.url}kvittering/{'x' * 43}/").status_code == 404


def test_no_response_sets_a_session_cookie_for_an_anonymous_visitor(client, public_form,
                                                                    monkeypatch):
    html = public_form.render(client, monkeypatch=monkeypatch)
    responses = [client.get(public_form.page.url)]
    responses.append(public_form.post(client, fill(html, public_form.answers)))
    responses.append(client.get(responses[-1]["Location"]))
    responses.append(public_form.post(client, fill(html, {**public_form.answers, "name": ""})))
    responses.append(public_form.post(client, fill(html, {**public_form.answers, "website": "x"})))
    assert [r.status_code for r in responses] == [200, 302, 200, 200, 200]
    for response in responses:
        assert django_settings.SESSION_COOKIE_NAME not in response.cookies
    assert django_settings.SESSION_COOKIE_NAME not in client.cookies
