"""The admin's access-log report: who viewed, exported, downloaded, was refused or anonymised
which case or veteran record, filtered by user, record, action and period, as CSV or XLSX.

The advisor and the data protection officer (``borgerraadgiver.view_access_log``) see it.
Reading the log is itself logged, with the filters used; an export streams
(:mod:`..streaming`), since a year of reads can be many rows.
"""

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import ModelLogEntry

from .. import access_log, audit
from ..provision import ACCESS_LOG_PERMISSION
from ..refusal import forbidden
from ..streaming import StreamingExportMixin

URL_NAME = "borgerraadgiver_access_log"
RESULTS_URL_NAME = "borgerraadgiver_access_log_results"
#: The log's own reads are logged on ModelLogEntry under this object id.
AUDIT_OBJECT = "access-log"


def logged_users(request=None):
    User = get_user_model()
    return User.objects.filter(pk__in=access_log.entries().values("user_id")).order_by(
        User.USERNAME_FIELD)


class LoggedUserChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_name(obj)


class UserFilter(django_filters.ModelChoiceFilter):
    field_class = LoggedUserChoiceField


class AccessLogFilterSet(WagtailFilterSet):
    user = UserFilter(label=_("User"), queryset=logged_users)
    record = django_filters.CharFilter(
        label=_("Record (reference or id)"), method="filter_record")
    action = django_filters.MultipleChoiceFilter(
        label=_("Action"), choices=access_log.action_choices,
        widget=django_filters.widgets.forms.CheckboxSelectMultiple)
    timestamp = django_filters.DateFromToRangeFilter(
        label=_("Period of use"), widget=DateRangePickerWidget)

    class Meta:
        model = ModelLogEntry
        fields = []

    def filter_record(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(label__icontains=value) | Q(object_id=value)) if value \
            else queryset


def user_name(user):
    if user is None:
        return gettext("(not signed in)")
    return user.get_full_name().strip() or user.get_username()


def entry_user(entry):
    return user_name(entry.user)


def action_label(entry):
    # The past tense ("Vist", "Eksporteret"): what happened, as Wagtail's history says it.
    return str(entry.message)


def record_type(entry):
    return str(get_content_type_label(entry.content_type))


def details(entry):
    """What the entry's ``data`` says (a screen, a format, a document id), in one line."""
    return "; ".join(f"{key}: {value}" for key, value in sorted((entry.data or {}).items()))


def local_time(entry):
    # Whole seconds in local time: what the person saw on the clock, and Excel reads it.
    return timezone.localtime(entry.timestamp).replace(microsecond=0, tzinfo=None)


class AccessLogView(StreamingExportMixin, ReportView):
    page_title = _("Access log")
    header_icon = "history"
    filterset_class = AccessLogFilterSet
    index_url_name = URL_NAME
    index_results_url_name = RESULTS_URL_NAME
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    no_results_message = _("No uses of records match the filters.")
    columns = [
        DateColumn("timestamp", label=_("Time")),
        Column("user", label=_("User"), accessor=entry_user),
        Column("action", label=_("Action"), accessor=action_label),
        Column("content_type", label=_("Type"), accessor=record_type),
        Column("label", label=_("Record")),
        Column("object_id", label=_("Id")),
        Column("data", label=_("Details"), accessor=details),
    ]
    #: Export columns and how each value is read from an entry.
    export_values = {
        "timestamp": local_time, "user": entry_user, "action": action_label,
        "content_type": record_type, "label": lambda entry: entry.label,
        "object_id": lambda entry: entry.object_id, "data": details,
    }
    list_export = list(export_values)

    @cached_property
    def export_headings(self):
        return {column.name: column.label for column in self.columns}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ACCESS_LOG_PERMISSION):
            self._log(audit.DENIED, path=request.path[:200], method=request.method)
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        filters = {key: request.GET.getlist(key) for key in request.GET if key != "export"}
        if self.is_export:
            self._log(audit.EXPORT, format=request.GET["export"], filters=filters)
            # Straight to the file: the report's context counts the rows by holding them all.
            return self.as_spreadsheet(self.get_filtered_queryset(), request.GET["export"])
        self._log(audit.VIEW, filters=filters)
        return super().get(request, *args, **kwargs)

    def _log(self, action, **data):
        audit.record_on_model(self.request.user, ModelLogEntry, action, AUDIT_OBJECT,
                              gettext("Access log"), **data)

    def get_queryset(self):
        return access_log.entries().select_related("user", "content_type")

    def get_filename(self):
        return f"adgangslog-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return {field: read(item) for field, read in self.export_values.items()}


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ACCESS_LOG_PERMISSION)


def urls():
    return [
        path("borgerraadgiver/access-log/", AccessLogView.as_view(), name=URL_NAME),
        path("borgerraadgiver/access-log/results/",
             AccessLogView.as_view(results_only=True), name=RESULTS_URL_NAME),
    ]


def menu_item():
    return AccessLogMenuItem(_("Access log"), reverse(URL_NAME), icon_name="history",
                             order=900)
