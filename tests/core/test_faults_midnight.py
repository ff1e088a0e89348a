"""50 citizens send the complaint form at the same moment, straddling midnight on New Year's
Eve in Copenhagen (issue 17): every inquiry is stored once, those sent before midnight get the
old year's next numbers and those after it the new year's first, gap-free, no duplicates.
The new year's counter does not exist yet, so several transactions race to create it."""

import datetime
import random
import threading
import zoneinfo

import pytest
from django.db import connections
from django.test import Client
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import ReferenceCounter
from borgerraadgiver_plugin.references import reference_year
from tests.sites import ensure_default_site

from .public_form_support import complaint, fill

pytestmark = pytest.mark.django_db(transaction=True)

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
MIDNIGHT = datetime.datetime(2027, 1, 1, tzinfo=COPENHAGEN)
CITIZENS = 50
EARLIER_THIS_YEAR = 41  # cases 2026 already has


@pytest.fixture
def site(transactional_db):
    return ensure_default_site()


def test_parallel_submissions_across_midnight_get_the_right_year_and_no_gaps(
        complaint_page, monkeypatch, settings):
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 10 * CITIZENS  # one test address for all
    settings.BORGERRAADGIVER_FORM_DB_WAIT = 60  # all 50 queue for SQLite's one writer
    ReferenceCounter.objects.create(prefix="BR", year=2026, last_number=EARLIER_THIS_YEAR)
    target = complaint(complaint_page)
    # Each citizen's own rendered form, and when the server receives it: within half a
    # second either side of midnight, in random order.
    forms = [fill(target.render(Client(), monkeypatch=monkeypatch),
                  {**target.answers, "email": f"borger{n}@example.invalid"})
             for n in range(CITIZENS)]
    offsets = [datetime.timedelta(milliseconds=10 * (n - CITIZENS // 2) + 5)
               for n in range(CITIZENS)]
    random.Random(17).shuffle(offsets)

    clock = threading.local()
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: getattr(clock, "now", None) or real_now())
    barrier = threading.Barrier(CITIZENS)
    statuses, errors = [], []

    def citizen(n):
        try:
            clock.now = (MIDNIGHT + offsets[n]).astimezone(datetime.UTC)
            barrier.wait(timeout=60)
            statuses.append(target.post(Client(), forms[n]).status_code)
        except Exception as error:  # reported below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=citizen, args=(n,)) for n in range(CITIZENS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == [] and statuses == [302] * CITIZENS
    cases = list(Case.objects.all())
    assert len(cases) == CITIZENS
    before = CITIZENS // 2
    by_year = {2026: [], 2027: []}
    for case in cases:
        year = reference_year(case.received_at)
        assert case.reference.startswith(f"BR-{year}-")
        by_year[year].append(int(case.reference.rsplit("-", 1)[1]))
    assert sorted(by_year[2026]) == list(range(EARLIER_THIS_YEAR + 1,
                                               EARLIER_THIS_YEAR + 1 + before))
    assert sorted(by_year[2027]) == list(range(1, CITIZENS - before + 1))
    assert dict(ReferenceCounter.objects.values_list("year", "last_number")) == {
        2026: EARLIER_THIS_YEAR + before, 2027: CITIZENS - before}
