from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorgerraadgiverAppConfig(AppConfig):
    name = "borgerraadgiver_plugin"
    label = "borgerraadgiver"
    verbose_name = _("Citizen advisor")
    default_auto_field = "django.db.models.BigAutoField"
