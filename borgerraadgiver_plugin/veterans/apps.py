from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VeteransAppConfig(AppConfig):
    name = "borgerraadgiver_plugin.veterans"
    label = "borgerraadgiver_veterans"
    verbose_name = _("Veteran coordinator")
    default_auto_field = "django.db.models.BigAutoField"
    #: Who may use this part's admin URLs at all (see borgerraadgiver_plugin.middleware).
    admin_permission = "borgerraadgiver_veterans.view_veterancontact"
