"""Exports at scale: the case listing at 100,000 cases and the veteran registry at 10,000
contacts, as CSV and XLSX, against a plain ``values_list`` CSV of the same cases.

PostgreSQL, a database of its own (``BENCH_EXPORTS_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/br_bench_exports``; created and migrated when missing,
never the test database); the cases come from bench_case_listing's builder. Every export runs
in a fresh child process that reports its wall time and its peak resident memory
(``getrusage``), so one export's memory never hides in another's.

``BENCH_EXPORTS_BEFORE=<git revision or directory>`` (e.g. ``main``) measures that code's
exports in the same run, each beside today's and taken in turn, so a change is shown side by
side under the same load: ``make bench BENCH=bench_exports BENCH_EXPORTS_BEFORE=main``. The
audit entries an export writes are removed again before the next run, so reruns measure the
same database: removed after each export, and the log table vacuumed, so that neither side
inserts into the dead rows the other left (two million of them made the same CSV export take
11 s instead of 5 s).
"""

import csv
import datetime
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager

from tests.benchmarks.bench_case_listing import ROOT, _create_database, _seed, run_child

CONTACTS = 10_000
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/br_bench_exports"
CASES = "/admin/borgerraadgiver/cases/"
CONTACTS_URL = "/admin/borgerraadgiver/veterans/contacts/"
TARGETS = {  # label: (seconds, MiB)
    "cases CSV": (5, 200), "cases XLSX": (15, 250),
    "veterans CSV": (5, 200), "veterans XLSX": (15, 250),
}
RUNS = {
    "plain values_list CSV": "plain",
    "cases CSV": f"{CASES}?export=csv",
    "cases XLSX": f"{CASES}?export=xlsx",
    "veterans CSV": f"{CONTACTS_URL}?export=csv",
    "veterans XLSX": f"{CONTACTS_URL}?export=xlsx",
}


def run():
    url = os.environ.get("BENCH_EXPORTS_DATABASE_URL", DEFAULT_URL)
    before = os.environ.get("BENCH_EXPORTS_BEFORE")
    _create_database(url)
    yield _child(url, "seed")
    with _checkout(before) as before_root:
        base_seconds = base_mib = None
        for label, target in RUNS.items():
            seconds, mib, rows = _measure(url, target)
            base_seconds, base_mib = base_seconds or seconds, base_mib or mib
            line = f"{label:22s} {rows:>7s} rows"
            if before_root and target != "plain":
                old_seconds, old_mib, _rows = _measure(url, target, root=before_root)
                line += (f"  before {old_seconds:6.2f} s ({old_seconds / base_seconds:5.1f}x)"
                         f" {old_mib:5.0f} MiB ({old_mib / base_mib:4.1f}x)  now")
            yield (f"{line} {seconds:6.2f} s ({seconds / base_seconds:5.1f}x)"
                   f" {mib:5.0f} MiB ({mib / base_mib:4.1f}x)  {_verdict(label, seconds, mib)}")


def _verdict(label, seconds, mib):
    target = TARGETS.get(label)
    if not target:
        return "baseline"
    met = seconds <= target[0] and mib <= target[1]
    return f"target <= {target[0]} s, <= {target[1]} MiB: {'met' if met else 'MISSED'}"


def _measure(url, target, root=ROOT):
    seconds, mib, rows = _child(url, target, root=root).split()
    return float(seconds), float(mib), rows


@contextmanager
def _checkout(revision):
    """The source tree of ``revision`` in a temporary directory (None without one); a
    directory is taken as it is."""
    if not revision or os.path.isdir(revision):
        yield revision or None
        return
    with tempfile.TemporaryDirectory(prefix="bench-exports-") as folder:
        archive = subprocess.run(["git", "archive", revision], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield folder


def _child(url, target, root=ROOT):
    return run_child("tests.benchmarks.bench_exports", url, target, root=root).strip()


def _seed_themes():
    """Most cases have one or two themes, as in a real listing (the export names them)."""
    from borgerraadgiver_plugin.cases.models import Case
    from borgerraadgiver_plugin.models import Theme

    through = Case.themes.through
    if through.objects.exists():
        return
    themes = [Theme.objects.get_or_create(code=f"BENCH_{n}", defaults={"name": name})[0]
              for n, name in enumerate(["Sagsbehandlingstid", "Partshøring", "Vejledning"])]
    ids = Case.objects.filter(reference__startswith="BENCH-").values_list("id", flat=True)
    through.objects.bulk_create(
        (through(case_id=case_id, theme_id=theme.pk)
         for case_id in ids.iterator(chunk_size=5000)
         for theme in themes[:case_id % 3]), batch_size=5000)


def _seed_contacts():
    from borgerraadgiver_plugin.veterans.choices import ConsentScope
    from borgerraadgiver_plugin.veterans.models import NeedArea, VeteranConsent, VeteranContact

    have = VeteranContact.objects.count()
    if have >= CONTACTS:
        return
    contacts = VeteranContact.objects.bulk_create(
        [VeteranContact(name=f"Bench Veteran {n}", phone="56 57 57 57", mission="Bench")
         for n in range(have, CONTACTS)], batch_size=5000)
    given = datetime.date.today() - datetime.timedelta(days=30)
    VeteranConsent.objects.bulk_create(
        [VeteranConsent(contact=contact, scope=ConsentScope.REGISTRATION, given_on=given,
                        renew_by=given + datetime.timedelta(days=700), channel="PHONE")
         for contact in contacts], batch_size=5000)
    areas = list(NeedArea.objects.all()[:2])
    through = VeteranContact.need_areas.through
    through.objects.bulk_create(
        [through(veterancontact_id=contact.pk, needarea_id=area.pk)
         for contact in contacts for area in areas], batch_size=5000)


def _plain_csv():
    """The floor: the same cases as a bare values_list CSV, read in chunks."""
    from borgerraadgiver_plugin.cases.models import Case

    buffer, rows = io.StringIO(), 0
    writer = csv.writer(buffer)
    for row in Case.objects.values_list(
            "reference", "received_at", "channel", "inquiry_type", "origin", "status",
            "area__name", "next_deadline", "outcome", "closed_at").iterator(chunk_size=2000):
        writer.writerow(row)
        rows += 1
        if buffer.tell() > 1 << 16:
            buffer.seek(0)
            buffer.truncate()
    return rows


def _export(client, url):
    """Reads the response as a client would, a piece at a time, into a temporary file."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    output = tempfile.TemporaryFile()
    for piece in response.streaming_content if response.streaming else [response.content]:
        output.write(piece)
    response.close()
    return output


def _rows(output, url):
    output.seek(0)
    if url.endswith("xlsx"):
        import openpyxl

        sheet = openpyxl.load_workbook(output, read_only=True).active
        return sum(1 for _row in sheet.iter_rows(values_only=True)) - 1
    return sum(1 for _row in csv.reader(io.TextIOWrapper(output, encoding="utf-8"))) - 1


def _main(target):
    import django

    django.setup()
    from django.core.management import call_command

    if target == "seed":
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        user, _areas = _seed()
        _seed_themes()
        _seed_contacts()
        _forget_exports(user)  # earlier runs' export entries
        from borgerraadgiver_plugin.cases.models import Case
        from borgerraadgiver_plugin.veterans.models import VeteranContact

        return (f"{Case.objects.count()} cases, {VeteranContact.objects.count()} contacts, "
                f"seeded/checked in {time.perf_counter() - started:.1f} s")
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-admin"))
    started = time.perf_counter()
    output = _plain_csv() if target == "plain" else _export(client, target)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = output if target == "plain" else _rows(output, target)
    _forget_exports(get_user_model().objects.get(username="bench-admin"))
    return f"{seconds:.3f} {peak_mib:.1f} {rows}"


def _forget_exports(user):
    """The export entries of the bench's user removed, and their dead rows vacuumed away."""
    from django.db import connection
    from wagtail.models import ModelLogEntry

    ModelLogEntry.objects.filter(user=user).delete()
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(ModelLogEntry._meta.db_table)}")


if __name__ == "__main__":
    print(_main(sys.argv[1]))
