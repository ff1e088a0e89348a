"""borgerraadgiver_statistics at 100,000 and at 10,000 cases over five years: the whole JSON for
one year, and the admin's statistics screen.

Runs on PostgreSQL in a database of its own (``BENCH_STATISTICS_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/br_bench_statistics``), in a child process, like
bench_case_listing (whose database helper it reuses); the 10,000 cases in the same name with
"_10000" added. Seeding is idempotent. Targets: the JSON <= 1 s and <= 40 queries; the screen
<= 1.5 s at 100,000 cases and <= 0.3 s at 10,000.
"""

import datetime
import io
import os
import random
import statistics
import sys
import time

from tests.benchmarks.bench_case_listing import _create_database, run_child

#: The two sizes measured, each in a database of its own: the issue's 100,000 cases and a
#: smaller municipality's 10,000 (the statistics screen's target is 1.5 s and 0.3 s).
SIZES = {100_000: 1.5, 10_000: 0.3}
YEARS = 5
REPEATS = 5
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/br_bench_statistics"


def run():
    base = os.environ.get("BENCH_STATISTICS_DATABASE_URL", DEFAULT_URL)
    lines = []
    for rows in SIZES:
        url = base if rows == max(SIZES) else f"{base}_{rows}"
        _create_database(url)
        lines += run_child("tests.benchmarks.bench_statistics", url, str(rows)).splitlines()
    return lines


def _seed(today, rows):
    from django.utils import timezone

    from borgerraadgiver_plugin import choices
    from borgerraadgiver_plugin.cases.models import Case, CaseHandlingMethod
    from borgerraadgiver_plugin.models import Area, Theme

    have = Case.objects.filter(reference__startswith="STAT-").count()
    if have >= rows:
        _seed_forwardings()
        return
    areas = list(Area.objects.all())[:8]
    areas += [Area.objects.create(name=f"Bench-center {n}") for n in range(8 - len(areas))]
    themes = [Theme.objects.get_or_create(code=f"bench-{n}", defaults={"name": f"Tema {n}"})[0]
              for n in range(10)]
    rng = random.Random(13)
    now = timezone.make_aware(datetime.datetime.combine(today, datetime.time(12)))
    cases = []
    for number in range(have, rows):
        received = now - datetime.timedelta(minutes=rng.randint(1, YEARS * 365 * 24 * 60))
        closed = received + datetime.timedelta(days=rng.randint(0, 200), hours=rng.randint(0, 9))
        status = choices.CaseStatus.CLOSED if closed < now and rng.random() < 0.95 else (
            choices.CaseStatus.OPEN)
        rejected = rng.random() < 0.1
        cases.append(Case(
            reference=f"STAT-{number + 1:06d}", receipt_token=f"stat-{number}",
            received_at=received, closed_at=closed if status == choices.CaseStatus.CLOSED
            else None, status=status, area=rng.choice(areas),
            channel=rng.choice(choices.Channel.values),
            inquiry_type=rng.choice(choices.InquiryType.values),
            origin=rng.choice([choices.CaseOrigin.CITIZEN] * 20 + choices.CaseOrigin.values),
            requester_role=rng.choice(choices.RequesterRole.values),
            outcome=rng.choice(choices.Outcome.values),
            criticism_level=rng.choice([""] * 8 + choices.CriticismLevel.values),
            rejection_reason=rng.choice(choices.RejectionReason.values) if rejected else "",
        ))
    Case.objects.bulk_create(cases, batch_size=5000)
    ids = list(Case.objects.filter(reference__startswith="STAT-").values_list("pk", flat=True))
    CaseHandlingMethod.objects.bulk_create([
        CaseHandlingMethod(case_id=pk, method=rng.choice(choices.HandlingMethod.values))
        for pk in ids if rng.random() < 0.6], batch_size=10000)
    links = Case.themes.through
    links.objects.bulk_create([links(case_id=pk, theme_id=rng.choice(themes).pk)
                               for pk in ids if rng.random() < 0.4], batch_size=10000)
    _seed_forwardings()


def _seed_forwardings():
    """A fifth of the cases forwarded to their area, most of them answered within 25 days
    (a database seeded before forwarded_results existed gets them on its next run)."""
    from django.db import connection

    from borgerraadgiver_plugin import choices
    from borgerraadgiver_plugin.cases.models import Case, Forwarding

    cases = Case.objects.filter(reference__startswith="STAT-")
    if Forwarding.objects.filter(case__in=cases).exists():
        return
    rng = random.Random(17)
    forwardings = []
    for pk, area_id, received in cases.values_list("pk", "area_id", "received_at"):
        if rng.random() >= 0.2:
            continue
        sent = received.date() + datetime.timedelta(days=rng.randint(0, 5))
        answered = sent + datetime.timedelta(days=rng.randint(1, 25))
        forwardings.append(Forwarding(
            case_id=pk, unit_id=area_id, sent_on=sent, due_on=sent + datetime.timedelta(days=14),
            answered_on=answered if rng.random() < 0.9 else None,
            upheld=rng.choice(["", *choices.UpheldValue.values])))
    Forwarding.objects.bulk_create(forwardings, batch_size=10000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _measure(rows):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from borgerraadgiver_plugin.cases.models import Case

    today = timezone.localdate()
    started = time.perf_counter()
    _seed(today, rows)
    seeded = time.perf_counter() - started
    year = today.year - 1
    args = ["borgerraadgiver_statistics", "--from", f"{year}-01-01", "--to", f"{year}-12-31"]

    def once():
        out = io.StringIO()
        start = time.perf_counter()
        call_command(*args, stdout=out)
        return time.perf_counter() - start, len(out.getvalue())

    once()  # warm up
    timings = [once()[0] for _n in range(REPEATS)]
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        size = once()[1]
    screen = _time_screen(year)
    plain = []
    for _n in range(REPEATS):  # the scale on this machine now: one plain GROUP BY
        start = time.perf_counter()
        list(Case.objects.values("area_id").annotate(n=Count("pk")).order_by())
        plain.append(time.perf_counter() - start)
    return [
        f"{Case.objects.count()} cases over {YEARS} years, seeded/checked in {seeded:.1f} s",
        f"statistics JSON for {year} ({size} bytes): median {statistics.median(timings) * 1000:.0f}"
        f" ms of {REPEATS}, {len(queries)} queries",
        f"the admin's statistics screen for {year} (tables, charts, patterns): median "
        f"{statistics.median(screen) * 1000:.0f} ms of {REPEATS}",
        f"one plain GROUP BY over all cases: median {statistics.median(plain) * 1000:.0f} ms",
        f"target: JSON <= 1000 ms and <= 40 queries; the screen <= {SIZES[rows] * 1000:.0f} ms",
    ]


def _time_screen(year):
    """The statistics screen as the advisor opens it, through the whole Django stack."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import override_settings

    user, _created = get_user_model().objects.get_or_create(
        username="bench-statistics", defaults={"is_superuser": True, "is_staff": True})
    client = Client()
    client.force_login(user)
    url = f"/admin/borgerraadgiver/reports/statistics/?start={year}-01-01&end={year}-12-31"
    timings = []
    with override_settings(ALLOWED_HOSTS=["*"]):
        for _n in range(REPEATS + 1):
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise RuntimeError(f"the statistics screen answered {response.status_code}")
    return timings[1:]  # the first one warms templates and caches


if __name__ == "__main__":
    for line in _measure(int(sys.argv[1])):
        print(line)
