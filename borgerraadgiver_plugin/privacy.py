"""Finding personal data in text meant for many readers (learning notes, reports, notes).

Used to refuse publishing a learning note with a CPR number in it, to refuse a CPR number in a
veteran note, and the like. It looks for CPR numbers with a real date (with or without the
dash, spaced or broken over lines), e-mail addresses, Danish phone numbers, case references and
given names (e.g. the citizens of the cases a note is drawn from).
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import conf

KINDS = {
    "cpr": _("CPR number"),
    "email": _("e-mail address"),
    "phone": _("phone number"),
    "reference": _("case reference"),
    "name": _("name of a citizen"),
}

_SPACE = r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?"
_CPR = re.compile(
    rf"(?<![\d-])(\d{{2}}){_SPACE}(\d{{2}}){_SPACE}(\d{{2}}){_SPACE}[-‐–]?{_SPACE}"
    rf"(\d{{2}}){_SPACE}(\d{{2}})(?![\d-])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)45[ \t\u00a0]*)?([2-9]\d)[ \t\u00a0.-]?(\d{2})[ \t\u00a0.-]?"
    r"(\d{2})[ \t\u00a0.-]?(\d{2})(?![\d-])"
)


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int

    @property
    def label(self):
        return KINDS[self.kind]


def _is_cpr_date(day, month, year):
    for century in (1900, 2000):
        try:
            datetime.date(century + year, month, day)
            return True
        except ValueError:
            continue
    return False


def _cpr_numbers(text):
    for match in _CPR.finditer(text):
        day, month, year = (int(group) for group in match.groups()[:3])
        if _is_cpr_date(day, month, year):
            yield Finding("cpr", match.group(0), match.start(), match.end())


def _references(text):
    prefix = re.escape(conf.get("BORGERRAADGIVER_REFERENCE_PREFIX"))
    for match in re.finditer(rf"\b{prefix}-\d{{4}}-\d{{3,}}\b", text, re.IGNORECASE):
        yield Finding("reference", match.group(0), match.start(), match.end())


def _names(text, names):
    for name in {" ".join(name.split()) for name in names if name and len(name.strip()) > 2}:
        pattern = r"\s+".join(re.escape(part) for part in name.split())
        for match in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
            yield Finding("name", match.group(0), match.start(), match.end())


def find_personal_data(text, names=()):
    """Every piece of personal data in ``text``, in reading order, without overlaps."""
    if not text:
        return []
    candidates = [
        *_cpr_numbers(text),
        *(Finding("email", m.group(0), m.start(), m.end()) for m in _EMAIL.finditer(text)),
        *_references(text),
        *(Finding("phone", m.group(0), m.start(), m.end()) for m in _PHONE.finditer(text)),
        *_names(text, names),
    ]
    findings, taken_until = [], -1
    # Earlier start first; at the same start the longer (e.g. CPR over phone) wins.
    for finding in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
        if finding.start >= taken_until:
            findings.append(finding)
            taken_until = finding.end
    return findings


def contains_cpr(text):
    return any(True for _ in _cpr_numbers(text or ""))


def validate_no_cpr(value):
    """Refuse text with a CPR-looking number: no part of the plugin registers CPR numbers."""
    if contains_cpr(value):
        raise ValidationError(
            _("The text contains what looks like a CPR number. CPR numbers are not registered "
              "here; please remove it."),
            code="cpr",
        )
