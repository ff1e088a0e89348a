"""Placeholders (flettefelter) in letter templates: ``{sagsnummer}`` and the like.

A template names placeholders in braces; :func:`unknown` finds any this module does not know
(a template naming one is refused on save), :func:`fill` puts a case's values in. Plain
``str`` work, no template engine: a template can only ever insert these values.
"""

import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import dates

PATTERN = re.compile(r"\{([^{}\s]*)\}")

#: name -> what it stands for (shown to whoever writes a template).
PLACEHOLDERS = {
    "sagsnummer": _("the case's reference"),
    "navn": _("the recipient's name (the citizen, or the representative the letter goes to)"),
    "modtaget": _("the date the inquiry was received"),
    "dato": _("today's date"),
    "enhed": _("the unit the case was forwarded to (or the case's area)"),
    "svarfrist": _("the date the unit's answer is due"),
    "raadgiver": _("the advisor's name"),
}


def unknown(text):
    """The placeholder names in ``text`` that are not in :data:`PLACEHOLDERS`, in order."""
    found = []
    for name in PATTERN.findall(text or ""):
        if name not in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def values(case, user=None, recipient_name=None):
    """What each placeholder stands for in ``case`` (empty where the case has no value);
    ``{navn}`` is ``recipient_name`` when given (a letter to the representative), else the
    citizen's."""
    forwarding = case.forwardings.select_related("unit").order_by("-sent_on", "-id").first()
    unit = forwarding.unit if forwarding else case.area
    advisor = ""
    if user is not None and getattr(user, "is_authenticated", False):
        advisor = user.get_full_name() or user.get_username()
    return {
        "sagsnummer": case.reference,
        "navn": case.citizen_name if recipient_name is None else recipient_name,
        "modtaget": dates.show(timezone.localdate(case.received_at)),
        "dato": dates.show(timezone.localdate()),
        "enhed": str(unit or ""),
        "svarfrist": dates.show(forwarding.due_on) if forwarding else "",
        "raadgiver": advisor,
    }


def fill(text, known):
    """``text`` with every known placeholder replaced from ``known``; others left as typed."""
    return PATTERN.sub(lambda match: str(known.get(match.group(1), match.group(0))), text or "")


def example_values():
    """Values for a template's preview: an invented citizen, never a real case."""
    today = dates.show(timezone.localdate())
    return {"sagsnummer": "BR-2026-0001", "navn": "Anne Eksempel", "modtaget": today,
            "dato": today, "enhed": "Center for Sundhed & Omsorg", "svarfrist": today,
            "raadgiver": "Borgerrådgiveren"}
