"""A municipal Wagtail site that installs borgerraadgiver_plugin the way a customer would."""

import os
from pathlib import Path

import dj_database_url

from borgerraadgiver_plugin.wagtail_da import LOCALE_DIR as WAGTAIL_DA_LOCALE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    # The plugin: the core first, then the parts the municipality wants.
    "borgerraadgiver_plugin",
    "borgerraadgiver_plugin.cases",
    "borgerraadgiver_plugin.veterans",
    "borgerraadgiver_plugin.learning",
    "borgerraadgiver_plugin.reports",
    # Danish for Wagtail's own screens; before Wagtail, so its translations win.
    "borgerraadgiver_plugin.wagtail_da",
    # What the plugin builds on.
    "wagtail_modeladmin",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Hardening (docs/operations.md): the Content-Security-Policy, login throttling, two-factor
    # login and the health check.
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The recovery codes of two-factor login.
    "django_otp.plugins.otp_static",
    "health_check",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # django-csp, with the exception Wagtail's admin still needs (see the module).
    "borgerraadgiver_plugin.content_security.ContentSecurityPolicyMiddleware",
    # A body larger than any form takes gets the Danish 413 page before it is read.
    "borgerraadgiver_plugin.errors.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # With BORGERRAADGIVER_TWO_FACTOR: the admin asks the advisor's and the veteran
    # coordinator's accounts for their one-time code before anything else.
    "borgerraadgiver_plugin.two_factor.TwoFactorMiddleware",
    # Refuse (403) and log signed-in users without admin access on the plugin's admin URLs.
    "borgerraadgiver_plugin.middleware.PluginAdminAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the Danish lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "example_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR.parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "example_site.wsgi.application"


def database_from_env(default_sqlite):
    """``DATABASE_URL`` (PostgreSQL in production) or the embedded SQLite file."""
    config = dj_database_url.parse(os.environ.get("DATABASE_URL") or f"sqlite:///{default_sqlite}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE takes the write lock when a transaction starts, so concurrent writers
        # queue (up to the timeout) instead of failing with "database is locked". WAL lets
        # readers go on while one writes, and a commit writes and syncs only its own pages.
        config["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20,
                             "init_command": "PRAGMA journal_mode=WAL"}
    return config


DATABASES = {"default": database_from_env(BASE_DIR / "db.sqlite3")}


def cache_from_env():
    """Redis when ``REDIS_URL`` is set (rate limits shared by all workers), else local memory.

    The Redis cache fails open (docs/resilience.md): while Redis is down every read is a miss
    and every write is dropped, after at most half a second, so the pages (Wagtail's own
    site lookup included) and the forms go on working; the rate limit then counts per process.
    """
    if url := os.environ.get("REDIS_URL"):
        return {"default": {
            "BACKEND": "django_redis.cache.RedisCache", "LOCATION": url,
            "KEY_PREFIX": "borgerraadgiver",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5,
                        "SOCKET_TIMEOUT": 0.5},
        }}
    return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


# A cache that fails open says so in the log, once per failed operation.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


CACHES = cache_from_env()

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling of the admin and the intranet login: after AXES_FAILURE_LIMIT wrong
# passwords for one username from one address, that username is refused from that address
# (the right password too) until the cool-off has passed or ``manage.py axes_reset_username``
# unlocks it. Locking the pair, not the username alone, keeps a stranger from locking the
# advisor out from elsewhere.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "borgerraadgiver_plugin.login_protection.lockout_response"
# The address the rate limits of the public forms use (X-Forwarded-For from trusted proxies).
AXES_CLIENT_IP_CALLABLE = "borgerraadgiver_plugin.spam.client_ip"
# Two-factor login (TOTP) for the groups in BORGERRAADGIVER_TWO_FACTOR_GROUPS; off in the
# demo. Accounts set up their authenticator app under Account > Two-factor login (or get a key
# with ``manage.py borgerraadgiver_two_factor``).
BORGERRAADGIVER_TWO_FACTOR = False
OTP_TOTP_ISSUER = "Borgerrådgiveren"

# The Content-Security-Policy of every page (django-csp 4; Django 6 has its own: the
# SECURE_CSP setting and django.middleware.csp.ContentSecurityPolicyMiddleware take over this
# dictionary's directives one to one). Nothing inline and nothing from another server: the
# plugin's templates keep their scripts and styles in static files (a test holds them to it).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's preview shows the page in a frame of the admin.
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A Danish municipality: pages and admin are Danish whatever the browser asks for; admin users
# may choose English in their profile. English is the source language and the fallback.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
# Danish for Wagtail's JavaScript strings too (the app covers the rest).
LOCALE_PATHS = [WAGTAIL_DA_LOCALE]
# The Danish login form, with the one-time code when BORGERRAADGIVER_TWO_FACTOR is on.
WAGTAILADMIN_USER_LOGIN_FORM = "borgerraadgiver_plugin.two_factor.TwoFactorLoginForm"
USE_TZ = True
# Wagtail's date pickers write the same dates as the plugin's screens (01.12.2026 14:05).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

# Citizens' attachments: outside MEDIA_ROOT, never served by the web server.
BORGERRAADGIVER_PRIVATE_ROOT = os.environ.get(
    "BORGERRAADGIVER_PRIVATE_ROOT", str(BASE_DIR / "private")
)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Stevns Kommune (eksempel)"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# A closed network: no avatars or release news from outside servers.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Citizens who meet a failed CSRF check get a friendly Danish page, not Django's technical 403.
CSRF_FAILURE_VIEW = "borgerraadgiver_plugin.errors.csrf_failure"

# Requests Django refuses before a view (the Danish 400/413 page of errors.py). The
# complaint form sends at most 20 files (the most the advisor's settings allow) and about
# 11 000 characters of text: 1 MB of text fields holds that in any encoding several times over
# and leaves room for the admin's page editor. Files do not count here: the form's own
# limits refuse them with a message, and the whole body is bounded by the proxy
# (client_max_body_size in docs/operations.md) and by RequestBodyLimitMiddleware (the
# advisor's total for attachments plus this 1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# The admin's bulk actions and long StreamFields post hundreds of fields; the form about 30.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DEFAULT_FROM_EMAIL = "borgerraadgiver@example.invalid"
