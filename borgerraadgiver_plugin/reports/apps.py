from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.reports"
    label = "borgerraadgiver_reports"
    verbose_name = _("Citizen advisor: reports")
    default_auto_field = "django.db.models.BigAutoField"
