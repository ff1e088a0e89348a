from django.utils.translation import gettext_lazy as _

from ..pages import IntroPage


class AnnualReportPage(IntroPage):
    """Årsberetning: the advisor's annual report to the council."""

    template = IntroPage.template

    class Meta:
        verbose_name = _("annual report")
        # The statistics screen; the report pages themselves use Wagtail's page permissions.
        permissions = [("view_statistics", _("Can see the statistics"))]
