"""The case listing: filters, search, columns, a paginator for large tables, and export."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db import connection
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import ButtonsColumnMixin, Column, TitleColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView

from ... import audit, dates
from ...streaming import StreamingExportMixin
from ...text_sheet import TextSheet
from .. import exports
from ..advisors import advisor_name
from ..models import Case
from . import import_log
from .access import CaseAccessMixin, refuse

EXPORT_PERMISSION = "borgerraadgiver_cases.export_case"
RESTRICTED_PARAM = "restricted"
PAGE_SIZES = (20, 50, 100)


class CasePaginator(WagtailPaginator):
    """Serves a very long listing without paying for OFFSET or COUNT on every page.

    ``OFFSET n`` costs a walk over n rows, so the last page of 100,000 cases would cost far more
    than the first. A page past the middle is read with the ordering reversed and a small
    offset from the end, then turned back round: every page costs about the same.

    Counting every row of an unfiltered table that large costs more than the page itself, so
    above :attr:`estimate_above` rows PostgreSQL's own row estimate is shown instead; the
    exact count is taken only when a page in the back half needs it. A municipality's few
    thousand cases are always counted exactly.
    """

    estimate_above = 50_000

    @cached_property
    def exact_count(self):
        return super().count

    @cached_property
    def count(self):
        estimate = self.estimated_count()
        if estimate is not None and estimate > self.estimate_above:
            return estimate
        return self.exact_count

    def estimated_count(self):
        queryset = self.object_list
        if getattr(queryset, "query", None) is None or queryset.query.where:
            return None
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                           [queryset.model._meta.db_table])
            row = cursor.fetchone()
        return row[0] if row and row[0] > 0 else None

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if number == 1 or bottom <= self.count // 2 or not getattr(self.object_list, "ordered",
                                                                   False):
            return super().page(number)
        total = self.exact_count
        bottom = min(bottom, max(total - 1, 0))
        top = min(bottom + self.per_page, total)
        if top + self.orphans >= total:
            top = total
        from_the_end = self.object_list.reverse()[total - top:total - bottom]
        return Page(list(from_the_end)[::-1], number, self)


class ReferenceColumn(ButtonsColumnMixin, TitleColumn):
    """The reference opens the case (inspect, with its timeline), not the edit form; like
    Wagtail's own title column it names the row for the bulk-action checkbox and holds the
    row's buttons."""

    def __init__(self, view):
        super().__init__(
            "reference", label=capfirst(Case._meta.get_field("reference").verbose_name),
            sort_key="reference", get_url=view.get_inspect_url,
            get_title_id=lambda case: f"snippet_{quote(case.pk)}_title")
        self.view = view

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class NextDeadlineColumn(Column):
    """The next deadline, marked when it has passed."""

    cell_template_name = "borgerraadgiver_cases/admin/next_deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        due = instance.next_deadline
        context["overdue"] = bool(due and due < timezone.localdate())
        return context


def listing_columns():
    return [
        Column("received_at", label=gettext_lazy("Received"), sort_key="received_at",
               accessor=lambda case: dates.show(case.received_at)),
        Column("inquiry_type", label=gettext_lazy("Type"), accessor="get_inquiry_type_display",
               sort_key="inquiry_type"),
        Column("area", label=gettext_lazy("Area"), sort_key="area__name"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display",
               sort_key="status"),
        NextDeadlineColumn("next_deadline", label=gettext_lazy("Next deadline"),
                           sort_key="next_deadline"),
        Column("assigned_to", label=gettext_lazy("Assigned"), sort_key="assigned_to__first_name",
               accessor=lambda case: advisor_name(case.assigned_to)),
    ]


class CaseIndexView(CaseAccessMixin, StreamingExportMixin, IndexView):
    paginator_class = CasePaginator
    default_ordering = "-received_at"
    xlsx_sheet_class = TextSheet  # every cell of the export is a text (exports.CaseRows)

    @cached_property
    def columns(self):
        return [ReferenceColumn(self), *super().columns]

    @cached_property
    def showing_restricted(self):
        """``?restricted=1``: only the restricted cases, so the advisor can open one to lift
        its restriction. Never in an export."""
        return self.request.GET.get(RESTRICTED_PARAM) == "1" and not self.is_export

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        # A restricted case is kept but neither listed, found by search nor exported.
        queryset = (queryset.filter(restricted_at__isnull=False) if self.showing_restricted
                    else queryset.unrestricted())
        # An export reads plain values (export_queryset); the listing shows these names.
        return queryset if self.is_export else queryset.select_related("area", "assigned_to")

    def get_paginate_by(self, queryset):
        if self.is_export:
            return None
        try:
            size = int(self.request.GET.get("per_page", PAGE_SIZES[0]))
        except (TypeError, ValueError):
            size = PAGE_SIZES[0]
        return size if size in PAGE_SIZES else PAGE_SIZES[0]

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # A unique last key keeps pages stable and lets the paginator read from either end.
        ordering = self.ordering or "-received_at"
        return queryset.order_by(ordering, "-id" if ordering.startswith("-") else "id")

    def paginate_queryset(self, queryset, page_size):
        raw = self.request.GET.get(self.page_kwarg)
        if raw not in (None, ""):
            try:
                number = int(raw)
                if number < 1:
                    raise EmptyPage
            except (ValueError, EmptyPage, PageNotAnInteger):
                messages.warning(self.request, _("Page %(page)s does not exist; showing the "
                                                 "first page.") % {"page": raw[:20]})
        return super().paginate_queryset(queryset, page_size)

    def get(self, request, *args, **kwargs):
        if self.filters is not None and self.filters.is_bound and not self.filters.is_valid():
            names = ", ".join(str(self.filters.form.fields[name].label)
                              for name in self.filters.form.errors)
            messages.warning(request, _("These filters were not understood and are ignored: "
                                        "%(names)s.") % {"names": names})
        if self.is_export:
            if not request.user.has_perm(EXPORT_PERMISSION):
                return refuse(request)
            # Straight to the file: the listing's context would count and hold every row.
            self.object_list = self.get_queryset()
            return self.as_spreadsheet(self.object_list, request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    # Export ---------------------------------------------------------------------------------

    @cached_property
    def include_text(self):
        return self.request.GET.get(exports.INCLUDE_TEXT_PARAM) == "1"

    @property
    def list_export(self):
        return exports.export_columns(self.include_text)

    @list_export.setter
    def list_export(self, value):
        """Wagtail sets the viewset's list; the columns are chosen per request instead."""

    @property
    def export_headings(self):
        return exports.HEADINGS

    @export_headings.setter
    def export_headings(self, value):
        pass

    def get_page_title(self):
        return _("Restricted cases") if self.showing_restricted else super().get_page_title()

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.showing_restricted:
            buttons.append(Button(_("All cases"), url=self.index_url, icon_name="list-ul",
                                  priority=90))
        elif Case.objects.filter(restricted_at__isnull=False).exists():
            buttons.append(Button(_("Restricted cases"), icon_name="lock", priority=90,
                                  url=f"{self.index_url}?{RESTRICTED_PARAM}=1"))
        if self.request.user.has_perm(EXPORT_PERMISSION):
            for label, export_format, priority in (
                    (_("Download XLSX with names and text"), "xlsx", 110),
                    (_("Download CSV with names and text"), "csv", 120)):
                params = self.request.GET.copy()
                params["export"] = export_format
                params[exports.INCLUDE_TEXT_PARAM] = "1"
                buttons.append(Button(label, url=f"{self.request.path}?{params.urlencode()}",
                                      icon_name="download", priority=priority))
        if self.request.user.has_perm(import_log.PERMISSION):
            buttons.append(Button(_("Import a case log"), url=reverse(import_log.URL_NAME),
                                  icon_name="upload", priority=130))
        return buttons

    def get_filename(self):
        return f"henvendelser-{timezone.localdate():%Y-%m-%d}"

    def get_heading(self, queryset, field):
        return super().get_heading(Case.objects.none(), field)

    @cached_property
    def export_cells(self):
        return exports.CaseRows(Case, self.list_export)

    def export_queryset(self, queryset):
        # The listing's filters and ordering, read as plain values: no model per row.
        return self.export_cells.read_from(queryset)

    def export_rows(self, chunk, export_format):
        return self.export_cells.rows(chunk)

    def record_export(self, chunk, export_format):
        audit.record_many_ids(self.request.user, Case, [(row[0], row[1]) for row in chunk],
                              audit.EXPORT, format=export_format, with_text=self.include_text)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not queryset.exists():
            messages.info(self.request, _("No cases match the filters, so there is nothing to "
                                          "export."))
            query = self.request.GET.copy()
            query.pop("export", None)
            return redirect(f"{self.index_url}?{query.urlencode()}" if query else self.index_url)
        return super().as_spreadsheet(queryset, spreadsheet_format)
