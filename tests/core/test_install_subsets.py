"""A municipality may install only some parts (design: "a municipality that only wants the
veteran registry installs the core and veterans"). Each subset runs its own tests in a fresh
interpreter, since INSTALLED_APPS cannot change inside one."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_a_veterans_only_install_passes_its_tests():
    # Always SQLite: the subset must not share the outer run's PostgreSQL test database.
    env = {name: value for name, value in os.environ.items() if name != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/veterans_only", "-q", "-p", "no:cacheprovider",
         "--ds=tests.veterans_only.settings", "--confcutdir=tests/veterans_only"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "skipped" not in result.stdout
