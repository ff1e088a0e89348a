"""Settings for the test suite: the example site, made fast and isolated."""

import os
import tempfile
from pathlib import Path

from .dev import *

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

_scratch = Path(tempfile.gettempdir()) / f"borgerraadgiver-tests-{os.getpid()}"
_scratch.mkdir(parents=True, exist_ok=True)
MEDIA_ROOT = _scratch / "media"
BORGERRAADGIVER_PRIVATE_ROOT = str(_scratch / "private")

# A file, not memory, so tests that open several connections share one SQLite database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(_scratch / "test.sqlite3")}

# Login throttling off, so that the suite's many logins never lock a test user out; the tests
# of the lockout switch it on (tests/core/test_login_protection.py).
AXES_ENABLED = False
