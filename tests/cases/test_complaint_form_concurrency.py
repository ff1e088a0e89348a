"""Two submits of the same rendered form at the same moment store one case."""

import threading

import pytest
from django.db import connections
from django.test import Client

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage
from tests.sites import ensure_default_site

from .form_answers import valid_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def test_simultaneous_double_submit_stores_one_case(form_page, area):
    data = valid_data(Client(), form_page, area)
    barrier = threading.Barrier(2)
    locations, errors = [], []

    def submit():
        try:
            barrier.wait(timeout=10)
            locations.append(Client().post(form_page.url, data)["Location"])
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(locations) == 2 and locations[0] == locations[1]
    assert Case.objects.count() == 1
    assert OutboxMessage.objects.count() == 2
