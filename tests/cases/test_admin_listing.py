"""The case listing: filters, search, ordering, pagination and bad input in the query string."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borgerraadgiver_plugin.cases import deadlines
from borgerraadgiver_plugin.cases.models import Case
from tests.factories import AreaFactory, CaseFactory

from .admin_helpers import url

pytestmark = pytest.mark.django_db


def listed(response):
    body = response.content.decode()
    return {case.reference for case in Case.objects.all() if case.reference in body}


def test_listing_filters_by_area_and_received_month(advisor_client):
    north, south = AreaFactory(name="Nord"), AreaFactory(name="Syd")
    may = timezone.make_aware(datetime.datetime(2025, 5, 10, 12))
    june = timezone.make_aware(datetime.datetime(2025, 6, 10, 12))
    wanted = CaseFactory(area=north, received_at=may)
    CaseFactory(area=north, received_at=june)
    CaseFactory(area=south, received_at=may)
    response = advisor_client.get(url("list"), {
        "area": north.pk, "received_from": "2025-05-01", "received_to": "2025-05-31"})
    assert response.status_code == 200
    assert listed(response) == {wanted.reference}


def test_listing_filters_overdue_and_due_this_week(advisor_client):
    today = timezone.localdate()
    overdue = CaseFactory()
    Case.objects.filter(pk=overdue.pk).update(next_deadline=today - datetime.timedelta(days=3))
    this_week = CaseFactory()
    Case.objects.filter(pk=this_week.pk).update(next_deadline=deadlines.week_bounds(today)[1])
    later = CaseFactory()
    Case.objects.filter(pk=later.pk).update(next_deadline=today + datetime.timedelta(days=30))
    assert listed(advisor_client.get(url("list"), {"deadline": "overdue"})) == {
        overdue.reference}
    assert listed(advisor_client.get(url("list"), {"deadline": "week"})) == {
        this_week.reference}


def test_listing_marks_an_overdue_deadline(advisor_client):
    case = CaseFactory()
    Case.objects.filter(pk=case.pk).update(next_deadline=timezone.localdate()
                                           - datetime.timedelta(days=1))
    assert "Overskredet" in advisor_client.get(url("list")).content.decode()


def test_listing_searches_reference_name_and_text(advisor_client):
    one = CaseFactory(citizen_name="Birthe Skov", account="Om skolebussen")
    CaseFactory(citizen_name="Carl Lund", account="Om hjemmehjælpen")
    assert listed(advisor_client.get(url("list"), {"q": "Skov"})) == {one.reference}
    assert listed(advisor_client.get(url("list"), {"q": "skolebus"})) == {one.reference}
    assert listed(advisor_client.get(url("list"), {"q": one.reference})) == {one.reference}


def test_listing_orders_by_received_both_ways(advisor_client):
    old = CaseFactory(received_at=timezone.now() - datetime.timedelta(days=10))
    new = CaseFactory()
    body = advisor_client.get(url("list"), {"ordering": "received_at"}).content.decode()
    assert body.index(old.reference) < body.index(new.reference)
    body = advisor_client.get(url("list"), {"ordering": "-received_at"}).content.decode()
    assert body.index(new.reference) < body.index(old.reference)


def test_listing_ignores_a_malformed_date_with_a_message(advisor_client):
    CaseFactory()
    response = advisor_client.get(url("list"), {"received_from": "2025-13-45"}, follow=True)
    assert response.status_code == 200
    assert "ikke forstået" in response.content.decode()
    assert len(listed(response)) == 1


def test_listing_ignores_an_unknown_choice_with_a_message(advisor_client):
    CaseFactory()
    response = advisor_client.get(url("list"), {"status": "NOPE", "area": "abc"})
    assert response.status_code == 200
    assert "ikke forstået" in response.content.decode()


@pytest.mark.parametrize("page", ["999999", "-3", "abc", "1e9", "0", "9" * 40])
def test_listing_survives_absurd_page_numbers(advisor_client, page):
    CaseFactory()
    response = advisor_client.get(url("list"), {"p": page})
    assert response.status_code == 200
    assert len(listed(response)) == 1


def test_last_page_read_from_the_other_end_holds_the_oldest_cases(advisor_client):
    start = timezone.now() - datetime.timedelta(days=100)
    cases = [CaseFactory(received_at=start + datetime.timedelta(days=n)) for n in range(45)]
    body = advisor_client.get(url("list"), {"p": "3"}).content.decode()
    oldest = {case.reference for case in cases[:5]}
    assert {ref for ref in oldest if ref in body} == oldest
    assert cases[5].reference not in body
    body = advisor_client.get(url("list"), {"p": "2"}).content.decode()
    assert all(case.reference in body for case in cases[5:25])


def test_listing_query_count_does_not_grow_with_page_size(advisor_client):
    area = AreaFactory()
    for _n in range(100):
        CaseFactory(area=area)
    advisor_client.get(url("list"))  # warm caches (content types, settings)
    counts = {}
    for size in (20, 100):
        with CaptureQueriesContext(connection) as queries:
            assert advisor_client.get(url("list"), {"per_page": size}).status_code == 200
        counts[size] = len(queries)
    assert counts[20] == counts[100]


def test_estimated_count_still_serves_exact_back_pages(advisor_client, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row estimates come from PostgreSQL's statistics")
    from borgerraadgiver_plugin.cases.views.listing import CasePaginator

    monkeypatch.setattr(CasePaginator, "estimate_above", 10)
    start = timezone.now() - datetime.timedelta(days=100)
    cases = [CaseFactory(received_at=start + datetime.timedelta(days=n)) for n in range(45)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE borgerraadgiver_cases_case")
    first = advisor_client.get(url("list"))
    assert first.status_code == 200
    assert cases[-1].reference in first.content.decode()
    body = advisor_client.get(url("list"), {"p": "3"}).content.decode()
    assert all(case.reference in body for case in cases[:5])
    assert cases[5].reference not in body


@pytest.mark.parametrize("query", [{"per_page": "abc"}, {"per_page": "100000"},
                                   {"ordering": "citizen_name"}, {"ordering": "; DROP"}])
def test_listing_ignores_unknown_page_sizes_and_orderings(advisor_client, query):
    CaseFactory()
    response = advisor_client.get(url("list"), query)
    assert response.status_code == 200
    assert len(listed(response)) == 1
