"""The wheel is what a municipality installs: it must carry everything the site needs."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "borgerraadgiver_plugin"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
                   check=True, capture_output=True)
    return next(out.glob("borgerraadgiver_plugin-*.whl"))


def data_files():
    """Every template, static file, catalog and migration of the package on disk."""
    for path in PACKAGE.rglob("*"):
        parts = path.relative_to(PACKAGE).parts
        if not path.is_file() or "__pycache__" in parts:
            continue
        if {"templates", "static", "locale"} & set(parts) or (
            "migrations" in parts and path.suffix == ".py"
        ):
            yield path.relative_to(ROOT).as_posix()


def test_wheel_contains_templates_static_locale_and_migrations(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = set(data_files())
    assert any(name.endswith("/locale/da/LC_MESSAGES/django.po") for name in wanted)
    assert any(name.endswith("/locale/da/LC_MESSAGES/django.mo") for name in wanted)
    assert any("/static/" in name for name in wanted)
    assert any("/templates/" in name for name in wanted)
    assert wanted - names == set()
    assert not [name for name in names if name.startswith(("example_site/", "tests/"))]


CHECK_SITE = """
import borgerraadgiver_plugin, django, os, sys
assert borgerraadgiver_plugin.__file__.startswith(sys.prefix), borgerraadgiver_plugin.__file__
os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings.dev"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("borgerraadgiver_setup", verbosity=0)
from django.test import Client
client = Client()
for url in ["/", "/admin/login/"]:
    status = client.get(url).status_code
    assert status == 200, (url, status)
print("site ok")
"""


def test_wheel_installs_into_a_fresh_venv_and_the_example_site_runs(wheel, tmp_path):
    """The wheel alone goes into a fresh environment; its dependencies are this environment's,
    reached through a path file, because installing sixty of them again costs minutes. That
    pyproject installs them is what ``make install`` does on every fresh clone; here ``pip
    check`` proves that the wheel's own requirements are met by them."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_packages = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True, capture_output=True, text=True).stdout.strip()
    Path(site_packages, "dependencies.pth").write_text(
        "\n".join(path for path in sys.path if path.endswith("site-packages")) + "\n")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True)
    check = subprocess.run([python, "-m", "pip", "check"], capture_output=True, text=True)
    assert "borgerraadgiver" not in check.stdout.lower(), check.stdout
    site = tmp_path / "site"
    shutil.copytree(ROOT / "example_site", site, ignore=shutil.ignore_patterns("db.sqlite3*"))
    result = subprocess.run(
        [python, "-c", CHECK_SITE], cwd=site, capture_output=True, text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site), "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "site ok" in result.stdout
