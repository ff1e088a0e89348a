from django.apps import AppConfig


class BaselineConfig(AppConfig):
    """Stock-Wagtail models the benchmarks measure the plugin against; installed only by
    ``tests.benchmarks.settings``, never in the example site a municipality copies."""

    name = "tests.benchmarks.baseline"
    label = "bench_baseline"
    verbose_name = "Benchmark baselines"
    default_auto_field = "django.db.models.BigAutoField"
