"""The learning-note index with 2,000 notes against a plain Wagtail listing of 2,000 children.

Both are served through the full Django stack (middleware, Wagtail routing, the site's base
template) from a throw-away SQLite database. The plain listing is what a site builder writes
first: ``parent.get_children().live()`` paginated, title, date and description per child.
Target: the index at most 1.2 times the plain listing, unfiltered and with every filter set,
and the same number of queries whatever the page size.
"""

import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

NOTES = 2000
ROUNDS = 80
WARM_UP = 5
TARGET = 1.2

#: The plain Wagtail listing, as the Wagtail tutorial writes an index page: its live children
#: newest first, paginated, with title, date and description each.
BASELINE_TEMPLATE = """{% extends "base.html" %}{% load wagtailcore_tags %}
{% block content %}<h1>{{ page.title }}</h1><p>{{ children.paginator.count }} pages</p>
<ul>{% for child in children %}<li>
<h3><a href="{% pageurl child %}">{{ child.title }}</a></h3>
<p>{{ child.first_published_at|date:"j. F Y" }}</p><p>{{ child.search_description }}</p></li>
{% endfor %}</ul>
{% if children.has_next %}<a href="?page={{ children.next_page_number }}">Next</a>{% endif %}
{% endblock %}"""


def serve_plain_listing(page, request, serve_args, serve_kwargs):
    """Wagtail's ``before_serve_page`` hook: serve the baseline page with its listing."""
    from django.core.paginator import Paginator
    from django.http import HttpResponse
    from django.template import engines

    if page.slug != "plain-listing":
        return None
    children = page.get_children().live().order_by("-first_published_at", "-pk")
    paginated = Paginator(children, 20).get_page(request.GET.get("page"))
    template = engines["django"].from_string(BASELINE_TEMPLATE)
    return HttpResponse(template.render({"page": page, "children": paginated}, request))


def _setup_django(database):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        os.environ["DATABASE_URL"] = f"sqlite:///{database}"
        django.setup()
        return
    from django.db import connections

    connection = connections["default"]
    if connection.vendor != "sqlite":
        raise RuntimeError("run the benchmarks with the default SQLite settings")
    connection.close()
    connection.settings_dict["NAME"] = str(database)


def _build(rng_seed=2025):
    import random

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Page, Site

    from borgerraadgiver_plugin.learning.models import LearningNoteIndexPage, LearningNotePage
    from borgerraadgiver_plugin.models import Area, Theme
    from borgerraadgiver_plugin.provision import seed

    call_command("migrate", verbosity=0)
    seed()
    rng = random.Random(rng_seed)  # noqa: S311 - test data
    areas = [Area.objects.create(name=f"Center {n}") for n in range(6)]
    themes = list(Theme.objects.all())
    home = Site.objects.get(is_default_site=True).root_page
    index = LearningNoteIndexPage(title="Læringsnotater", slug="laering")
    home.add_child(instance=index)
    plain = Page(title="Plain listing", slug="plain-listing")
    home.add_child(instance=plain)
    now = timezone.now()
    body = [("text", "<p>Partshøring efter forvaltningslovens § 19.</p>"),
            ("checklist", {"heading": "Husk", "items": ["Frist", "Notat"]})]
    theme_links, area_links = [], []
    for number in range(NOTES):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=number)
        note = LearningNotePage(
            title=f"Læringsnotat {number}", slug=f"note-{number}", date=day,
            summary="Hør borgeren, før afgørelsen træffes.", body=body,
            first_published_at=now, last_published_at=now,
        )
        index.add_child(instance=note)
        theme_links.append((note, rng.sample(themes, 2)))
        area_links.append((note, [rng.choice(areas)]))
        plain.add_child(instance=Page(title=f"Side {number}", slug=f"side-{number}",
                                      search_description="Hør borgeren, før afgørelsen.",
                                      first_published_at=now))
    ThemeLink = LearningNotePage.themes.through
    AreaLink = LearningNotePage.areas.through
    ThemeLink.objects.bulk_create(ThemeLink(learningnotepage_id=note.pk, theme_id=theme.pk)
                                  for note, chosen in theme_links for theme in chosen)
    AreaLink.objects.bulk_create(AreaLink(learningnotepage_id=note.pk, area_id=area.pk)
                                 for note, chosen in area_links for area in chosen)
    theme, area = theme_links[-1][1][0], area_links[-1][1][0]
    filters = {"theme": theme.pk, "area": area.pk,
               "year": str(LearningNotePage.objects.order_by("-date").first().date.year),
               "q": "læringsnotat"}
    return index, filters


def _time(client, url, params):
    started = time.perf_counter()
    response = client.get(url, params)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return elapsed


def _queries(client, url, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url, params)
    return len(captured)


def run():
    with tempfile.TemporaryDirectory(prefix="bench-learning-") as folder:
        _setup_django(Path(folder) / "bench.sqlite3")
        from django.test import Client
        from django.test.utils import override_settings
        from wagtail import hooks

        from borgerraadgiver_plugin.learning.models import LearningNoteIndexPage

        hooks.register("before_serve_page", serve_plain_listing)
        lines = []
        with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
            index, filters = _build()
            client = Client()
            cases = {"unfiltered": {}, "every filter": filters}
            requests = [("plain", "/plain-listing/", {}),
                        *((name, index.url, params) for name, params in cases.items())]
            for _round in range(WARM_UP):  # warm up caches, templates and the database
                for _name, url, params in requests:
                    _time(client, url, params)
            timings = {name: [] for name, _url, _params in requests}
            for number in range(ROUNDS):
                # Interleaved, and each side takes each place in the round in turn, so neither
                # always runs right after the other.
                shift = number % len(requests)
                for name, url, params in requests[shift:] + requests[:shift]:
                    timings[name].append(_time(client, url, params))
            baseline = timings.pop("plain")
            base = statistics.median(baseline)
            lines.append(f"plain Wagtail listing of {NOTES} children: {base * 1000:.1f} ms "
                         f"(median of {ROUNDS})")
            for name, values in timings.items():
                ratio = statistics.median(values) / base
                verdict = "ok" if ratio <= TARGET else f"OVER the {TARGET}x target"
                lines.append(f"learning index, {name}: {statistics.median(values) * 1000:.1f} ms"
                             f" = {ratio:.2f}x plain ({verdict})")
            original = LearningNoteIndexPage.page_size
            try:
                for name, params in cases.items():
                    counts = {}
                    for size in (5, 20, 100):
                        LearningNoteIndexPage.page_size = size
                        counts[size] = _queries(client, index.url, params)
                    same = "same" if len(set(counts.values())) == 1 else "DIFFERENT"
                    lines.append(f"queries, {name}, page size 5/20/100: "
                                 f"{'/'.join(str(v) for v in counts.values())} ({same})")
            finally:
                LearningNoteIndexPage.page_size = original
        return lines
