"""The health-check URL's checks: the database, the cache and the plugin's outbox (503 when
one fails, from the plugin's view)."""

from borgerraadgiver_plugin.health import HealthView as PluginHealthView


class HealthView(PluginHealthView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "borgerraadgiver_plugin.health.Outbox",
    )
