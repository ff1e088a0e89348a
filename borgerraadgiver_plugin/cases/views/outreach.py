"""The advisor's office hours screens: the sessions (a snippet) and the day's bookings, where
a booking becomes a case with channel "outreach" in one step."""

import datetime

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ... import audit, dates
from ...admin_menu import MENU_HOOK, PluginSnippetViewSet
from ...columns import YesNoColumn
from ...refusal import PermissionRequiredMixin
from ..models import Case, OutreachBooking, OutreachSession
from ..outreach import booking as rules
from ..outreach import sessions
from .access import VIEW_PERMISSION

BOOKINGS_URL_NAME = "borgerraadgiver_cases_outreach_bookings"
MAKE_CASE_URL_NAME = "borgerraadgiver_cases_outreach_booking_case"
AUDIT_OBJECT = "outreach-bookings"


class CountColumn(Column):
    """How many live bookings a session has."""

    def get_value(self, instance):
        return instance.bookings.active().count()


class OutreachSessionViewSet(PluginSnippetViewSet):
    model = OutreachSession
    admin_path = "cases/outreach-sessions"
    icon = "date"
    menu_label = _("Office hours")
    menu_order = 120
    menu_hook = MENU_HOOK
    list_display = ["place_name", "starts_at", "ends_at", "kind",
                    CountColumn("bookings", label=_("Bookings")),
                    YesNoColumn("cancelled", OutreachSession)]
    list_filter = ["kind", "cancelled"]
    search_fields = ["place_name", "address"]
    copy_view_enabled = True
    panels = [
        FieldRowPanel([FieldPanel("place_name"), FieldPanel("address")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("slot_minutes"), FieldPanel("capacity")],
                      heading=_("Bookings")),
        FieldPanel("public_note"),
        MultiFieldPanel([FieldPanel("cancelled"), FieldPanel("cancellation_note")],
                        heading=_("Cancellation")),
    ]


class DayForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False, widget=dates.DateInput)


class BookingsDayView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The bookings of one day (today unless ``?day=``), session by session. Names and
    contacts are personal data: only those who may see cases see this, and it is logged."""

    template_name = "borgerraadgiver_cases/admin/outreach_bookings.html"
    page_title = _("Bookings of the day")
    header_icon = "date"
    permission, denied_model, denied_object = VIEW_PERMISSION, Case, AUDIT_OBJECT

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        form = DayForm(request.GET)
        day = (form.cleaned_data.get("day") if form.is_valid() else None) \
            or timezone.localdate()
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        day_sessions = list(OutreachSession.objects.filter(
            starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
            .order_by("starts_at", "pk"))
        bookings = list(OutreachBooking.objects.filter(session__in=day_sessions)
                        .select_related("case").order_by("slot_start", "pk"))
        audit.record_many(request.user, bookings, audit.VIEW)
        by_session = [(session, sessions.when(session), sessions.where(session),
                       [b for b in bookings if b.session_id == session.pk])
                      for session in day_sessions]
        context = self.get_context_data(
            form=DayForm(initial={"day": day}), day=day, by_session=by_session,
            url=reverse(BOOKINGS_URL_NAME),
            previous_day=(day - datetime.timedelta(days=1)).isoformat(),
            next_day=(day + datetime.timedelta(days=1)).isoformat(),
            day_label=sessions.day_line(start))
        return self.render_to_response(context, status=200 if form.is_valid() else 400)


class MakeCaseView(PermissionRequiredMixin, View):
    """POST: the booking becomes a case (or, turned already, leads to its case)."""

    permission, denied_model, denied_object = "borgerraadgiver_cases.add_case", Case, \
        AUDIT_OBJECT
    http_method_names = ["post"]

    def post(self, request, pk):
        booking = get_object_or_404(OutreachBooking, pk=pk, anonymised_at__isnull=True)
        case, created = rules.make_case(booking, request.user)
        if created:
            messages.success(request, _("Case %(reference)s was created from the booking. "
                                        "Fill in what the citizen told you.")
                             % {"reference": case.reference})
        else:
            messages.info(request, _("The booking was already case %(reference)s.")
                          % {"reference": case.reference})
        return redirect("borgerraadgiver_cases_case:edit", case.pk)


class BookingsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)
