"""The case listing's filters (django-filter), shown in Wagtail's filter drawer.

Bad input never breaks the listing: a malformed date or an unknown choice makes the filter form
invalid, Wagtail then lists unfiltered and the listing says which filter was ignored.
"""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from ..choices import CaseOrigin, CaseStatus, Channel, InquiryType
from ..models import Area, Theme
from . import deadlines
from .advisors import AdvisorChoiceField, advisors
from .models import Case

DUE_THIS_WEEK = "week"
OVERDUE = "overdue"
DEADLINE_CHOICES = [(DUE_THIS_WEEK, _("Due this week")), (OVERDUE, _("Overdue"))]
UNTRIAGED = "untriaged"


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _advisors(request=None):
    return advisors()


class AdvisorFilter(django_filters.ModelChoiceFilter):
    field_class = AdvisorChoiceField


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=CaseStatus.choices, widget=forms.CheckboxSelectMultiple)
    inquiry_type = django_filters.ChoiceFilter(label=_("Type"), choices=InquiryType.choices)
    origin = django_filters.ChoiceFilter(label=_("Origin"), choices=CaseOrigin.choices)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    area = django_filters.ModelChoiceFilter(label=_("Area"), queryset=Area.objects.all())
    themes = django_filters.ModelChoiceFilter(label=_("Theme"), queryset=Theme.objects.all())
    assigned_to = AdvisorFilter(label=_("Assigned advisor"), queryset=_advisors)
    received = django_filters.DateFromToRangeFilter(
        label=_("Received"), method="filter_received", widget=DateRangePickerWidget)
    deadline = django_filters.ChoiceFilter(label=_("Deadline"), choices=DEADLINE_CHOICES,
                                           method="filter_deadline")
    triage = django_filters.ChoiceFilter(
        label=_("Triage"), choices=[(UNTRIAGED, _("Not yet triaged"))], method="filter_triage")

    class Meta:
        model = Case
        fields = []

    def filter_received(self, queryset, name, value):
        # Whole days in local time, written as a range so the (area, received_at) index is used.
        if value.start:
            queryset = queryset.filter(received_at__gte=_start_of(value.start))
        if value.stop:
            queryset = queryset.filter(
                received_at__lt=_start_of(value.stop + datetime.timedelta(days=1)))
        return queryset

    def filter_deadline(self, queryset, name, value):
        if value == DUE_THIS_WEEK:
            return queryset.filter(deadlines.due_this_week_q())
        if value == OVERDUE:
            return queryset.filter(deadlines.overdue_q())
        return queryset

    def filter_triage(self, queryset, name, value):
        if value == UNTRIAGED:
            return queryset.filter(triaged_at__isnull=True, status=CaseStatus.NEW)
        return queryset
