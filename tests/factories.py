import factory
from django.utils import timezone

from borgerraadgiver_plugin.cases import outbox_kinds
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.choices import Channel, InquiryType
from borgerraadgiver_plugin.models import Area, OutboxMessage, OutboxStatus, ReferralBody, Theme
from borgerraadgiver_plugin.outbox import MAX_ATTEMPTS


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Center {n}")
    committee = "Social og Sundhed"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"THEME_{n}")
    name = factory.Sequence(lambda n: f"Tema {n}")


class ReferralBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferralBody

    name = factory.Sequence(lambda n: f"Klageorgan {n}")


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    received_at = factory.LazyFunction(timezone.now)
    channel = Channel.PHONE
    inquiry_type = InquiryType.COMPLAINT
    citizen_name = "Anne Hansen"
    citizen_email = "anne@example.invalid"
    area = factory.SubFactory(AreaFactory)
    account = "Jeg har ikke fået svar."


class FailedMessageFactory(factory.django.DjangoModelFactory):
    """An e-mail the outbox gave up on after its last attempt."""

    class Meta:
        model = OutboxMessage

    kind = outbox_kinds.ACKNOWLEDGEMENT
    recipient = "anne@example.invalid"
    subject = factory.LazyAttribute(lambda message: f"Kvittering {message.reference}")
    body = "Tak for din henvendelse."
    reference = factory.Sequence(lambda n: f"BR-2026-{n + 1:04d}")
    status = OutboxStatus.FAILED
    attempts = MAX_ATTEMPTS
    last_error = "ConnectionRefusedError: mail server is down"
