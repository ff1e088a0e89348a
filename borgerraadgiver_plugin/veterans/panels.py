"""The coordinator's dashboard panel: follow-ups due, next steps agreed with units and due,
and consents due for renewal."""

import datetime

from django.db.models import Min, Q
from wagtail.admin.ui.components import Component

from . import consent as rules
from .models import MunicipalTouchpoint, VeteranContact

PANEL_DAYS = 7
PANEL_ROWS = 10


def can_see_registry(user):
    return user.has_perm("borgerraadgiver_veterans.view_veterancontact")


class VeteranDashboardPanel(Component):
    name = "borgerraadgiver_veterans"
    template_name = "borgerraadgiver_veterans/home_panel.html"
    order = 120

    def get_context_data(self, parent_context):
        today = rules.today()
        until = today + datetime.timedelta(days=PANEL_DAYS)
        follow_ups = (VeteranContact.objects.unrestricted().follow_up_due(until)
                      .order_by("next_follow_up", "name"))
        renewals = (VeteranContact.objects.unrestricted().renewal_due()
                    .annotate(renew_by=Min("consents__renew_by", filter=rules.renewal_due_q(
                        prefix="consents__")))
                    .filter(~Q(renew_by=None)).order_by("renew_by", "name"))
        next_steps = (MunicipalTouchpoint.objects.next_step_due(until)
                      .select_related("contact", "area").order_by("next_step_on", "pk"))
        return {
            "today": today,
            "next_steps": next_steps[:PANEL_ROWS],
            "next_step_count": next_steps.count(),
            "follow_ups": follow_ups[:PANEL_ROWS],
            "follow_up_count": follow_ups.count(),
            "renewals": renewals[:PANEL_ROWS],
            "renewal_count": renewals.count(),
            "request": parent_context.get("request"),
        }
