from django.apps import AppConfig


class WagtailDanishConfig(AppConfig):
    name = "borgerraadgiver_plugin.wagtail_da"
    label = "borgerraadgiver_wagtail_da"
