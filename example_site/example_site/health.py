"""The health-check URL's checks: the database, the cache and the plugin's outbox."""

from health_check.views import HealthCheckView


class HealthView(HealthCheckView):
    checks = (
        "health_check.checks.Database",
        "health_check.checks.Cache",
        "borgerraadgiver_plugin.health.Outbox",
    )
