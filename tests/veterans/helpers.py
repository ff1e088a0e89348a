"""Helpers for the veteran tests: the registry's URLs, seeded partners and admin form data."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin.veterans.choices import ConsentScope, ContactRole
from borgerraadgiver_plugin.veterans.models import ExternalPartner

APP = "borgerraadgiver_veterans"


def today():
    return timezone.localdate()


def url(model_name, action, *args):
    return reverse(f"{APP}_{model_name}_modeladmin_{action}", args=args)


def partner(code="VETERANCENTRET"):
    return ExternalPartner.objects.filter(code=code).order_by("pk").first()


def formset(prefix, rows, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def contact_form(consents=(), touchpoints=(), initial_consents=0, initial_touchpoints=0,
                 **fields):
    data = {
        "role": ContactRole.VETERAN, "veteran": "", "relation": "", "name": "Lars Poulsen",
        "phone": "20 30 40 50", "email": "lars@example.invalid", "preferred_channel": "PHONE",
        "best_time": "", "address": "", "deploying_org": "FORSVARET",
        "mission": "Afghanistan 2009", "situation_note": "Vil gerne tale om job.",
        "next_follow_up": "", "active": "on",
    }
    data.update(fields)
    data = {key: value for key, value in data.items() if value is not None}
    data.update(formset("consents", list(consents), initial_consents))
    data.update(formset("touchpoints", list(touchpoints), initial_touchpoints))
    return data


def consent_row(scope=ConsentScope.REGISTRATION, given_on=None, withdrawn_on="", **extra):
    return {"scope": scope, "parties": "", "channel": "PHONE",
            "given_on": str(given_on or today()), "withdrawn_on": str(withdrawn_on or ""),
            "renew_by": "", **extra}


def existing_consents(contact):
    return [{**consent_row(c.scope, c.given_on, c.withdrawn_on or "", parties=c.parties,
                           renew_by=str(c.renew_by or "")), "id": str(c.pk)}
            for c in contact.consents.all()]


def logs(action, **filters):
    return ModelLogEntry.objects.filter(action=action, **filters)


def in_days(days):
    return today() + datetime.timedelta(days=days)
