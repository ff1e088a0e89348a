"""The coordinator's coordination screens: the overview of contacts in touch with several units,
logging a coordination meeting from a row, and the per-unit view with its counts-only export.
Every screen needs the registry's view permission and is written to the audit log; the rules
are in :mod:`.coordination`."""

import csv

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import audit, dates
from ..models import Area
from ..refusal import PermissionRequiredMixin
from ..streaming import neutralise
from . import coordination
from .forms import CoordinationFilterForm, CoordinationMeetingForm
from .models import VeteranContact

VIEW_PERMISSION = "borgerraadgiver_veterans.view_veterancontact"
ADD_PERMISSION = "borgerraadgiver_veterans.add_veteranactivity"
OVERVIEW_URL = "borgerraadgiver_veterans_coordination"
MEETING_URL = "borgerraadgiver_veterans_coordination_meeting"
UNITS_URL = "borgerraadgiver_veterans_coordination_units"
UNIT_URL = "borgerraadgiver_veterans_coordination_unit"
PAGE_SIZE = 50


def _areas():
    return Area.objects.filter(is_external=False).order_by("name")


class CoordinationScreen(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission, denied_model, denied_object = VIEW_PERMISSION, VeteranContact, "coordination"
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class CoordinationOverview(CoordinationScreen, TemplateView):
    template_name = "borgerraadgiver_veterans/coordination.html"
    page_title = gettext_lazy("Coordination")

    def get(self, request, *args, **kwargs):
        data = request.GET if ("area" in request.GET or "weeks" in request.GET) else None
        form = CoordinationFilterForm(data, areas=_areas(),
                                      initial={"weeks": coordination.QUIET_WEEKS})
        area, weeks = None, coordination.QUIET_WEEKS
        if data is not None:
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(form=form), status=400)
            area = form.cleaned_data["area"]
            weeks = form.cleaned_data["weeks"]
            weeks = coordination.QUIET_WEEKS if weeks is None else weeks
        today = coordination.rules.today()
        contacts = coordination.needing_coordination(today, area=area, quiet_weeks=weeks)
        page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("p"))
        rows = list(page)
        units = coordination.current_touchpoints(rows, today)
        audit.record_many(request.user, rows, audit.VIEW, screen="coordination")
        return self.render_to_response(self.get_context_data(
            form=form, page=page, weeks=weeks, area=area, today=today,
            rows=[(contact, units.get(contact.pk, [])) for contact in rows],
            can_log=request.user.has_perm(ADD_PERMISSION)))


class LogMeetingView(CoordinationScreen, FormView):
    """From a row of the overview: one coordination meeting naming several units."""

    template_name = "borgerraadgiver_veterans/coordination_meeting.html"
    page_title = gettext_lazy("Log a coordination meeting")
    permission = ADD_PERMISSION
    form_class = CoordinationMeetingForm

    def dispatch(self, request, *args, **kwargs):
        self.contact = get_object_or_404(VeteranContact, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        audit.record(request.user, self.contact, audit.VIEW, screen="coordination-meeting")
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.contact.display_name

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "contact": self.contact}

    def get_initial(self):
        today = coordination.rules.today()
        return {"touchpoints": [t.pk for t in self.contact.touchpoints.current(today)]}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact=self.contact,
                                        overview_url=reverse(OVERVIEW_URL), **kwargs)

    def form_valid(self, form):
        try:
            activity = coordination.log_meeting(self.contact, self.request.user,
                                                **form.cleaned_data)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(None if field == "__all__" else field, problems)
            return self.form_invalid(form)
        messages.success(self.request, _(
            "Coordination meeting logged with %(units)s.") % {"units": activity.unit_names()})
        if activity.follow_up:
            messages.success(self.request, _("Follow-up on %(day)s.") % {
                "day": dates.show(activity.follow_up)})
        return redirect(reverse(OVERVIEW_URL) + "?weeks=0")


def _csv(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return response


class UnitsView(CoordinationScreen, TemplateView):
    """Every unit (area) with how many veterans it deals with. The export holds counts only."""

    template_name = "borgerraadgiver_veterans/coordination_units.html"
    page_title = gettext_lazy("Veterans per unit")

    def get(self, request, *args, **kwargs):
        counts = coordination.unit_counts()
        if request.GET.get("export") == "csv":
            audit.record_on_model(request.user, VeteranContact, audit.EXPORT, "coordination",
                                  _("Veterans per unit (counts)"), format="csv")
            return _csv("veteraner-pr-enhed", count_header(), [
                (row.area.name, row.contacts, row.with_other_units, row.quiet)
                for row in counts])
        audit.record_on_model(request.user, VeteranContact, audit.VIEW, "coordination",
                              _("Veterans per unit (counts)"))
        return self.render_to_response(self.get_context_data(
            counts=counts, weeks=coordination.QUIET_WEEKS))


def count_header():
    return [_("Unit"), _("Veterans in contact"), _("Also in contact with other units"),
            _("No coordination for %(weeks)s weeks") % {"weeks": coordination.QUIET_WEEKS}]


class UnitView(CoordinationScreen, TemplateView):
    """The veterans one unit deals with. Its export is counts only, unless the coordinator
    ticks "with names"."""

    template_name = "borgerraadgiver_veterans/coordination_unit.html"

    def dispatch(self, request, *args, **kwargs):
        self.area = get_object_or_404(Area, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Veterans in contact with %(unit)s") % {"unit": self.area.name}

    def get(self, request, *args, **kwargs):
        contacts = list(coordination.contacts_of_area(self.area))
        if request.GET.get("export") == "csv":
            return self.export(contacts, with_names=request.GET.get("names") == "1")
        audit.record_many(request.user, contacts, audit.VIEW, screen="coordination-unit",
                          unit=self.area.pk)
        units = coordination.current_touchpoints(contacts)
        rows = [(contact, [t for t in units.get(contact.pk, []) if t.area_id == self.area.pk],
                 contact.unit_count - 1) for contact in contacts]
        return self.render_to_response(self.get_context_data(
            rows=rows, unit=self.area, units_url=reverse(UNITS_URL),
            overview_url=reverse(OVERVIEW_URL)))

    def export(self, contacts, with_names):
        user = self.request.user
        filename = f"veteraner-{self.area.pk}"
        if with_names:
            audit.record_many(user, contacts, audit.EXPORT, screen="coordination-unit",
                              unit=self.area.pk, format="csv")
            return _csv(filename, [_("Reference"), _("Name"), _("Units in contact with"),
                                   _("Last coordination meeting")], [
                (contact.reference, contact.name, contact.unit_count,
                 dates.iso(contact.last_coordination) or "") for contact in contacts])
        audit.record_on_model(user, VeteranContact, audit.EXPORT, "coordination",
                              _("Veterans per unit (counts)"), unit=self.area.pk, format="csv")
        row = next((row for row in coordination.unit_counts() if row.area.pk == self.area.pk),
                   None)
        return _csv(filename, count_header(), [
            (self.area.name, row.contacts if row else 0, row.with_other_units if row else 0,
             row.quiet if row else 0)])
