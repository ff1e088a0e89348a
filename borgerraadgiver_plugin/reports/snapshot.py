"""The figures of an annual report, frozen when it is published.

A published report shows the statistics as they were on the day it was published, whatever
happens to the cases later: :func:`freeze` computes the published (suppressed) tables of the
report's period, and :func:`freeze_on_publish` stores them on the page and in the revision that
went live. A report is frozen again only when its editor ticks "refresh the figures" before
publishing again. Rendering a frozen report runs no statistics query.
"""

from django.utils import timezone

from ..learning.models.recommendations import Recommendation
from ..models import BorgerraadgiverSettings
from .statistics import compute, make_period
from .statistics.tables import TOTAL, Column, Row, Table


def freeze(page):
    """The report's figures now, as plain data fit for JSON."""
    advisor_settings = BorgerraadgiverSettings.for_site(page.get_site()) if page.get_site() else (
        BorgerraadgiverSettings.current())
    statistics = compute(make_period(page.period_start, page.period_end),
                         advisor_settings.suppression_threshold, advisor_settings.calendar)
    published = statistics.published()
    return {
        **statistics.as_dict(),
        "follow_up": follow_up(page),
        "kinds": {table_id: [column.kind for column in table.columns]
                  for table_id, table in published.items()},
        "frozen_at": timezone.now().isoformat(timespec="seconds"),
    }


def follow_up(page, today=None):
    """Recommendations issued before the report's period, by area, with where each stands
    now and the report that issued it (texts of the administration, nothing personal)."""
    earlier = (Recommendation.objects.filter(issued_on__lt=page.period_start)
               .select_related("area").prefetch_related("issued_in_reports")
               .order_by("area__sort_order", "area__name", "issued_on", "pk"))
    items = []
    for recommendation in earlier:
        report = next(iter(recommendation.issued_in_reports.all()), None)
        items.append({
            "area": recommendation.area.name if recommendation.area else "",
            "text": recommendation.text, "kind": str(recommendation.get_kind_display()),
            "issued_on": recommendation.issued_on.isoformat(),
            "due_on": recommendation.due_on.isoformat() if recommendation.due_on else None,
            "status": str(recommendation.get_status_display()),
            "follow_up": str(recommendation.follow_up(today).label),
            "response": recommendation.council_response or recommendation.response,
            "report": {"title": report.title, "url": report.url} if report else None,
        })
    return items


def figures(page):
    """What the page shows: its frozen figures, or (a draft, or a refresh asked for) live
    figures."""
    if page.frozen_figures_id and not page.refresh_figures:
        return page.frozen_figures.data
    return freeze(page)


def table(figures, table_id):
    """One table of ``figures`` as a :class:`Table`, or None when the figures have no such
    table (a block naming a table that was later removed)."""
    data = figures.get("tables", {}).get(table_id)
    if data is None:
        return None
    kinds = figures.get("kinds", {}).get(table_id) or [None] * len(data["columns"])
    columns = [Column(column["code"], column["label"], **({"kind": kind} if kind else {}))
               for column, kind in zip(data["columns"], kinds, strict=True)]
    rows = [Row(row["code"], row["label"], list(row["cells"])) for row in data["rows"]]
    return Table(table_id, data["title"], columns, rows, list(data.get("notes", [])))


def freeze_on_publish(sender, instance, revision=None, **kwargs):
    """``page_published`` of the report page: freeze a report published for the first time, or
    asked to refresh, and point the page and its live revision at the frozen figures (so a
    later draft starts from the same figures)."""
    if instance.frozen_figures_id and not instance.refresh_figures:
        return
    frozen = instance.figure_snapshots.create(data=freeze(instance), revision=revision)
    sender.objects.filter(pk=instance.pk).update(frozen_figures=frozen, refresh_figures=False)
    instance.frozen_figures, instance.refresh_figures = frozen, False
    if revision is not None:
        revision.content = {**revision.content, "frozen_figures": frozen.pk,
                            "refresh_figures": False}
        revision.save(update_fields=["content"])


#: Tables with one row per area: what an area's own page shows.
AREA_TABLES = ["area_by_type", "fo_outcome_groups", "forwarded_results",
               "handling_methods_by_area", "recommendations_by_area"]


def areas(figures):
    """``(code, name)`` of every area the report's figures have a row for."""
    rows = figures.get("tables", {}).get("area_by_type", {}).get("rows", [])
    return [(row["code"], row["label"]) for row in rows if row["code"] != TOTAL]


def area_figures(figures, code):
    """One area's rows of the area tables, as ``{"code", "name", "tables": [Table]}`` with
    each table cut down to that row; None for an area the figures do not have."""
    name = dict(areas(figures)).get(code)
    if name is None:
        return None
    tables = []
    for table_id in AREA_TABLES:
        found = table(figures, table_id)
        if found is not None:
            found.rows = [row for row in found.rows if row.code == code]
            tables.append(found)
    return {"code": code, "name": name, "tables": tables}
