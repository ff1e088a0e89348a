"""Similar earlier cases at 100,000 cases with Danish texts and themes, on PostgreSQL.

Runs in a database of its own (``BENCH_SIMILAR_DATABASE_URL``, default
``postgres://postgres@127.0.0.1:5432/br_bench_similar``), seeded by the case-listing
benchmark's builder and then given texts drawn from a Danish vocabulary and one or two themes
per case (idempotent: a rerun reuses the rows). Measured in a child process: the median time
of ``similar_cases(case)`` for cases picked at random, taken in turn with one plain indexed
query (the five latest earlier cases of the same area) as the side-by-side baseline. Target:
a median of at most 50 ms.
"""

import itertools
import os
import random
import statistics
import time

from tests.benchmarks.bench_case_listing import _create_database, run_child, timed_in_turn

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/br_bench_similar"
REPEATS = 40
TARGET_MS = 50

SUBJECTS = ["hjemmehjælp", "kontanthjælp", "handicapbil", "hjælpemidler", "boligstøtte",
            "sygedagpenge", "ressourceforløb", "plejebolig", "skolebus", "specialskole",
            "byggetilladelse", "affaldsordning", "parkering", "tandpleje", "genoptræning",
            "madservice", "rengøring", "ledsagelse", "aflastning", "merudgifter",
            "tabt arbejdsfortjeneste", "fleksjob", "førtidspension", "anbringelse",
            "børnefaglig undersøgelse", "praktisk hjælp", "personlig pleje", "hjemmesygepleje",
            "kørsel", "tilskud til medicin"]
COMPLAINTS = ["har ikke fået svar på sin ansøgning om", "har ventet i flere måneder på en "
              "afgørelse om", "fik afslag uden begrundelse på", "blev ikke partshørt inden "
              "afgørelsen om", "mangler klagevejledning i afgørelsen om", "oplever at "
              "sagsbehandleren er uvenlig i sagen om", "har ikke fået vejledning om",
              "har fået frataget", "er uenig i vurderingen af behovet for",
              "har fået en afgørelse uden partshøring om"]
CONTEXT = ["Borgeren har ringet flere gange", "Sagen har været behandlet i tre forvaltninger",
           "Der er sendt aktindsigt", "Borgeren er ældre og bor alene", "Forælderen skriver på "
           "vegne af sit barn", "Jobcentret har ikke ringet tilbage", "Borgeren har klaget før",
           "Brevet var svært at forstå", "Den digitale selvbetjening virkede ikke",
           "Afgørelsen kom efter fristen"]


def run():
    url = os.environ.get("BENCH_SIMILAR_DATABASE_URL", DEFAULT_URL)
    _create_database(url)
    return run_child("tests.benchmarks.bench_similar_cases", url).splitlines()


def _texts_and_themes():
    """Give every benchmark case without a text a text and one or two themes, in SQL (a
    hundred thousand ORM updates would take the better part of an hour)."""
    from django.db import connection, transaction

    from borgerraadgiver_plugin.cases.models import Case
    from borgerraadgiver_plugin.models import Theme

    themes = list(Theme.objects.values_list("pk", flat=True))
    if len(themes) < 19:
        themes += [Theme.objects.create(code=f"BENCH_{n}", name=f"Bench-tema {n}").pk
                   for n in range(19 - len(themes))]
    table = Case._meta.db_table
    through = Case.themes.through._meta.db_table

    def pick(name):
        values = f"%({name})s::text[]"
        return f"({values})[1 + floor(random() * array_length({values}, 1))::int]"

    words = {"subjects": SUBJECTS, "complaints": COMPLAINTS, "context": CONTEXT,
             "themes": [str(pk) for pk in themes]}
    # Only the model's own table names and the fixed picks are formatted in; values are bound.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.15)")
        cursor.execute(
            f"UPDATE {table} SET account = 'Borgeren ' || {pick('complaints')} || ' ' || "  # noqa: S608
            f"{pick('subjects')} || '. ' || {pick('context')} || '. Også ' || "
            f"{pick('subjects')} || ' er et problem. ' || {pick('context')} || '.' "
            f"WHERE reference LIKE 'BENCH-%%' AND account = ''", words)
        written = cursor.rowcount
        for share in (1.0, 0.33) if written else ():
            cursor.execute(
                f"INSERT INTO {through} (case_id, theme_id) "  # noqa: S608
                f"SELECT id, {pick('themes')}::int FROM {table} c WHERE reference LIKE "
                f"'BENCH-%%' AND random() < %(share)s AND (%(share)s < 1 OR NOT EXISTS "
                f"(SELECT 1 FROM {through} t WHERE t.case_id = c.id)) ON CONFLICT DO NOTHING",
                {**words, "share": share})
        if written:
            cursor.execute("ANALYZE")
    return written


BASELINE = "baseline: 5 latest earlier cases of the area"


def _latest_in_area(case):
    """One plain indexed query of the same size, for the side-by-side ratio."""
    from borgerraadgiver_plugin.cases.models import Case

    return list(Case.objects.filter(area_id=case.area_id, received_at__lt=case.received_at)
                .select_related("area")[:5])


def _measure():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from borgerraadgiver_plugin.cases import similar
    from borgerraadgiver_plugin.cases.models import Case
    from tests.benchmarks.bench_case_listing import _seed

    started = time.perf_counter()
    _seed()
    written = _texts_and_themes()
    seeded = time.perf_counter() - started
    rng = random.Random(8)
    ids = list(Case.objects.filter(reference__startswith="BENCH-").values_list("pk", flat=True))
    cases = [Case.objects.get(pk=pk) for pk in rng.sample(ids, REPEATS)]
    found = [len(similar.similar_cases(case)) for case in cases]
    # Each call takes the next of the same random cases; the warm-up call takes the first.
    targets = {"similar": itertools.cycle(cases), "plain": itertools.cycle(cases)}
    timings = timed_in_turn({
        "similar earlier cases (5)": lambda: similar.similar_cases(next(targets["similar"])),
        BASELINE: lambda: _latest_in_area(next(targets["plain"])),
    }, REPEATS)
    base = timings[BASELINE]
    lines = [f"{len(ids)} cases ({written} given texts now), seeded/checked in {seeded:.1f} s; "
             f"medians over {REPEATS} random cases taken in turn; "
             f"{statistics.mean(found):.1f} suggestions per case on average"]
    for label, seconds in timings.items():
        lines.append(f"{label:45s} {seconds * 1000:8.1f} ms  {seconds / base:6.2f}x baseline")
    lines.append(f"target: similar earlier cases <= {TARGET_MS} ms median")
    return lines


if __name__ == "__main__":
    for line in _measure():
        print(line)
