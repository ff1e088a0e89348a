"""The dashboard's "Mønstre" panel: what rose over the last three months, for the advisor."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..learning.drafts import index_for
from . import patterns
from .statistics import make_period

#: The panel compares the last 91 days (13 weeks) with the 91 days before.
DAYS = 91
SHOWN = 5


class PatternPanel(Component):
    name = "borgerraadgiver_patterns"
    order = 60
    template_name = "borgerraadgiver_reports/panels/patterns.html"

    def __init__(self, user, statistics_url):
        self.user, self.statistics_url = user, statistics_url

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        period = make_period(today - datetime.timedelta(days=DAYS - 1), today)
        rises = patterns.rising_themes(period)
        return {
            "rises": rises[:SHOWN], "more": max(0, len(rises) - SHOWN),
            "repeaters": len(patterns.repeat_complainants(period).people),
            "link": f"{self.statistics_url}?start={period.start}&end={period.end}",
            "can_start_note": index_for(self.user) is not None,
            "start_note_url": reverse("borgerraadgiver_learning_start_note"),
            "back_url": reverse("wagtailadmin_home"),
        }
