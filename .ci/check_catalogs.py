"""Fail when a Danish catalog has an untranslated or fuzzy entry, or a stale compiled .mo."""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main():
    problems = []
    catalogs = sorted(ROOT.glob("borgerraadgiver_plugin/**/locale/da/LC_MESSAGES/django*.po"))
    if not catalogs:
        problems.append("no Danish catalog found")
    for po in catalogs:
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
            capture_output=True, text=True,
        )
        stats = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
        if result.returncode or "fuzzy" in stats or "untranslated" in stats:
            problems.append(f"{po.relative_to(ROOT)}: {stats}")
        with tempfile.NamedTemporaryFile(suffix=".mo") as fresh:
            subprocess.run(["msgfmt", "-o", fresh.name, str(po)], check=True)
            committed = po.with_suffix(".mo")
            if not committed.exists() or committed.read_bytes() != Path(fresh.name).read_bytes():
                problems.append(f"{committed.relative_to(ROOT)} is missing or not compiled "
                                "from its .po (run make messages)")
        print(f"{po.relative_to(ROOT)}: {stats}")
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
