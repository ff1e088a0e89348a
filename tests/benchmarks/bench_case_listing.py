"""The case listing at 100,000 cases, against a stock Wagtail snippet listing of the same size.

Runs on PostgreSQL in a database of its own (``BENCH_CASES_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/br_bench_admin``; created and migrated when missing,
never the test database). The measuring happens in a child process, so the benchmark's
database never mixes with another benchmark's Django setup. Seeding is idempotent: a rerun
reuses the rows. Timings are medians of several requests through Django's test client; the
plain listing is measured in the same run, and the figures are reported as ratios.
"""

import datetime
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROWS = 100_000
EVENTS_PER_CASE = 2
REPEATS = 15
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/br_bench_admin"
ROOT = Path(__file__).resolve().parents[2]


def run():
    url = os.environ.get("BENCH_CASES_DATABASE_URL", DEFAULT_URL)
    _create_database(url)
    return run_child("tests.benchmarks.bench_case_listing", url).splitlines()


def run_child(module, url, *args, root=ROOT):
    """Run a benchmark module in a fresh interpreter on the database ``url``; its stdout.
    ``root`` is the source tree it runs from (another checkout, to compare code)."""
    env = {**os.environ, "DATABASE_URL": url,
           "DJANGO_SETTINGS_MODULE": "tests.benchmarks.settings",
           "PYTHONPATH": os.pathsep.join([str(Path(root) / "example_site"), str(root)])}
    child = subprocess.run([sys.executable, "-m", module, *args],
                           env=env, cwd=root, capture_output=True, text=True, check=False)
    if child.returncode:
        raise RuntimeError(child.stderr[-3000:])
    return child.stdout


def _create_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                    [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def _seed():
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from borgerraadgiver_plugin.cases.models import Case, CaseEvent
    from borgerraadgiver_plugin.cases.models.timeline import EventKind
    from borgerraadgiver_plugin.choices import CaseStatus, Channel, InquiryType
    from borgerraadgiver_plugin.models import Area
    from tests.benchmarks.baseline.models import PlainCase

    user, _created = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_superuser": True, "is_staff": True})
    if not user.is_superuser:
        user.is_superuser = True
        user.save()
    areas = list(Area.objects.all())
    if len(areas) < 6:
        areas += [Area.objects.create(name=f"Bench-område {n}") for n in range(6 - len(areas))]
    rng = random.Random(4)
    now = timezone.now()
    statuses = [CaseStatus.CLOSED] * 8 + [CaseStatus.OPEN, CaseStatus.AWAITING_UNIT]
    types = list(InquiryType.values)
    have = Case.objects.count()
    seeded = have < ROWS or PlainCase.objects.count() < ROWS
    if have < ROWS:
        cases = []
        for number in range(have, ROWS):
            received = now - datetime.timedelta(minutes=rng.randint(1, 730 * 24 * 60))
            status = rng.choice(statuses)
            due = (received.date() + datetime.timedelta(days=14)) if status != "CLOSED" else None
            cases.append(Case(reference=f"BENCH-{number + 1:06d}", channel=Channel.PHONE,
                              receipt_token=f"bench-{number}", citizen_name="Bench Borger",
                              received_at=received, inquiry_type=rng.choice(types),
                              area=rng.choice(areas), status=status, next_deadline=due,
                              assigned_to=user))
        Case.objects.bulk_create(cases, batch_size=5000)
        ids = list(Case.objects.filter(reference__startswith="BENCH-", events__isnull=True)
                   .values_list("id", "received_at"))
        events = [CaseEvent(case_id=case_id, kind=EventKind.NOTE, occurred_at=received,
                            author=user, text="Henvendelsen er registreret.")
                  for case_id, received in ids for _n in range(EVENTS_PER_CASE)]
        CaseEvent.objects.bulk_create(events, batch_size=10000)
    # The baseline copies the cases' columns, row for row; filled on its own, so a database
    # whose cases were seeded before the baseline had its own app gets its baseline too.
    if PlainCase.objects.count() < ROWS:
        PlainCase.objects.all().delete()
        columns = ("reference", "received_at", "inquiry_type", "area_id", "status",
                   "next_deadline", "assigned_to_id")
        PlainCase.objects.bulk_create(
            (PlainCase(**dict(zip(columns, row, strict=True)))
             for row in Case.objects.filter(reference__startswith="BENCH-")
             .values_list(*columns).iterator(chunk_size=5000)),
            batch_size=5000)
    if seeded:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return user, areas


def _fetch(client, url):
    response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _count_queries(client, url):
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        _fetch(client, url)
    return len(queries)


def _timed_round_robin(client, urls, repeats=REPEATS):
    """Median time per URL, the URLs taken in turn (see :func:`timed_in_turn`)."""
    return timed_in_turn({label: (lambda url=url: _fetch(client, url))
                          for label, url in urls.items()}, repeats)


def timed_in_turn(calls, repeats):
    """Median time per call (label -> function of no arguments), the calls taken in turn so
    that load from other processes on a shared machine falls on all of them alike."""
    timings = {label: [] for label in calls}
    for call in calls.values():
        call()  # warm up
    for _n in range(repeats):
        for label, call in calls.items():
            start = time.perf_counter()
            call()
            timings[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in timings.items()}


def _measure():
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from borgerraadgiver_plugin.cases.models import Case

    started = time.perf_counter()
    user, areas = _seed()
    seeded = time.perf_counter() - started
    client = Client()
    client.force_login(user)
    plain = "/admin/snippets/bench_baseline/plaincase/"
    cases = "/admin/borgerraadgiver/cases/"
    last_plain = (ROWS + 19) // 20
    month = timezone.localdate() - datetime.timedelta(days=60)
    first_day = month.replace(day=1)
    last_day = (first_day + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(
        days=1)
    area = areas[0]
    filtered = (f"{cases}?area={area.pk}&received_from={first_day:%Y-%m-%d}"
                f"&received_to={last_day:%Y-%m-%d}")
    export = (f"{cases}?received_from={first_day:%Y-%m-%d}&received_to={last_day:%Y-%m-%d}"
              f"&export=csv")
    urls = {
        "plain first page": plain,
        "plain last page": f"{plain}?p={last_plain}",
        "cases first page": cases,
        "cases filtered page (one area, one month)": filtered,
        "cases last page": f"{cases}?p={last_plain}",
        "cases first page, 100 rows": f"{cases}?per_page=100",
    }
    timings = _timed_round_robin(client, urls)
    timings["cases export of one month (CSV)"] = _timed_round_robin(
        client, {"export": export}, repeats=3)["export"]
    urls["cases export of one month (CSV)"] = export
    figures = {label: (timings[label], _count_queries(client, url))
               for label, url in urls.items()}
    base = figures["plain first page"][0]
    lines = [f"{Case.objects.count()} cases, seeded/checked in {seeded:.1f} s; "
             f"medians of {REPEATS} requests taken in turn"]
    for label, (seconds, queries) in figures.items():
        lines.append(f"{label:45s} {seconds * 1000:8.1f} ms  {seconds / base:5.2f}x plain first"
                     f"  {queries} queries")
    lines.append("targets: first and filtered <= 1.0x, last <= 1.5x, "
                 "same query count at 20 and 100 rows")
    return lines


if __name__ == "__main__":
    for line in _measure():
        print(line)
