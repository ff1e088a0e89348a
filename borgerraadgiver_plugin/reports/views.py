"""The admin's "Statistik" screen: every table of a period, with a chart and an export each.

Only the advisor (``borgerraadgiver_reports.view_statistics``) sees it; every view and every
export is written to the audit log with its period. What is shown and exported is the
published, suppressed statistics, never the raw counts.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import audit
from ..cases import survey
from ..cases.models.case import Case
from ..dates import show
from ..learning.drafts import index_for
from ..models import BorgerraadgiverSettings
from ..refusal import PermissionRequiredMixin
from . import exports, patterns
from .charts import bar_chart
from .forms import PeriodForm, parameter_errors
from .statistics import compute, periods

PERMISSION = "borgerraadgiver_reports.view_statistics"
URL_NAME = "borgerraadgiver_reports_statistics"
AUDIT_OBJECT = "statistics"


class StatisticsView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "borgerraadgiver_reports/admin/statistics.html"
    page_title = _("Statistics")
    header_icon = "table"
    permission, denied_model, denied_object = PERMISSION, Case, AUDIT_OBJECT

    def get(self, request, *args, **kwargs):
        self.advisor_settings = BorgerraadgiverSettings.for_request(request)
        presets = periods.presets(timezone.localdate(),
                                  self.advisor_settings.reporting_year_start_month)
        errors = parameter_errors(request.GET)
        default = presets[0][1]
        form = PeriodForm(request.GET if request.GET and not errors else
                          {"start": default.start, "end": default.end})
        if errors or not form.is_valid():
            return self.render_to_response(self.get_context_data(
                form=form, errors=errors, presets=presets), status=400)
        period = form.cleaned_data["period"]
        statistics = compute(period, self.advisor_settings.suppression_threshold,
                             self.advisor_settings.calendar)
        span = {"start": period.start.isoformat(), "end": period.end.isoformat()}
        if export := form.cleaned_data["export"]:
            table_id = form.cleaned_data["table"]
            table = statistics.published([table_id])[table_id]
            self._log(audit.EXPORT, period, table=table_id, format=export, **span)
            write = exports.csv_response if export == "csv" else exports.xlsx_response
            return write(table, f"statistik-{table_id}-{period.start}-{period.end}")
        self._log(audit.VIEW, period, **span)
        tables = [(table_id, table, bar_chart(table))
                  for table_id, table in statistics.published().items()]
        return self.render_to_response(self.get_context_data(
            form=form, presets=presets, statistics=statistics, tables=tables, span=span,
            rises=patterns.rising_themes(period), repeats=patterns.repeat_complainants(period),
            survey_comments=survey.comments(range(period.start.year, period.end.year + 1)),
            can_start_note=index_for(request.user) is not None))

    def _log(self, action, period, **data):
        label = gettext("Statistics %(start)s–%(end)s") % {
            "start": show(period.start), "end": show(period.end)}
        audit.record_on_model(self.request.user, Case, action, AUDIT_OBJECT, label, **data)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(url=reverse(URL_NAME),
                       start_note_url=reverse("borgerraadgiver_learning_start_note"),
                       back_url=self.request.get_full_path())
        return context
