"""A contact request from the public page becomes a registry entry, in one transaction."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import Channel
from ..outbox import queue_message
from ..provisioning import VETERAN_GROUP
from . import consent as rules
from . import outbox_kinds
from .choices import ActivityKind, ConsentScope, ContactSource, PreferredChannel
from .models.contact import VeteranConsent, VeteranContact
from .models.coordination import VeteranActivity

NOTICE_KIND = outbox_kinds.VETERAN_REQUEST


def notification_addresses(page=None):
    if page is not None and page.notification_email:
        return [page.notification_email]
    users = get_user_model().objects.filter(groups__name=VETERAN_GROUP, is_active=True)
    return sorted({email for email in users.values_list("email", flat=True) if email})


def register_request(data, nonce=None, page=None):
    """Store the contact, the registration consent given on the form, the first log entry and
    a notice to the coordinator that says nothing about the person, in one transaction. A
    second submit of the same rendered form (same ``nonce``) fails on the contact's unique
    ``request_token``; :func:`requested_before` then finds the first."""
    today = rules.today()
    with transaction.atomic():
        contact = VeteranContact.objects.create(
            role=data["role"], name=data["name"], phone=data.get("phone", ""),
            email=data.get("email", ""), best_time=data.get("best_time", ""),
            situation_note=data.get("message", ""), next_follow_up=today,
            source=ContactSource.REQUEST_PAGE, request_token=nonce,
            preferred_channel=PreferredChannel.PHONE if data.get("phone")
            else PreferredChannel.EMAIL,
        )
        VeteranConsent.objects.create(contact=contact, scope=ConsentScope.REGISTRATION,
                                      given_on=today, channel=Channel.WEBFORM)
        VeteranActivity.objects.create(contact=contact, kind=ActivityKind.CONTACT,
                                       date=today, follow_up=today,
                                       note=_("Asked to be contacted via the website."))
        for address in notification_addresses(page):
            queue_message(
                NOTICE_KIND, address,
                _("New contact request to the veteran coordinator"),
                _("A veteran or relative has asked to be contacted. Open the veteran "
                  "registry in the admin to see the request."),
                reference=contact.reference,
            )
    return contact


def requested_before(nonce):
    """The contact a submit of the same rendered form (same ``nonce``) stored, or None."""
    return VeteranContact.objects.filter(request_token=nonce).first()
