"""A valid POST to the ComplaintFormPage against a POST to a plain Wagtail FormPage.

Both pages have 16 questions and run in one process on the same, throw-away database: a
temporary SQLite file, or with DATABASE_URL=postgres://…/NAME a PostgreSQL database NAME_bench_form
that the benchmark creates beside NAME (never touched) and drops. Mail delivery is left to the
task worker (django-tasks' dummy backend), as in production. Targets: :data:`TARGETS` for the
time (issue 17) and at most the baseline's queries + 6 (issue 3). A last pair of series, for
analysis only, shows what the page costs without the transactional guarantees of its intake
(see ``_intake_as_plain_insert``).
"""

import gc
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from unittest import mock

ROUNDS = 100
#: Issue 17: no worse than the ratios measured when it was written.
TARGETS = {"sqlite": 1.05, "postgresql": 1.12}
ROOT = Path(__file__).resolve().parents[2]


def _configure():
    sys.path[:0] = [str(ROOT / "example_site"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.settings")
    url = os.environ.get("DATABASE_URL", "")
    scratch = None
    if url.startswith("postgres"):
        # A database of its own beside the one named, which is never touched or dropped.
        base, _slash, name = url.rpartition("/")
        name, _q, query = name.partition("?")
        url = f"{base}/{name}_bench_form" + (f"?{query}" if query else "")
        os.environ["DATABASE_URL"] = url
        create_pg_database(url)
    else:
        scratch = tempfile.mkdtemp(prefix="br-bench-form-")
        os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/bench.sqlite3"
    import django
    from django.conf import settings

    # Set before django.setup(): django-tasks builds its backends when tasks are imported.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.BORGERRAADGIVER_FORM_MIN_SECONDS = 0
    settings.BORGERRAADGIVER_FORM_RATE_LIMIT = 10**9
    settings.BORGERRAADGIVER_PRIVATE_ROOT = scratch or tempfile.mkdtemp(prefix="br-bench-")
    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    django.setup()
    return url, scratch


def _pg_admin(url):
    import psycopg

    base, name = url.rsplit("/", 1)
    return psycopg.connect(f"{base}/postgres", autocommit=True), name.split("?")[0]


def create_pg_database(url):
    connection, name = _pg_admin(url)
    with connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_pg_database(url):
    from django.db import connections

    connections.close_all()
    connection, name = _pg_admin(url)
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')


BASELINE_FIELDS = [
    ("Hvad vil du?", "radio", "Klage\nVejledning\nVejvisning\nForslag"),
    ("Område", "radio", "Børn\nSundhed\nJobcenter\nTeknik\nPolitik\nAnden myndighed\nVed ikke"),
    ("Hvad er der sket?", "multiline", ""),
    ("Hvornår?", "date", ""),
    ("Kontaktet enheden?", "radio", "Ja\nNej\nVed ikke"),
    ("Har de svaret?", "radio", "Ja\nNej"),
    ("Indbragt andetsteds?", "radio", "Nej\nKlageorgan\nTilsynet\nOmbudsmanden\nDomstol"),
    ("Drejer det sig om", "checkboxes", "Politik\nAnsættelse\nAnden myndighed"),
    ("Navn", "singleline", ""),
    ("E-mail", "email", ""),
    ("Telefon", "singleline", ""),
    ("Kontaktform", "radio", "E-mail\nTelefon"),
    ("Samtykke", "checkbox", ""),
    ("På vegne af en anden", "checkbox", ""),
    ("Navn på den anden", "singleline", ""),
    ("Bilag (henvisning)", "singleline", ""),
]


def build_pages():
    """Migrate, then the complaint form and the baseline FormPage with its 16 questions (the
    load proof in tests/load builds the same pair)."""
    from django.core.management import call_command
    from wagtail.models import Site

    from borgerraadgiver_plugin.cases.models import ComplaintFormPage
    from borgerraadgiver_plugin.models import Area
    from borgerraadgiver_plugin.provisioning import run_setup
    from tests.benchmarks.baseline.models import BaselineFormField, BaselineFormPage

    call_command("migrate", verbosity=0)
    run_setup()
    home = Site.objects.get(is_default_site=True).root_page
    for order, name in enumerate(["Børn", "Sundhed", "Jobcenter", "Teknik", "Politik"]):
        Area.objects.get_or_create(name=name, defaults={"sort_order": order})
    form_page = ComplaintFormPage(title="Borgerrådgiveren", slug="borgerraadgiveren",
                                  notification_emails="raadgiver@example.invalid")
    home.add_child(instance=form_page)
    baseline = BaselineFormPage(title="Formular", slug="formular")
    home.add_child(instance=baseline)
    for order, (label, field_type, choices) in enumerate(BASELINE_FIELDS):
        BaselineFormField.objects.create(page=baseline, sort_order=order, label=label,
                                         field_type=field_type, choices=choices,
                                         required=order in (0, 1, 2))
    return form_page, baseline, Area.objects.filter(is_external=False).first()


def _complaint_data(area):
    from borgerraadgiver_plugin.spam import issue_token

    return {
        "form_token": issue_token(), "website": "", "inquiry_type": "COMPLAINT",
        "area": str(area.pk), "account": "Jeg har ventet fire måneder på svar.",
        "matter_date": "01-09-2026", "unit_contacted": "yes", "unit_answered": "no",
        "elsewhere": "NO", "name": "Anne Hansen", "email": "anne@example.invalid",
        "phone": "56 57 57 57", "contact_preference": "EMAIL", "consent_contact_unit": "on",
    }


def baseline_answers():
    """What a citizen types into the baseline FormPage (the same story as the complaint)."""
    return {
        "hvad_vil_du": "Klage", "omrade": "Sundhed", "hvad_er_der_sket":
        "Jeg har ventet fire måneder på svar.", "hvornar": "2026-09-01",
        "kontaktet_enheden": "Ja", "har_de_svaret": "Nej", "indbragt_andetsteds": "Nej",
        "navn": "Anne Hansen", "e_mail": "anne@example.invalid", "telefon": "56 57 57 57",
        "kontaktform": "E-mail", "samtykke": "on",
    }


def _count_queries(client, url, data, expected_status):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # a full log (after migrate) would make the count 0
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == expected_status, response.status_code
    return len(queries)  # now: later requests reset the log the context reads from


def _time(client, url, data):
    start = time.perf_counter()
    client.post(url, data)
    return time.perf_counter() - start


def _medians(client, first, second):
    """Median seconds of ``ROUNDS`` POSTs of each ``(url, make_data)``, interleaved so both
    see the same load on a shared machine, and alternating which goes first."""
    times = ([], [])
    gc.collect()  # start both series from the same heap
    for n in range(ROUNDS):
        order = (0, 1) if n % 2 == 0 else (1, 0)
        for index in order:
            url, make_data = (first, second)[index]
            times[index].append(_time(client, url, make_data()))
    return statistics.median(times[0]), statistics.median(times[1])


def _intake_as_plain_insert():
    """Analysis only, never a mode of the product: the complaint form's intake reduced to what
    the FormPage does, one INSERT in autocommit. No reference counter, no transaction, no
    outbox rows, no task. What remains is the rest of the page: form, triage, spam defence,
    settings, areas and the redirect."""
    from borgerraadgiver_plugin.cases import intake

    def submit(form, *, page, settings, request=None):
        case = intake.build_case(form, settings)
        case.submission_key = intake.submission_key(form)
        case.reference = f"BENCH-{uuid.uuid4().hex[:20]}"
        case.save()  # with a reference set, Case.save() is Model.save(): no transaction
        return case

    return mock.patch.object(intake, "submit", submit)


def run():
    url, scratch = _configure()
    from django.db import connection
    from django.test import Client

    from borgerraadgiver_plugin.cases.models import Case

    try:
        form_page, baseline, area = build_pages()
        client = Client()
        complaint = (form_page.url, lambda: _complaint_data(area))
        plain = (baseline.url, baseline_answers)
        for _n in range(3):  # warm up both
            client.post(form_page.url, _complaint_data(area))
            client.post(baseline.url, baseline_answers())
        our_queries = _count_queries(client, form_page.url, _complaint_data(area), 302)
        base_queries = _count_queries(client, baseline.url, baseline_answers(), 200)
        ours, base = _medians(client, complaint, plain)
        receipt = Case.objects.filter(reference__startswith="BR-").order_by("-id").first()
        start = time.perf_counter()
        client.get(form_page.receipt_url(None, receipt))
        receipt_ms = (time.perf_counter() - start) * 1000
        with _intake_as_plain_insert():
            reduced, reduced_base = _medians(client, complaint, plain)
        lines = [
            f"database: {connection.vendor} ({ROUNDS} POSTs each, median)",
            f"complaint form POST: {ours * 1000:.1f} ms, {our_queries} queries",
            f"wagtail FormPage POST: {base * 1000:.1f} ms, {base_queries} queries",
            f"time ratio: {ours / base:.2f}x (target <= {TARGETS[connection.vendor]}x)",
            f"extra queries: {our_queries - base_queries:+d} (target <= +6)",
            f"receipt GET after the redirect: {receipt_ms:.1f} ms",
            "analysis, not the product: the same POST with intake reduced to one INSERT of the",
            "case in autocommit (no reference counter, transaction, outbox or task):",
            f"  {reduced * 1000:.1f} ms vs {reduced_base * 1000:.1f} ms, "
            f"ratio {reduced / reduced_base:.2f}x",
        ]
    finally:
        if url.startswith("postgres"):
            drop_pg_database(url)
        elif scratch:
            import shutil

            from django.db import connections

            connections.close_all()
            shutil.rmtree(scratch, ignore_errors=True)
    return lines
