from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.reports"
    label = "borgerraadgiver_reports"
    verbose_name = _("Citizen advisor: reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from .models import AnnualReportPage
        from .snapshot import freeze_on_publish

        page_published.connect(freeze_on_publish, sender=AnnualReportPage,
                               dispatch_uid="borgerraadgiver_reports_freeze")
