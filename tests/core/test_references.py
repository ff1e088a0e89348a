import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import ReferenceCounter
from borgerraadgiver_plugin.references import next_reference
from tests.factories import AreaFactory, CaseFactory

CPH = ZoneInfo("Europe/Copenhagen")


@pytest.mark.django_db
def test_references_count_per_year_from_one():
    first = CaseFactory(received_at=datetime.datetime(2025, 6, 1, 12, tzinfo=CPH))
    second = CaseFactory(received_at=datetime.datetime(2025, 7, 1, 12, tzinfo=CPH))
    next_year = CaseFactory(received_at=datetime.datetime(2026, 1, 2, 12, tzinfo=CPH))
    assert [first.reference, second.reference, next_year.reference] == [
        "BR-2025-0001", "BR-2025-0002", "BR-2026-0001"]
    assert str(first) == "BR-2025-0001"


@pytest.mark.django_db
def test_the_year_follows_copenhagen_time_not_utc():
    # 31 Dec 23:30 UTC is already 1 January in Copenhagen.
    case = CaseFactory(received_at=datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC))
    assert case.reference == "BR-2026-0001"


@pytest.mark.django_db
def test_prefix_is_configurable(settings):
    settings.BORGERRAADGIVER_REFERENCE_PREFIX = "BRG"
    assert CaseFactory().reference.startswith("BRG-")


@pytest.mark.django_db
def test_a_failed_save_leaves_no_gap():
    CaseFactory(received_at=datetime.datetime(2025, 3, 1, tzinfo=CPH))
    broken = Case(received_at=datetime.datetime(2025, 3, 2, tzinfo=CPH), channel="PHONE",
                  receipt_token=Case.objects.get().receipt_token)  # duplicate unique value
    with pytest.raises(IntegrityError), transaction.atomic():
        broken.save()
    assert broken.reference == ""
    assert CaseFactory(received_at=datetime.datetime(2025, 3, 3, tzinfo=CPH)).reference == \
        "BR-2025-0002"


@pytest.mark.django_db
def test_a_reference_collision_is_refused_and_nothing_is_saved():
    CaseFactory(received_at=datetime.datetime(2025, 3, 1, tzinfo=CPH))
    ReferenceCounter.objects.update(last_number=0)  # someone reset the counter by hand
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseFactory(received_at=datetime.datetime(2025, 3, 2, tzinfo=CPH))
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_next_reference_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        next_reference()


def _create_concurrently(workers, per_worker):
    barrier = threading.Barrier(workers)
    errors = []

    def work():
        try:
            barrier.wait()
            for _ in range(per_worker):
                CaseFactory(area=None)
        except Exception as error:  # reported below, with the test's failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_creation_gives_gap_free_unique_references():
    if connection.vendor == "postgresql":
        workers, per_worker = 20, 10
    else:
        workers, per_worker = 5, 8
    errors = _create_concurrently(workers, per_worker)
    assert errors == []
    numbers = sorted(int(ref.rsplit("-", 1)[1]) for ref in
                     Case.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, workers * per_worker + 1))


@pytest.mark.django_db
def test_a_case_with_an_area_no_longer_valid_is_refused_and_takes_no_number():
    closed = AreaFactory(valid_to=datetime.date(2024, 8, 31))
    with pytest.raises(ValidationError) as info:
        CaseFactory(area=closed, received_at=datetime.datetime(2025, 1, 10, tzinfo=CPH))
    assert "area" in info.value.message_dict
    assert Case.objects.count() == 0
    assert not ReferenceCounter.objects.filter(last_number__gt=0).exists()
    # A case received while the area was valid keeps it.
    assert CaseFactory(area=closed, received_at=datetime.datetime(2024, 8, 1, tzinfo=CPH)).pk


@pytest.mark.django_db
def test_taking_a_reference_is_one_statement_once_the_year_has_a_counter():
    from django.test.utils import CaptureQueriesContext

    CaseFactory()
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        reference = next_reference()
    assert reference.endswith("-0002")
    statements = [q["sql"] for q in queries.captured_queries
                  if not q["sql"].startswith(("BEGIN", "SAVEPOINT", "RELEASE"))]
    assert len(statements) == 1 and "RETURNING" in statements[0]


@pytest.mark.django_db
def test_references_stay_gap_free_where_update_returning_is_missing(monkeypatch):
    from borgerraadgiver_plugin import references

    monkeypatch.setattr(references, "_supports_returning", lambda connection: False)
    made = [CaseFactory(received_at=datetime.datetime(2024, 5, day, tzinfo=CPH)).reference
            for day in (1, 2, 3)]
    assert made == ["BR-2024-0001", "BR-2024-0002", "BR-2024-0003"]
