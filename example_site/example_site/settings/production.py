"""Production: what a municipality's IT deploys, configured from the environment only.

Every variable is listed, with its default, in docs/operations.md. Behind a reverse proxy that
ends TLS and sets ``X-Forwarded-Proto``; ``manage.py check --deploy --fail-level WARNING``
passes with these settings (CI runs it).
"""

import os

from .base import *


def env_flag(name, default):
    """``1``/``true``/``yes`` (any case) is on, ``0``/``false``/``no`` is off."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")

# TLS ends at the proxy, which must set X-Forwarded-Proto itself (and drop the client's).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy's own addresses: only their X-Forwarded-For names the citizen's address, which the
# forms' rate limit and the login throttling count by.
BORGERRAADGIVER_TRUSTED_PROXIES = env_list("BORGERRAADGIVER_TRUSTED_PROXIES", "127.0.0.1,::1")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", True)
# The monitor may ask gunicorn for the health check directly, over plain HTTP on loopback.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_SECURE_HSTS_PRELOAD", True)
if not SECURE_HSTS_PRELOAD:
    # The municipality chose not to offer its domain for the browsers' preload lists.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's preview opts itself into SAMEORIGIN; everything else refuses to be framed.
X_FRAME_OPTIONS = "DENY"
# An admin session ends when the browser closes, and after the idle time at the latest.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_COOKIE_AGE", str(8 * 3600)))

STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT", str(BASE_DIR / "static"))
MEDIA_ROOT = os.environ.get("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    **STORAGES,
    # Hashed file names: a new release never meets a stale copy in a browser's cache.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
# Seconds to wait for the mail server; without it a server that accepts and never answers
# stalls the outbox worker for good.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# E-mail is delivered by a worker: ``manage.py db_worker``.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", str(AXES_FAILURE_LIMIT)))
BORGERRAADGIVER_TWO_FACTOR = env_flag("BORGERRAADGIVER_TWO_FACTOR", BORGERRAADGIVER_TWO_FACTOR)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
