"""Booking a time at a session by appointment, through HTTP, as the page renders it: the
receipt, the cancellation link, and every bad input of issue 16 (full, past, cancelled
session; a taken slot; a malformed phone; no CSRF, too fast, the honeypot). Never a 500."""

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import OutreachBooking, SessionKind
from borgerraadgiver_plugin.cases.outreach import forms as booking_forms
from tests.factories import OutreachBookingFactory, OutreachSessionFactory

from .support import booking_url, filled, post, render, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_limits(forms_without_waiting):
    """Tests send at once (the too-fast rule has its own test)."""


def book(client, outreach_page, session, monkeypatch, **changes):
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch), **changes)
    return post(client, url, pairs)


def test_the_page_lists_sessions_and_a_booking_ends_on_a_receipt_with_a_cancel_link(
        client, outreach_page, session, monkeypatch):
    listing = text(client.get(outreach_page.url))
    assert "tirsdag" in listing and "Store Heddinge Bibliotek" in listing
    assert f'href="{booking_url(outreach_page, session)}"' in listing

    form_html = render(client, booking_url(outreach_page, session), monkeypatch=monkeypatch)
    assert "Skriv ikke om din sag her" in form_html  # why no case details are asked
    response = book(client, outreach_page, session, monkeypatch)
    assert response.status_code == 302
    booking = OutreachBooking.objects.get()
    assert (booking.name, booking.phone, booking.email) == (
        "Birthe Madsen", "20 30 40 50", "birthe@example.invalid")
    assert booking.slot_start == session.starts_at

    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert receipt["Cache-Control"] == "private, no-store"
    html = text(receipt)
    assert "Din tid er booket" in html and "kl. 14" in html
    cancel_url = re.search(r'href="([^"]*/afmeld/[^"]+/)"', html).group(1)
    assert booking.cancel_token in cancel_url and len(booking.cancel_token) >= 40

    ask = client.get(cancel_url)
    assert ask.status_code == 200 and OutreachBooking.objects.active().count() == 1
    done = client.post(cancel_url)
    assert done.status_code == 302
    assert "Din tid er aflyst" in text(client.get(done["Location"]))
    assert OutreachBooking.objects.active().count() == 0


def test_an_unknown_receipt_or_cancel_token_is_a_plain_404(client, outreach_page):
    assert client.get(f"{outreach_page.url}kvittering/{'x' * 43}/").status_code == 404
    assert client.get(f"{outreach_page.url}afmeld/{'x' * 43}/").status_code == 404
    assert client.post(f"{outreach_page.url}afmeld/kort/").status_code == 404


def test_the_same_form_sent_twice_is_one_booking(client, outreach_page, session, monkeypatch):
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch))
    first, second = post(client, url, pairs), post(client, url, pairs)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert OutreachBooking.objects.count() == 1


def test_a_full_session_says_so_and_takes_no_booking(client, outreach_page, monkeypatch):
    session = OutreachSessionFactory(capacity=1)
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch))
    OutreachBookingFactory(session=session, slot_start=session.starts_at
                           + datetime.timedelta(minutes=30))
    response = post(client, url, pairs)
    assert response.status_code == 200
    assert "fuldt booket" in text(response)
    assert OutreachBooking.objects.count() == 1
    assert "fuldt booket" in text(client.get(url))
    assert "Fuldt booket." in text(client.get(outreach_page.url))


def test_a_slot_booked_by_someone_else_meanwhile_is_refused_with_the_answers_kept(
        client, outreach_page, session, monkeypatch):
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch))
    OutreachBookingFactory(session=session, name="En anden")
    response = post(client, url, pairs)
    assert response.status_code == 200
    assert "ikke længere ledig" in text(response)
    assert 'value="Birthe Madsen"' in text(response)
    assert OutreachBooking.objects.count() == 1


@pytest.mark.parametrize("change", ["cancelled", "past"])
def test_a_cancelled_or_past_session_says_so_and_takes_no_booking(
        client, outreach_page, session, monkeypatch, change):
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch))
    if change == "cancelled":
        session.cancelled, session.cancellation_note = True, "Borgerrådgiveren er syg."
        message = "aflyst og kan ikke bookes"
    else:
        session.starts_at = timezone.now() - datetime.timedelta(days=1, hours=2)
        session.ends_at = timezone.now() - datetime.timedelta(days=1)
        message = "allerede været holdt"
    session.save()
    response = post(client, url, pairs)
    assert response.status_code == 200
    assert message in text(response)
    assert not OutreachBooking.objects.exists()
    shown = text(client.get(url))
    assert message in shown and "<form" not in shown.split("<article", 1)[1]


def test_a_drop_in_session_needs_no_booking(client, outreach_page):
    session = OutreachSessionFactory(kind=SessionKind.DROP_IN)
    assert "kræver ikke en aftale" in text(client.get(booking_url(outreach_page, session)))


def test_an_unknown_session_number_says_the_session_cannot_be_booked(client, outreach_page):
    for value in ("999999", "abc", "9" * 40):
        response = client.get(f"{outreach_page.url}?session={value}")
        assert response.status_code == 200
        assert "kan ikke bookes" in text(response)


@pytest.mark.parametrize(("changes", "message"), [
    ({"phone": "ring mig"}, "telefonnummer på 8 til 15 cifre"),
    ({"phone": "", "email": ""}, "Skriv et telefonnummer eller en e-mailadresse"),
    ({"name": ""}, "Skriv dit navn."),
    ({"slot": "2027-02-02T13:00:00"}, "ikke længere ledig"),
    ({"email": "ikke@en@adresse"}, "gyldig e-mail-adresse"),
])
def test_bad_answers_show_the_form_again_with_a_danish_message(
        client, outreach_page, session, monkeypatch, changes, message):
    response = book(client, outreach_page, session, monkeypatch, **changes)
    assert response.status_code == 200
    html = text(response)
    assert "<title>Fejl: " in html and message in html
    assert not OutreachBooking.objects.exists()


def test_a_form_without_csrf_gets_the_danish_403_and_books_nothing(outreach_page, session,
                                                                    monkeypatch):
    browser = Client(enforce_csrf_checks=True)
    url = booking_url(outreach_page, session)
    pairs = filled(render(browser, url, monkeypatch=monkeypatch))
    browser.cookies.pop(django_settings.CSRF_COOKIE_NAME)
    response = post(browser, url, pairs)
    assert response.status_code == 403
    assert "Formularen kunne ikke sendes" in text(response)
    assert not OutreachBooking.objects.exists()


def test_a_form_sent_too_fast_is_shown_again_and_books_nothing(client, outreach_page, session,
                                                               monkeypatch, settings):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 3
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, age=0, monkeypatch=monkeypatch))
    response = post(client, url, pairs)
    assert response.status_code == 200
    assert "sendt meget hurtigt" in text(response)
    assert not OutreachBooking.objects.exists()


def test_the_honeypot_gets_a_decoy_receipt_and_books_nothing(client, outreach_page, session,
                                                             monkeypatch):
    response = book(client, outreach_page, session, monkeypatch, website="http://spam.example")
    assert response.status_code == 200
    assert "Din tid er booket" in text(response)
    assert not OutreachBooking.objects.exists()


def test_too_many_posts_from_one_address_are_refused_with_retry_after(
        client, outreach_page, session, monkeypatch, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 1
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch), phone="ring mig")
    assert post(client, url, pairs).status_code == 200
    refused = post(client, url, pairs)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert not OutreachBooking.objects.exists()


def test_a_booking_that_has_begun_cannot_be_cancelled_by_its_link(client, outreach_page):
    now = timezone.now()
    session = OutreachSessionFactory(starts_at=now - datetime.timedelta(minutes=10),
                                     ends_at=now + datetime.timedelta(hours=1))
    booking = OutreachBookingFactory(session=session)
    url = f"{outreach_page.url}afmeld/{booking.cancel_token}/"
    assert "kan ikke længere aflyses" in text(client.get(url))
    assert client.post(url).status_code == 200
    assert OutreachBooking.objects.active().count() == 1


def test_a_slot_taken_between_the_check_and_the_lock_is_a_409_with_the_answers_kept(
        client, outreach_page, session, monkeypatch):
    """The race the lock decides: the form's check saw the time free, the booking made under
    the lock finds it taken. The form comes back (409) and nothing more is stored."""
    url = booking_url(outreach_page, session)
    pairs = filled(render(client, url, monkeypatch=monkeypatch))
    OutreachBookingFactory(session=session, name="En anden")
    monkeypatch.setattr(booking_forms, "free_slots", lambda s: s.slot_starts())
    response = post(client, url, pairs)
    assert response.status_code == 409
    html = text(response)
    assert "En anden har booket denne tid for et øjeblik siden" in html
    assert 'value="Birthe Madsen"' in html and "<title>Fejl: " in html
    assert OutreachBooking.objects.count() == 1
