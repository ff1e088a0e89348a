from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.cases"
    label = "borgerraadgiver_cases"
    verbose_name = _("Citizen advisor: cases")
    default_auto_field = "django.db.models.BigAutoField"
