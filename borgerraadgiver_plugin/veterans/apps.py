from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeteransAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.veterans"
    label = "borgerraadgiver_veterans"
    verbose_name = _("Veteran coordinator")
    default_auto_field = "django.db.models.BigAutoField"
