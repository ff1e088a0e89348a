from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorgerraadgiverAppConfig(AppConfig):
    name = "borgerraadgiver_plugin"
    label = "borgerraadgiver"
    verbose_name = _("Citizen advisor")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models.site_settings import SETTINGS
        from .models.taxonomy import AREAS

        AREAS.connect()
        SETTINGS.connect()
