"""``make load``: the example site under gunicorn, with PostgreSQL and Redis, on loopback.

One command, bounded in count and time. It creates a database of its own beside the one
named by ``LOAD_DATABASE_URL`` (default: the local ``postgres`` database, never touched),
empties Redis DB 5, migrates, builds the complaint form and the benchmarks' plain Wagtail
FormPage (16 questions each), starts gunicorn on 127.0.0.1 and then, with httpx:

1. ``LOAD_SUBMISSIONS`` (200) inquiries from ``LOAD_CLIENTS`` (50) concurrent clients, each
   with its own address: GET the form, read its CSRF and form tokens as rendered, wait as a
   person would (past the too-fast check), POST. Each client sends the FormPage the same way
   beside it, so both POSTs are timed under the same load.
2. A burst of 100 POSTs from one address, while 10 ordinary clients (other addresses) send
   the form once each.

It checks: every inquiry stored once (exactly the number sent), references gap-free, no
error; the burst answered 429 with ``Retry-After`` and a Danish page after the limit, the
ordinary clients stored. It reports p50 and p95 of both POSTs and their ratio (target: the
complaint form's p95 at most 1.25x the FormPage's). Exit status 1 when a check fails (or,
with ``LOAD_STRICT=1``, when the timing target is missed). Settings: ``tests/load/settings.py``.
"""

import asyncio
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS = int(os.environ.get("LOAD_SUBMISSIONS", "200"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "50"))
BURST = 100
ORDINARY = 10
PORT = int(os.environ.get("LOAD_PORT", "9105"))
TIME_LIMIT = float(os.environ.get("LOAD_TIME_LIMIT", "600"))
ADMIN_DATABASE = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/5")
#: Seconds between a form's GET and its POST: past the load settings' too-fast check (1 s).
THINK = 1.1
TARGET_RATIO = 1.25
DANISH_LIMIT_TEXT = "mange gange på kort tid"


def configure():
    """Environment and Django for this process (the checks) and for gunicorn's workers."""
    base = ADMIN_DATABASE.rsplit("/", 1)[0]
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "tests.load.settings",
        "DATABASE_URL": f"{base}/borgerraadgiver_load",
        "REDIS_URL": REDIS_URL,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "example_site"), str(ROOT)]),
    })
    # One private folder for all gunicorn workers (there are no attachments in the load).
    os.environ.setdefault("BORGERRAADGIVER_PRIVATE_ROOT", tempfile.mkdtemp(prefix="br-load-"))
    sys.path[:0] = [str(ROOT / "example_site"), str(ROOT)]
    from tests.benchmarks.bench_form_submit import create_pg_database, drop_pg_database

    drop_pg_database(os.environ["DATABASE_URL"])  # a run stopped half-way left it behind
    create_pg_database(os.environ["DATABASE_URL"])
    import django
    import redis

    django.setup()
    redis.Redis.from_url(REDIS_URL).flushdb()


def build_site():
    from django.db import connections

    from tests.benchmarks.bench_form_submit import build_pages

    form_page, baseline, _area = build_pages()
    urls = form_page.url, baseline.url
    connections.close_all()
    return urls


def start_gunicorn():
    command = [sys.executable, "-m", "gunicorn", "example_site.wsgi:application",
               "--bind", f"127.0.0.1:{PORT}", "--workers", "2", "--worker-class", "gthread",
               "--threads", "8", "--timeout", "60", "--keep-alive", "75",
               "--log-level", "warning",
               "--chdir", str(ROOT)]
    return subprocess.Popen(command, env=os.environ.copy(), start_new_session=True)


async def wait_until_up(base, server, seconds=60):
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit("gunicorn stopped while starting")
            try:
                await client.get("/")
                return
            except httpx.TransportError:
                await asyncio.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


class Run:
    """What the clients saw: POST times per page, and every unexpected answer."""

    def __init__(self, complaint_url, baseline_url):
        self.complaint_url, self.baseline_url = complaint_url, baseline_url
        self.times = {"complaint": [], "formpage": []}
        self.errors = []

    async def send(self, what, request, *args, **kwargs):
        """``request(*args, **kwargs)``; None, counted as an error, when the connection fails."""
        try:
            return await request(*args, **kwargs)
        except httpx.HTTPError as error:
            self.errors.append(f"{what}: {type(error).__name__} {error}")
            return None

    def expect(self, response, status, what):
        if response is None:
            return False
        if response.status_code != status:
            self.errors.append(f"{what}: {response.status_code} (expected {status})")
            return False
        return True

    async def complaint(self, client, address, email, timed=True):
        """One citizen: the form as rendered, their answers, the POST; the response."""
        from tests.core.public_form_support import encode, fill

        headers = {"X-Forwarded-For": address}
        page = await self.send("complaint GET", client.get, self.complaint_url, headers=headers)
        if not self.expect(page, 200, "complaint GET"):
            return None
        pairs = fill(page.text, {**COMPLAINT_ANSWERS, "area": self.area(page.text),
                                 "email": email})
        body, content_type = encode(pairs, multipart=True)
        await asyncio.sleep(THINK)
        started = time.perf_counter()
        response = await self.send("complaint POST", client.post, self.complaint_url,
                                   content=body, headers={**headers, "Content-Type": content_type})
        if timed and response is not None:
            self.times["complaint"].append(time.perf_counter() - started)
        return response

    async def formpage(self, client, address):
        from tests.benchmarks.bench_form_submit import baseline_answers
        from tests.core.public_form_support import fill

        headers = {"X-Forwarded-For": address}
        page = await self.send("FormPage GET", client.get, self.baseline_url, headers=headers)
        if not self.expect(page, 200, "FormPage GET"):
            return
        body = urlencode(fill(page.text, baseline_answers(), form_class=None)).encode()
        await asyncio.sleep(THINK)
        started = time.perf_counter()
        response = await self.send("FormPage POST", client.post, self.baseline_url,
                                   content=body, headers={
                                       **headers,
                                       "Content-Type": "application/x-www-form-urlencoded"})
        if self.expect(response, 200, "FormPage POST"):
            self.times["formpage"].append(time.perf_counter() - started)

    @staticmethod
    def area(html):
        """The first area the form offers (its value as rendered)."""
        from tests.core.public_form_support import controls

        return next(value for name, _kind, value, _selected in controls(html)
                    if name == "area" and value)


COMPLAINT_ANSWERS = {
    "inquiry_type": "COMPLAINT", "account": "Jeg har ventet fire måneder på svar.",
    "unit_contacted": "yes", "unit_answered": "no", "elsewhere": "NO", "name": "Anne Hansen",
    "contact_preference": "EMAIL", "consent_contact_unit": "on",
}


async def submissions(run, base):
    """Phase 1: SUBMISSIONS inquiries from CLIENTS clients, the FormPage beside each."""
    async def one_client(index):
        address = f"10.1.{index // 250}.{index % 250 + 1}"
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            for number in range(index, SUBMISSIONS, CLIENTS):
                if number % 2:
                    await run.formpage(client, address)
                response = await run.complaint(client, address, f"borger{number}@example.invalid")
                run.expect(response, 302, "complaint POST")
                if not number % 2:
                    await run.formpage(client, address)

    await asyncio.gather(*(one_client(index) for index in range(CLIENTS)))


async def burst(run, base):
    """Phase 2: 100 POSTs from one address, and 10 ordinary clients beside them."""
    from tests.core.public_form_support import encode, fill

    limited = []

    async def flood():
        address = "10.9.9.9"
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            page = await run.send("burst GET", client.get, run.complaint_url,
                                  headers={"X-Forwarded-For": address})
            if not run.expect(page, 200, "burst GET"):
                return 0
            pairs = fill(page.text, {**COMPLAINT_ANSWERS, "area": run.area(page.text),
                                     "email": "flood@example.invalid"})
            body, content_type = encode(pairs, multipart=True)
            await asyncio.sleep(THINK)
            async def sender(count):
                for _n in range(count):
                    response = await run.send("burst POST", client.post, run.complaint_url,
                                              content=body, headers={
                                                  "X-Forwarded-For": address,
                                                  "Content-Type": content_type})
                    if response is not None:
                        limited.append(response)

            started = time.monotonic()  # ten connections from the one address at once
            await asyncio.gather(*(sender(BURST // 10) for _n in range(10)))
            return time.monotonic() - started

    async def ordinary(index):
        async with httpx.AsyncClient(base_url=base, timeout=60) as client:
            response = await run.complaint(client, f"10.2.0.{index + 1}",
                                           f"ordinary{index}@example.invalid", timed=False)
            return run.expect(response, 302, "ordinary POST")

    seconds, *stored = await asyncio.gather(flood(), *(ordinary(n) for n in range(ORDINARY)))
    return limited, seconds, sum(stored)


def check_burst(run, responses, seconds):
    from borgerraadgiver_plugin import conf

    limit = conf.get("BORGERRAADGIVER_FORM_RATE_LIMIT")
    accepted = [r for r in responses if r.status_code == 302]
    refused = [r for r in responses if r.status_code == 429]
    if len(accepted) != limit or len(refused) != BURST - limit:
        run.errors.append(f"burst: {len(accepted)} accepted, {len(refused)} refused "
                          f"(expected {limit} and {BURST - limit})")
    if len({r.headers.get("Location") for r in accepted}) > 1:
        run.errors.append("burst: the same form sent again was stored twice")
    for response in refused:
        if not response.headers.get("Retry-After", "").isdigit() or \
                DANISH_LIMIT_TEXT not in response.text:
            run.errors.append("burst: a 429 without Retry-After or the Danish text")
            break
    if seconds > 60:
        run.errors.append(f"burst: took {seconds:.0f} s, more than a minute")
    retry = refused[0].headers.get("Retry-After") if refused else "-"
    return (f"burst of {BURST} POSTs from one address in {seconds:.1f} s: {len(accepted)} "
            f"accepted (one inquiry), {len(refused)} refused with 429, Retry-After {retry} s, "
            f"Danish page")


def check_cases(run, expected):
    from borgerraadgiver_plugin.cases.models import Case
    from tests.benchmarks.baseline.models import BaselineFormPage

    references = list(Case.objects.values_list("reference", flat=True))
    by_year = {}
    for reference in references:
        _prefix, year, number = reference.split("-")
        by_year.setdefault(year, []).append(int(number))
    for year, numbers in by_year.items():
        if sorted(numbers) != list(range(1, len(numbers) + 1)):
            run.errors.append(f"references of {year} are not gap-free")
    if len(references) != expected:
        run.errors.append(f"{len(references)} cases stored, expected {expected}")
    formpage = BaselineFormPage.objects.get()
    if (count := formpage.get_submission_class().objects.count()) != SUBMISSIONS:
        run.errors.append(f"{count} FormPage submissions stored, expected {SUBMISSIONS}")
    spans = ", ".join(f"BR-{year}-0001..{max(numbers):04d}"
                      for year, numbers in sorted(by_year.items()))
    return f"cases stored: {len(references)} (expected {expected}), references {spans}"


def percentiles(times):
    milliseconds = sorted(t * 1000 for t in times)
    return statistics.median(milliseconds), statistics.quantiles(milliseconds, n=20)[18]


async def drive(run, base, server):
    await wait_until_up(base, server)
    started = time.monotonic()
    await submissions(run, base)
    phase_one = time.monotonic() - started
    responses, seconds, stored = await burst(run, base)
    return phase_one, responses, seconds, stored


def main():
    started = time.monotonic()
    configure()
    complaint_url, baseline_url = build_site()
    run = Run(complaint_url, baseline_url)
    base = f"http://127.0.0.1:{PORT}"
    server = start_gunicorn()
    try:
        phase_one, responses, seconds, stored = asyncio.run(
            asyncio.wait_for(drive(run, base, server), TIME_LIMIT))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    lines = [f"load: {SUBMISSIONS} submissions from {CLIENTS} concurrent clients in "
             f"{phase_one:.1f} s; gunicorn 2 workers x 8 threads, PostgreSQL, Redis"]
    complaint, formpage = percentiles(run.times["complaint"]), percentiles(run.times["formpage"])
    ratio = complaint[1] / formpage[1]
    lines += [
        f"complaint form POST: p50 {complaint[0]:.0f} ms, p95 {complaint[1]:.0f} ms "
        f"({len(run.times['complaint'])} timed)",
        f"wagtail FormPage POST: p50 {formpage[0]:.0f} ms, p95 {formpage[1]:.0f} ms "
        f"({len(run.times['formpage'])} timed)",
        f"p95 ratio: {ratio:.2f}x (target <= {TARGET_RATIO}x: "
        f"{'met' if ratio <= TARGET_RATIO else 'MISSED'})",
        check_burst(run, responses, seconds),
        f"ordinary clients during the burst: {stored} of {ORDINARY} stored",
        check_cases(run, SUBMISSIONS + 1 + ORDINARY),
        f"errors: {len(run.errors)}",
        *(f"  {error}" for error in run.errors[:20]),
        f"total {time.monotonic() - started:.0f} s",
    ]
    from django.db import connections

    from tests.benchmarks.bench_form_submit import drop_pg_database

    if not os.environ.get("LOAD_KEEP"):
        drop_pg_database(os.environ["DATABASE_URL"])
    connections.close_all()
    print("\n".join(lines))
    strict = os.environ.get("LOAD_STRICT") and ratio > TARGET_RATIO
    return 1 if run.errors or strict else 0


if __name__ == "__main__":
    sys.exit(main())
