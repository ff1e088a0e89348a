"""factory-boy factories for every record the tests build: one place that knows what a valid
case, forwarding, veteran contact or learning note looks like. Pages take ``parent=``."""

import datetime
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from borgerraadgiver_plugin.cases import outbox_kinds
from borgerraadgiver_plugin.cases.models import (
    Case,
    CaseDocument,
    ComplaintFormPage,
    Forwarding,
    OutreachBooking,
    OutreachPage,
    OutreachSession,
    Representative,
    SessionKind,
)
from borgerraadgiver_plugin.choices import CaseStatus, Channel, InquiryType
from borgerraadgiver_plugin.learning.models import (
    LearningNoteIndexPage,
    LearningNotePage,
    Recommendation,
)
from borgerraadgiver_plugin.models import Area, OutboxMessage, OutboxStatus, ReferralBody, Theme
from borgerraadgiver_plugin.outbox import MAX_ATTEMPTS
from borgerraadgiver_plugin.veterans.choices import ContactRole
from borgerraadgiver_plugin.veterans.models import (
    PartnerReferral,
    VeteranActivity,
    VeteranConsent,
    VeteranContact,
    VeteranContactPage,
)


class UserFactory(factory.django.DjangoModelFactory):
    """A person who logs in with password "pw"; ``groups=`` takes groups or their names."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password("pw")

    @factory.post_generation
    def groups(self, create, groups, **kwargs):
        if create and groups:
            self.groups.add(*(group if isinstance(group, Group) else Group.objects.get(name=group)
                              for group in groups))


class AreaFactory(factory.django.DjangoModelFactory):
    """A municipal area; it is also the unit a case is forwarded to."""

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
    """A new complaint taken by phone; ``open=True`` is being handled, ``forwarded=True``
    waits for the unit (``forwarding__due_on=`` its answer), ``closed=True`` is done."""

    class Meta:
        model = Case
        skip_postgeneration_save = True

    received_at = factory.LazyFunction(timezone.now)
    channel = Channel.PHONE
    inquiry_type = InquiryType.COMPLAINT
    citizen_name = "Anne Hansen"
    citizen_email = "anne@example.invalid"
    area = factory.SubFactory(AreaFactory)
    account = "Jeg har ikke fået svar."

    class Params:
        open = factory.Trait(status=CaseStatus.OPEN)
        forwarded = factory.Trait(
            status=CaseStatus.AWAITING_UNIT,
            forwarding=factory.RelatedFactory("tests.factories.ForwardingFactory", "case"))
        closed = factory.Trait(status=CaseStatus.CLOSED,
                               closed_at=factory.LazyFunction(timezone.now))


class ForwardingFactory(factory.django.DjangoModelFactory):
    """The case sent to its own area today, the answer due in ten days."""

    class Meta:
        model = Forwarding

    case = factory.SubFactory(CaseFactory)
    unit = factory.LazyAttribute(lambda forwarding: forwarding.case.area)
    sent_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda forwarding: forwarding.sent_on
                                   + datetime.timedelta(days=10))


class CaseDocumentFactory(factory.django.DjangoModelFactory):
    """A scanned, clean PDF on a case, stored in private storage; ``content=`` its bytes."""

    class Meta:
        model = CaseDocument

    class Params:
        content = b"%PDF-1.4\n"

    case = factory.SubFactory(CaseFactory)
    original_name = "afgoerelse.pdf"
    content_type = "application/pdf"
    file = factory.LazyAttribute(lambda document: ContentFile(document.content, name="upload"))
    size = factory.LazyAttribute(lambda document: len(document.content))
    sha256 = factory.LazyAttribute(lambda document: hashlib.sha256(document.content).hexdigest())


class RepresentativeFactory(factory.django.DjangoModelFactory):
    """A lawyer acting for the party under a written power of attorney received today and
    valid for a year (``poa_document=None, poa_received_on=None`` for none yet)."""

    class Meta:
        model = Representative

    case = factory.SubFactory(CaseFactory, requester_role="REPRESENTATIVE")
    name = "Advokat Lise Holm"
    relation = "LAWYER"
    email = "lise@advokat.invalid"
    address = "Advokathuset\nTorvet 3\n4600 Køge"
    poa_received_on = factory.LazyFunction(timezone.localdate)
    poa_valid_until = factory.LazyAttribute(
        lambda rep: rep.poa_received_on and rep.poa_received_on + datetime.timedelta(days=365))
    poa_document = factory.SubFactory(CaseDocumentFactory, original_name="fuldmagt.pdf",
                                      case=factory.SelfAttribute("..case"))


class OutboxMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboxMessage

    kind = "x"
    recipient = "a@example.invalid"
    subject = "Kvittering"
    body = "-"


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    text = factory.Sequence(lambda n: f"Anbefaling {n}")


class VeteranConsentFactory(factory.django.DjangoModelFactory):
    """The model's defaults: consent to be registered, given by phone today."""

    class Meta:
        model = VeteranConsent

    contact = factory.SubFactory("tests.factories.VeteranContactFactory",
                                without_consent=True)


class VeteranContactFactory(factory.django.DjangoModelFactory):
    """A veteran in the registry who consented by phone; ``without_consent=True`` for one who
    did not (yet)."""

    class Meta:
        model = VeteranContact
        skip_postgeneration_save = True

    name = "Jens Mikkelsen"
    role = ContactRole.VETERAN
    phone = "56 57 57 57"
    consent = factory.RelatedFactory(VeteranConsentFactory, "contact")

    class Params:
        without_consent = factory.Trait(consent=None)


class VeteranActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VeteranActivity

    contact = factory.SubFactory(VeteranContactFactory)
    kind = "CONTACT"


class PartnerReferralFactory(factory.django.DjangoModelFactory):
    """A referral to a partner the setup command seeded (``partner=`` one of them)."""

    class Meta:
        model = PartnerReferral

    contact = factory.SubFactory(VeteranContactFactory)


class PageFactory(factory.django.DjangoModelFactory):
    """A Wagtail page placed under ``parent=``; ``publish=True`` also publishes a revision,
    as an editor pressing "Publish" would."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, publish=False, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page


class ComplaintFormPageFactory(PageFactory):
    class Meta:
        model = ComplaintFormPage

    title = "Borgerrådgiveren"
    slug = "borgerraadgiveren"
    thank_you_text = "<p>Tak for din henvendelse.</p>"
    notification_emails = "raadgiver@example.invalid"


class VeteranContactPageFactory(PageFactory):
    class Meta:
        model = VeteranContactPage

    title = "Veteraner og pårørende"
    slug = "veteraner"
    publish = True


class LearningNoteIndexPageFactory(PageFactory):
    class Meta:
        model = LearningNoteIndexPage

    title = "Læringsnotater"
    slug = "laering"
    publish = True


class LearningNotePageFactory(PageFactory):
    """A published learning note; ``live=False`` keeps it a draft. Themes, areas, source
    cases and recommendations are set before the first save, as the editor's form does."""

    class Meta:
        model = LearningNotePage

    title = "Partshøring"
    date = datetime.date(2026, 3, 1)
    summary = "Hør borgeren først."
    body = factory.LazyFunction(lambda: [("text", "<p>Partshøring efter § 19.</p>")])

    @classmethod
    def _create(cls, model_class, *args, parent, themes=(), areas=(), source_cases=(),
                recommendations=(), live=True, **kwargs):
        note = model_class(*args, **kwargs)
        note.themes = list(themes)
        note.areas = list(areas)
        note.source_cases = list(source_cases)
        for recommendation in recommendations:
            note.recommendation_links.create(recommendation=recommendation)
        parent.add_child(instance=note)
        revision = note.save_revision()
        if live:
            revision.publish()
        else:
            note.live = False
            note.save()
        return model_class.objects.get(pk=note.pk)

class FailedMessageFactory(OutboxMessageFactory):
    """An e-mail the outbox gave up on after its last attempt."""

    kind = outbox_kinds.ACKNOWLEDGEMENT
    recipient = "anne@example.invalid"
    subject = factory.LazyAttribute(lambda message: f"Kvittering {message.reference}")
    body = "Tak for din henvendelse."
    reference = factory.Sequence(lambda n: f"BR-2026-{n + 1:04d}")
    status = OutboxStatus.FAILED
    attempts = MAX_ATTEMPTS
    last_error = "ConnectionRefusedError: mail server is down"


def _next_tuesday_at(hour):
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class OutreachSessionFactory(factory.django.DjangoModelFactory):
    """A session by appointment next Tuesday 14–16 at the library, four 30-minute slots."""

    class Meta:
        model = OutreachSession

    place_name = "Store Heddinge Bibliotek"
    address = "Ved Hallen 2, 4660 Store Heddinge"
    starts_at = factory.LazyFunction(lambda: _next_tuesday_at(14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    kind = SessionKind.BOOKING
    slot_minutes = 30


class OutreachBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutreachBooking

    session = factory.SubFactory(OutreachSessionFactory)
    slot_start = factory.LazyAttribute(lambda o: o.session.starts_at)
    name = "Birthe Madsen"
    phone = "20 30 40 50"
    email = "birthe@example.invalid"


class OutreachPageFactory(PageFactory):
    class Meta:
        model = OutreachPage

    title = "Træffetider"
    slug = "traeffetider"
    intro = "<p>Mød borgerrådgiveren.</p>"
