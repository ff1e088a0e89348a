"""Exports at scale: the case listing at 100,000 cases and the veteran registry at 10,000
contacts, as CSV and XLSX, against a plain ``values_list`` CSV of the same cases.

PostgreSQL, a database of its own (``BENCH_EXPORTS_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/br_bench_exports``; created and migrated when missing,
never the test database); the cases come from bench_case_listing's builder. Every export runs
in a fresh child process that reports its wall time and its peak resident memory
(``getrusage``), so one export's memory never hides in another's.
"""

import csv
import datetime
import io
import os
import resource
import sys
import tempfile
import time

from tests.benchmarks.bench_case_listing import _create_database, _seed, run_child

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
    _create_database(url)
    yield _child(url, "seed")
    base_seconds = base_mib = None
    for label, target in RUNS.items():
        seconds, mib, rows = _child(url, target).split()
        seconds, mib = float(seconds), float(mib)
        base_seconds, base_mib = base_seconds or seconds, base_mib or mib
        target = TARGETS.get(label)
        verdict = (f"target <= {target[0]} s, <= {target[1]} MiB: "
                   f"{'met' if seconds <= target[0] and mib <= target[1] else 'MISSED'}"
                   if target else "baseline")
        yield (f"{label:24s} {rows:>7s} rows {seconds:7.2f} s ({seconds / base_seconds:5.1f}x)"
               f" {mib:6.0f} MiB peak ({mib / base_mib:4.1f}x)  {verdict}")


def _child(url, target):
    return run_child("tests.benchmarks.bench_exports", url, target).strip()


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
        _seed_contacts()
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
    return f"{seconds:.3f} {peak_mib:.1f} {rows}"


if __name__ == "__main__":
    print(_main(sys.argv[1]))
