"""The example site as the load proof runs it under gunicorn: production-like parts
(PostgreSQL, Redis, django-tasks' database backend, DEBUG off), plus the benchmarks' baseline
FormPage, and two settings that differ from production, both for the load clients' sake:

* ``BORGERRAADGIVER_FORM_MIN_SECONDS = 1``: the too-fast check stays on; each load client
  waits that long between the GET and the POST of a form, as a person would (production: 3 s).
* ``BORGERRAADGIVER_TRUSTED_PROXIES = ["127.0.0.1"]``: gunicorn sees every client on loopback,
  as behind a reverse proxy on the same host, so each client's ``X-Forwarded-For`` is its
  address for the rate limit. The rate limit itself is production's (20 POSTs an hour).
"""

import os
import tempfile

from example_site.settings.base import *

DEBUG = False
SECRET_KEY = "load-test-only-" + "x" * 40
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = [*INSTALLED_APPS, "tests.benchmarks.baseline"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
BORGERRAADGIVER_PRIVATE_ROOT = os.environ.get("BORGERRAADGIVER_PRIVATE_ROOT",
                                              tempfile.mkdtemp(prefix="br-load-"))
BORGERRAADGIVER_FORM_MIN_SECONDS = 1
BORGERRAADGIVER_TRUSTED_PROXIES = ["127.0.0.1"]
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "WARNING"},
           # The burst's 80 answers of 429 are expected; errors still show.
           "loggers": {"django.request": {"level": "ERROR"}}}
