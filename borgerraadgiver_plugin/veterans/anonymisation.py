"""Anonymising a contact who withdrew registration consent: identity goes, counts stay.

Activities and referrals are kept (with their kind, date and partner) so the annual report's
counts do not change; every free text that could identify the person is emptied.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import audit
from .models import VeteranContact


@transaction.atomic
def anonymise(contact, user=None):
    contact = VeteranContact.objects.select_for_update().get(pk=contact.pk)
    if contact.anonymised_at:
        return contact
    contact.name = _("Anonymised")
    contact.phone = contact.email = contact.address = ""
    contact.best_time = contact.mission = contact.situation_note = ""
    contact.request_token = None
    contact.next_follow_up = None
    contact.active = False
    contact.anonymised_at = timezone.now()
    contact.save()
    contact.touchpoints.update(contact_person="")
    contact.consents.update(parties="")
    contact.activities.update(participants="", note="", follow_up=None)
    contact.referrals.update(note="")
    audit.record(user, contact, audit.ANONYMISE)
    return contact
