"""Erasure on request of a case: the case and the duplicates merged into it, anonymised now.

A duplicate merged into this case is the same matter, so its copy of the person's data goes
too; a duplicate erased on its own takes only its own data (its survivor is a case of its
own, erased separately if the request covers it). The rules are the core's
(:mod:`borgerraadgiver_plugin.erasure`); the anonymisation is retention's.
"""

from django.db import transaction

from .. import erasure
from ..models import OutboxMessage
from .anonymisation import anonymise


def scope(case):
    """The case first, then the duplicates merged into it that still hold data."""
    return [case, *case.merged_cases.filter(anonymised_at__isnull=True).order_by("pk")]


def refusals(case):
    return [message for each in scope(case) for message in erasure.erasure_refusals(each)]


def _anonymise(case, user):
    anonymise(case, user)


@transaction.atomic
def erase(case, user, *, reason, decided_by=""):
    """Erase ``case`` and its duplicates in one transaction; returns the erased cases."""
    found = refusals(case)
    if found:
        raise erasure.RightsRefused(" ".join(found))
    return [erasure.erase(each, user, reason=reason, decided_by=decided_by,
                          anonymise=_anonymise) for each in scope(case)]


def what_goes(case):
    """What the confirmation page tells the advisor an erasure of ``case`` removes."""
    cases = scope(case)
    return {
        "refusals": refusals(case),
        "duplicates": cases[1:],
        "document_count": sum(each.documents.count() for each in cases),
        "event_count": sum(each.events.count() for each in cases),
        "message_count": OutboxMessage.objects.filter(
            reference__in=[each.reference for each in cases]).count(),
        # The learning part adds this relation when installed.
        "learning_notes": list(case.learning_notes.all()) if hasattr(case, "learning_notes")
        else [],
    }
