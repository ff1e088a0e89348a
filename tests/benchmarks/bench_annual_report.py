"""The published annual report against a plain Wagtail page with the same amount of text, and
the PDF of a report of about 30 pages.

Both pages go through the full Django stack (middleware, Wagtail routing, the site's base
template) from a throw-away SQLite database with 2,000 cases. The plain page is the example
site's ordinary content page (a StreamField of headings and paragraphs) holding the report's
text. Targets: the report at most 1.2 times the plain page, with no statistics query (it
renders from its frozen figures); the 30-page PDF within 10 s.
"""

import datetime
import io
import re
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks.bench_learning_index import _setup_django

CASES = 2000
ROUNDS = 60
WARM_UP = 5
TARGET = 1.2
PDF_TARGET_SECONDS = 10
PDF_BODY_REPEATS = 6  # the demo's body six times: about 30 pages

def _build():
    import random

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Site

    from borgerraadgiver_plugin.cases.models import Case
    from borgerraadgiver_plugin.choices import CaseStatus, InquiryType
    from borgerraadgiver_plugin.models import Area
    from borgerraadgiver_plugin.provision import seed
    from borgerraadgiver_plugin.reports.demo import BODY
    from borgerraadgiver_plugin.reports.models import AnnualReportPage

    call_command("migrate", verbosity=0)
    seed()
    rng = random.Random(7)  # noqa: S311 - test data
    areas = [Area.objects.create(name=f"Center {n}") for n in range(6)]
    start = timezone.make_aware(datetime.datetime(2024, 1, 1, 9))
    cases = []
    for number in range(CASES):
        received = start + datetime.timedelta(hours=rng.randint(0, 2 * 365 * 24))
        closed = received + datetime.timedelta(days=rng.randint(1, 90))
        cases.append(Case(reference=f"BENCH-{number}", receipt_token=f"bench-{number}",
                          received_at=received, closed_at=closed, status=CaseStatus.CLOSED,
                          area=rng.choice(areas), inquiry_type=rng.choice(InquiryType.values)))
    Case.objects.bulk_create(cases)
    home = Site.objects.get(is_default_site=True).root_page
    report = AnnualReportPage(title="Beretning 2025", slug="beretning", body=BODY,
                              period_start=datetime.date(2025, 1, 1),
                              period_end=datetime.date(2025, 12, 31))
    long_report = AnnualReportPage(title="Lang beretning 2025", slug="lang-beretning",
                                   body=BODY * PDF_BODY_REPEATS,
                                   period_start=report.period_start,
                                   period_end=report.period_end)
    for page in (report, long_report):
        home.add_child(instance=page)
        page.save_revision().publish()
    return home, report, long_report


def _plain_page(home, text):
    """The example site's content page with ``text`` as paragraphs under a few headings."""
    from home.models import ContentPage

    body = []
    for number, start in enumerate(range(0, len(text), 400)):
        if number % 4 == 0:
            body.append(("heading", f"Afsnit {number // 4 + 1}"))
        body.append(("paragraph", f"<p>{text[start:start + 400]}</p>"))
    page = ContentPage(title="Plain page", slug="plain-page", body=body)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def _time(client, url):
    started = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed, response


def run():
    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        _setup_django(Path(folder) / "bench.sqlite3")
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings
        from pypdf import PdfReader

        lines = []
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            home, report, long_report = _build()
            client = Client()
            article = client.get(report.url).content.decode().split("<article", 1)[1]
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article.split("</article>")[0]))
            plain = _plain_page(home, text)
            requests = [("plain", plain.url), ("report", report.url)]
            for _round in range(WARM_UP):
                for _name, url in requests:
                    _time(client, url)
            timings = {name: [] for name, _url in requests}
            for number in range(ROUNDS):
                shift = number % len(requests)
                for name, url in requests[shift:] + requests[:shift]:
                    timings[name].append(_time(client, url)[0])
            base, ours = (statistics.median(timings[name]) for name in ("plain", "report"))
            ratio = ours / base
            with CaptureQueriesContext(connection) as captured:
                client.get(report.url)
            case_queries = [q for q in captured if "borgerraadgiver_cases_case" in q["sql"]]
            lines.append(f"plain content page with the report's {len(text)} characters of text: "
                         f"{base * 1000:.1f} ms (median of {ROUNDS})")
            lines.append(f"published report from its snapshot: {ours * 1000:.1f} ms = "
                         f"{ratio:.2f}x plain ({'ok' if ratio <= TARGET else 'OVER the target'}); "
                         f"{len(captured)} queries, {len(case_queries)} on cases")
            seconds, response = _time(client, long_report.url + "pdf/")
            pages = len(PdfReader(io.BytesIO(response.content)).pages)
            verdict = "ok" if seconds <= PDF_TARGET_SECONDS else "OVER the target"
            lines.append(f"PDF of a {pages}-page report: {seconds:.1f} s "
                         f"(target {PDF_TARGET_SECONDS} s: {verdict})")
        return lines
