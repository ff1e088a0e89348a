"""Twenty people press "Book" for the same slot at the same moment: exactly one booking, and
every other person gets the form back with a Danish reason, never a 500. On PostgreSQL (20
connections) and SQLite alike."""

import threading

import pytest
from django.db import connections
from django.test import Client

from borgerraadgiver_plugin.cases.models import OutreachBooking
from tests.factories import OutreachPageFactory, OutreachSessionFactory
from tests.sites import ensure_default_site

from .support import booking_url, filled, post, render, text

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 20


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def test_twenty_simultaneous_bookings_of_one_slot_give_exactly_one(site, settings, monkeypatch):
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 1000
    settings.BORGERRAADGIVER_FORM_DB_WAIT = 60  # SQLite: wait for the lock, do not give up
    page = OutreachPageFactory(parent=site.root_page)
    session = OutreachSessionFactory()
    url = booking_url(page, session)
    # Each person renders the form and chooses the same (first) time, each with a name of
    # their own: twenty different bookings, not one booking sent twenty times.
    forms = [filled(render(Client(), url, monkeypatch=monkeypatch), name=f"Person {n}")
             for n in range(PEOPLE)]
    barrier = threading.Barrier(PEOPLE)
    responses, errors = [], []

    def press(pairs):
        try:
            barrier.wait(timeout=30)
            responses.append(post(Client(), url, pairs))
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=press, args=(pairs,)) for pairs in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    statuses = sorted(response.status_code for response in responses)
    assert len(statuses) == PEOPLE
    assert statuses.count(302) == 1, statuses
    assert set(statuses) <= {302, 200, 409}, statuses
    for response in responses:
        if response.status_code != 302:
            assert ("ikke længere ledig" in text(response)
                    or "booket denne tid for et øjeblik siden" in text(response))
    assert OutreachBooking.objects.count() == 1
