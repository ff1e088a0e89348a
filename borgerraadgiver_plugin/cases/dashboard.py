"""Panels on the Wagtail home page: what needs the advisor's action today.

Each panel shows a count and the first few cases, and links to the case listing filtered to
exactly those cases. Only users who may see cases get the panels. The outbox's panels are the
core's (:mod:`borgerraadgiver_plugin.dashboard`).
"""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from ..choices import CaseStatus
from . import deadlines
from .models import Case, Forwarding

LISTING_URL = "borgerraadgiver_cases_case:list"
SHOWN = 5


def listing_url(**query):
    return f"{reverse(LISTING_URL)}?{urlencode(query, doseq=True)}"


class CasePanel(Component):
    template_name = "borgerraadgiver_cases/admin/dashboard_panel.html"
    heading = ""
    empty_text = _("Nothing here.")

    def queryset(self):
        raise NotImplementedError

    def link(self):
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        queryset = self.queryset().unrestricted()
        return {
            "heading": self.heading, "count": queryset.count(),
            "cases": list(queryset.select_related("area")[:SHOWN]), "link": self.link(),
            "empty_text": self.empty_text, "panel_name": self.name,
            "inspect_url_name": "borgerraadgiver_cases_case:inspect",
        }


class UntriagedPanel(CasePanel):
    name = "borgerraadgiver_untriaged"
    order = 50
    heading = _("New inquiries not yet triaged")

    def queryset(self):
        return Case.objects.filter(status=CaseStatus.NEW, triaged_at__isnull=True).order_by(
            "received_at", "id")

    def link(self):
        return listing_url(triage="untriaged")


class DueThisWeekPanel(CasePanel):
    name = "borgerraadgiver_due_this_week"
    order = 51
    heading = _("Deadlines this week")

    def queryset(self):
        return Case.objects.open().filter(deadlines.due_this_week_q()).order_by(
            "next_deadline", "id")

    def link(self):
        return listing_url(deadline="week")


class OverduePanel(CasePanel):
    """Overdue forwardings and acknowledgements (and any other overdue deadline)."""

    name = "borgerraadgiver_overdue"
    order = 52
    heading = _("Overdue forwardings and acknowledgements")

    def queryset(self):
        today = timezone.localdate()
        late_forwardings = Forwarding.objects.filter(answered_on__isnull=True, due_on__lt=today)
        return Case.objects.open().filter(
            Q(pk__in=late_forwardings.values("case_id"))
            | Q(acknowledgement_due__lt=today, acknowledged_at__isnull=True)
        ).order_by("next_deadline", "id")

    def link(self):
        return listing_url(deadline="overdue")


def panels_for(user):
    from .views.access import may_see_cases

    if not may_see_cases(user):
        return []
    return [UntriagedPanel(), DueThisWeekPanel(), OverduePanel()]
