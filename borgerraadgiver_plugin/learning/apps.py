from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.learning"
    label = "borgerraadgiver_learning"
    verbose_name = _("Citizen advisor: learning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .filter_options import OPTIONS

        OPTIONS.connect()
