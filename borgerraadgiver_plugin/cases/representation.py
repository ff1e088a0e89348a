"""When a representative may be told about a case: the power of attorney (fuldmagt) rule.

A representative takes over the party's rights only under a power of attorney (forvaltningsloven
§ 8; domain.md §4). It is valid on a day when it was received (as a document in the case's
private documents, or orally and noted) on or before that day and has not ended. Forwarding the
case to a unit is refused without one unless the advisor records why (:mod:`.workflow`), and the
letters feature asks the same question through ``Case.representative_may_be_told(on=day)``.

Plain rules: this module imports no records, so the records can use it.
"""

from dataclasses import dataclass

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class RepresentativeRelation(models.TextChoices):
    RELATIVE = "RELATIVE", _("Relative")
    LAWYER = "LAWYER", _("Lawyer")
    ORGANISATION = "ORGANISATION", _("Organisation")
    OTHER = "OTHER", _("Other")


class PowerOfAttorneyScope(models.TextChoices):
    WHOLE_CASE = "WHOLE_CASE", _("The whole case")
    NAMED_PARTS = "NAMED_PARTS", _("Named parts of the case")


@dataclass(frozen=True)
class PowerOfAttorney:
    """Where the power of attorney stands on one day: ``valid`` and a sentence that says it
    plainly ("Fuldmagt modtaget 3. marts, gælder til 31. december")."""

    valid: bool
    text: str
    expired: bool = False


def day_text(day, today):
    """``3. marts`` in the current year, ``3. marts 2025`` otherwise (the active language)."""
    return formats.date_format(day, "MONTH_DAY_FORMAT" if day.year == today.year
                               else "DATE_FORMAT")


def power_of_attorney(representative, on=None):
    """The state of ``representative``'s power of attorney on ``on`` (default today)."""
    on = on or timezone.localdate()
    if representative is None:
        return PowerOfAttorney(False, gettext("No representative is recorded on the case."))
    received, until = representative.poa_received_on, representative.poa_valid_until
    if received is None:
        if representative.poa_document_id:
            return PowerOfAttorney(False, gettext(
                "A power of attorney was attached, but it has not been checked and recorded "
                "yet."))
        return PowerOfAttorney(False, gettext("No power of attorney has been received."))
    if not (representative.poa_oral or representative.poa_document_id):
        return PowerOfAttorney(False, gettext(
            "The power of attorney is neither among the case's documents nor noted as oral."))
    words = {"received": day_text(received, on), "until": day_text(until, on) if until else ""}
    if received > on:
        return PowerOfAttorney(False, gettext(
            "The power of attorney applies from %(received)s.") % words)
    if until and until < on:
        return PowerOfAttorney(False, gettext(
            "The power of attorney expired on %(until)s.") % words, expired=True)
    if representative.poa_oral:
        text = (gettext("Oral power of attorney noted %(received)s, valid until %(until)s")
                if until else gettext("Oral power of attorney noted %(received)s, no end date"))
    else:
        text = (gettext("Power of attorney received %(received)s, valid until %(until)s")
                if until else gettext("Power of attorney received %(received)s, no end date"))
    text = text % words
    if representative.poa_scope == PowerOfAttorneyScope.NAMED_PARTS:
        text = gettext("%(state)s; it covers only: %(parts)s") % {
            "state": text, "parts": representative.poa_parts}
    return PowerOfAttorney(True, text + ".")
