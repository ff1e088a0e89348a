"""Anonymising a contact (consent withdrawn, or retention ended): identity goes, counts stay.

Activities and referrals are kept (with their kind, date and partner) so the annual report's
counts do not change; every free text that could identify the person is emptied, the log
entries about the person keep only the reference, and the receipt link dies with a new token.
"""

from django.core import serializers
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import audit, dates
from ..public_forms import new_receipt_token
from ..retention import Source, start_of, write_json
from .models import MunicipalTouchpoint, PartnerReferral, VeteranActivity, VeteranContact


@transaction.atomic
def anonymise(contact, user=None):
    contact = VeteranContact.objects.select_for_update().get(pk=contact.pk)
    if contact.anonymised_at:
        return contact
    contact.name = _("Anonymised")
    contact.phone = contact.email = contact.address = ""
    contact.best_time = contact.mission = contact.situation_note = ""
    for name in VeteranContact.RIGHTS_TEXT_FIELDS:
        setattr(contact, name, "")
    contact.request_token = None
    contact.receipt_token = new_receipt_token()
    contact.next_follow_up = None
    contact.active = False
    contact.anonymised_at = timezone.now()
    contact.save()
    contact.touchpoints.update(contact_person="", unit="", next_step="", next_step_on=None)
    contact.consents.update(parties="")
    contact.activities.update(participants="", note="", follow_up=None)
    contact.referrals.update(note="")
    audit.scrub(contact, related=[
        (model, list(model.objects.filter(contact=contact).values_list("pk", flat=True)))
        for model in (MunicipalTouchpoint, VeteranActivity, PartnerReferral)
    ])
    audit.record(user, contact, audit.ANONYMISE)
    return contact


def due(cutoff):
    """Contacts with nothing registered since ``cutoff``: no registration, consent, activity,
    referral or planned follow-up on or after that day. The registry has no inactivity setting
    of its own, so the advisor's retention period counts from the last of these."""
    recent = (Q(created_at__gte=start_of(cutoff)) | Q(next_follow_up__gte=cutoff)
              | Q(consents__given_on__gte=cutoff) | Q(activities__date__gte=cutoff)
              | Q(referrals__sent_on__gte=cutoff))
    return (VeteranContact.objects.filter(anonymised_at__isnull=True).exclude(recent)
            .order_by("created_at", "pk"))


def describe(contact):
    return _("veteran contact %(reference)s, registered %(day)s") % {
        "reference": contact.reference, "day": dates.show(timezone.localdate(contact.created_at))}


def export(contact, folder):
    rows = [contact, *contact.consents.all(), *contact.touchpoints.all(),
            *contact.activities.all(), *contact.referrals.all()]
    return write_json(folder, contact.reference, serializers.serialize("python", rows))


def source():
    return Source(due=due, describe=describe,
                  anonymise=anonymise, export=export)
