"""Consent rules of the veteran registry (domain.md §7 and §10.2).

The registry holds only people who gave registration consent. A contact without valid
registration consent shows a warning and gets no new activities or referrals; a consent is
reviewed every ``veteran_consent_renewal_months`` (default 12) and shows as due for renewal
from ``RENEWAL_WINDOW_DAYS`` before its renew-by date. A consent past its renew-by date has
lapsed and counts as not given until it is renewed.

This module holds plain rules; it imports no records, so the records can use it.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import ConsentScope

RENEWAL_WINDOW_DAYS = 30


class State:
    VALID = "valid"
    RENEWAL_DUE = "renewal_due"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"
    MISSING = "missing"

    LABELS = {
        VALID: _("Consent given"),
        RENEWAL_DUE: _("Consent due for renewal"),
        LAPSED: _("Consent lapsed: renew it"),
        WITHDRAWN: _("Consent withdrawn"),
        MISSING: _("No registration consent"),
    }
    #: States in which the contact may get new activities and referrals.
    ALLOWS_NEW_RECORDS = (VALID, RENEWAL_DUE)


def today():
    return timezone.localdate()


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def renewal_months():
    from ..models import BorgerraadgiverSettings

    return BorgerraadgiverSettings.current().veteran_consent_renewal_months


def default_renew_by(given_on, months=None):
    return add_months(given_on, months or renewal_months())


def valid_q(on=None, scope=ConsentScope.REGISTRATION, prefix=""):
    """Consents of ``scope`` in force on the day ``on`` (a Q on the consent, or via ``prefix``)."""
    on = on or today()
    return Q(**{f"{prefix}scope": scope, f"{prefix}given_on__lte": on,
                f"{prefix}withdrawn_on__isnull": True, f"{prefix}renew_by__gte": on})


def renewal_due_q(on=None, prefix=""):
    """Registration consents not withdrawn whose renew-by date is near or past."""
    on = on or today()
    return Q(**{f"{prefix}scope": ConsentScope.REGISTRATION,
                f"{prefix}withdrawn_on__isnull": True,
                f"{prefix}renew_by__lte": on + datetime.timedelta(days=RENEWAL_WINDOW_DAYS)})


def registration_state(consents, on=None):
    """The registration-consent :class:`State` of a contact, from its consents."""
    on = on or today()
    registrations = [c for c in consents if c.scope == ConsentScope.REGISTRATION
                     and c.given_on and c.given_on <= on]
    if not registrations:
        return State.MISSING
    current = [c for c in registrations if c.withdrawn_on is None]
    if not current:
        return State.WITHDRAWN
    latest = max(current, key=lambda c: (c.renew_by or c.given_on))
    if latest.renew_by and latest.renew_by < on:
        return State.LAPSED
    if latest.renew_by and latest.renew_by <= on + datetime.timedelta(days=RENEWAL_WINDOW_DAYS):
        return State.RENEWAL_DUE
    return State.VALID


def has_scope(consents, scope, on=None):
    on = on or today()
    return any(c.scope == scope and c.given_on and c.given_on <= on and c.withdrawn_on is None
               and (c.renew_by is None or c.renew_by >= on) for c in consents)


def check_new_record(contact, nomination=False):
    """Refuse a new activity or referral for a contact without valid registration consent."""
    if contact is None or contact.pk is None:
        return
    if contact.anonymised_at:
        raise ValidationError(
            _("This contact has been anonymised; nothing new can be recorded for them."),
            code="anonymised")
    consents = list(contact.consents.all())
    if registration_state(consents) not in State.ALLOWS_NEW_RECORDS:
        raise ValidationError(
            _("This contact has no valid registration consent. Record the consent before "
              "adding activities or referrals."), code="no_consent")
    if nomination and not has_scope(consents, ConsentScope.NOMINATION):
        raise ValidationError(
            _("A grant nomination needs the contact's consent to grant nomination. Record that "
              "consent first."), code="no_nomination_consent")


def check_dates(given_on, withdrawn_on, on=None):
    """Field errors for a consent's dates: withdrawn before given, or in the future."""
    on = on or today()
    errors = {}
    if given_on and given_on > on:
        errors["given_on"] = _("Consent cannot be given in the future.")
    if withdrawn_on and given_on and withdrawn_on < given_on:
        errors["withdrawn_on"] = _("Consent cannot be withdrawn before it was given.")
    elif withdrawn_on and withdrawn_on > on:
        errors["withdrawn_on"] = _("The withdrawal date cannot be in the future.")
    if errors:
        raise ValidationError(errors)


def offers_anonymisation(contact):
    """True when registration consent was withdrawn and the identity is still there."""
    return (not contact.anonymised_at
            and registration_state(list(contact.consents.all())) == State.WITHDRAWN)
