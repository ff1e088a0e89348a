"""Erasure on request and restriction (GDPR art. 17 and 18) of any record with
:class:`~.models.DataSubjectRights`: the rules, without HTTP.

Erasure is the same anonymisation retention uses (the part passes its ``anonymise``), done now,
with the reason and who decided kept as evidence; a legal hold refuses it. A restriction keeps
the record but hides it from listings, exports and lists of individual records until lifted; it
does not stop retention, which anonymises a restricted record when its time ends like any other
(only a legal hold keeps a record longer). A legal hold does not refuse a restriction: hiding a
record takes nothing away from the evidence the hold keeps.

Other parts may refuse an erasure with the ``register_borgerraadgiver_erasure_check`` hook:
``fn(record)`` returns a list of messages (empty: no objection).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from . import audit, dates
from .privacy import find_personal_data

CHECK_HOOK = "register_borgerraadgiver_erasure_check"


class RightsRefused(Exception):
    """The step is not allowed; ``str()`` says why, for the advisor."""


def _locked(record):
    return type(record)._default_manager.select_for_update().get(pk=record.pk)


def _names(record):
    return [value for value in (getattr(record, name, "") for name in record.NAME_FIELDS)
            if value]


def clean_reason(record, reason):
    """The reason, stripped; refused when empty or when it holds personal data, since it is
    kept (and logged) after the person's data is gone."""
    reason = (reason or "").strip()
    if not reason:
        raise RightsRefused(_("Give a reason; it is kept as evidence of the decision."))
    findings = find_personal_data(reason, _names(record))
    if findings:
        raise RightsRefused(_(
            "Write the reason without personal data: it is kept after the erasure. Remove "
            "the %(kind)s “%(text)s”.") % {"kind": findings[0].label, "text": findings[0].text})
    return reason


def erasure_refusals(record):
    """Why ``record`` cannot be erased now (empty when it can)."""
    if record.anonymised_at:
        return [_("%(record)s was already anonymised on %(day)s; there is nothing left to "
                  "erase.") % {"record": record,
                               "day": dates.show(timezone.localdate(record.anonymised_at))}]
    hold = record.legal_hold_reason_text()
    if hold:
        return [_("%(record)s is kept by a legal hold and cannot be erased until the hold is "
                  "lifted. The hold's reason: %(reason)s") % {"record": record, "reason": hold}]
    return [message for check in hooks.get_hooks(CHECK_HOOK) for message in check(record)]


@transaction.atomic
def erase(record, user, *, reason, decided_by="", anonymise):
    """Anonymise ``record`` now with ``anonymise(record, user)``, keeping why and who decided.

    ``decided_by`` names whoever decided if not ``user`` (e.g. the data protection officer).
    """
    record = _locked(record)
    reason = clean_reason(record, reason)
    decided_by = (decided_by or "").strip()[:200]
    if find_personal_data(decided_by, _names(record)):
        raise RightsRefused(_("“Decided by” names who decided (e.g. the data protection "
                              "officer), not the person whose data is erased."))
    refusals = erasure_refusals(record)
    if refusals:
        raise RightsRefused(" ".join(refusals))
    anonymise(record, user)
    record = _locked(record)
    record.erased_at = record.anonymised_at
    record.erased_by = user if getattr(user, "is_authenticated", False) else None
    record.erasure_reason, record.erasure_decided_by = reason, decided_by
    # Nothing personal is left to hide: an erased record shows as anonymised.
    record.restricted_at = record.restricted_by = None
    record.save(update_fields=["erased_at", "erased_by", "erasure_reason",
                               "erasure_decided_by", "restricted_at", "restricted_by"])
    audit.record(user, record, audit.ERASE, reason=reason, decided_by=decided_by)
    return record


@transaction.atomic
def restrict(record, user, *, reason):
    record = _locked(record)
    reason = clean_reason(record, reason)
    if record.anonymised_at:
        raise RightsRefused(_("%(record)s has been anonymised; there is nothing left to "
                              "restrict.") % {"record": record})
    if record.restricted_at:
        raise RightsRefused(_("%(record)s is already restricted.") % {"record": record})
    record.restricted_at, record.restricted_by = timezone.now(), user
    record.restriction_reason = reason
    record.save(update_fields=["restricted_at", "restricted_by", "restriction_reason"])
    audit.record(user, record, audit.RESTRICT, reason=reason)
    return record


@transaction.atomic
def lift_restriction(record, user, *, reason):
    record = _locked(record)
    reason = clean_reason(record, reason)
    if not record.restricted_at:
        raise RightsRefused(_("%(record)s is not restricted.") % {"record": record})
    record.restricted_at = record.restricted_by = None
    record.restriction_reason = ""
    record.save(update_fields=["restricted_at", "restricted_by", "restriction_reason"])
    audit.record(user, record, audit.RESTRICTION_LIFTED, reason=reason)
    return record
