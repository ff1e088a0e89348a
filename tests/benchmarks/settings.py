"""The example site's test settings plus the benchmarks' baseline app (``make bench``)."""

from example_site.settings.test import *

INSTALLED_APPS = [*INSTALLED_APPS, "tests.benchmarks.baseline"]
