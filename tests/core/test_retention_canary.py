"""The issue's "done when": after retention, a canary planted in every text of a case, of a
veteran contact and of an office hours booking (and its reminder) is found nowhere, not in any
column of any table and not in private storage, while the statistics of the case's year are
unchanged. Runs on SQLite and PostgreSQL."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from wagtail.models import ModelLogEntry, Revision

from borgerraadgiver_plugin import audit, erasure
from borgerraadgiver_plugin.cases import erasure as case_erasure
from borgerraadgiver_plugin.cases import letters
from borgerraadgiver_plugin.cases.models import Case, CaseEvent, CaseHandlingMethod
from borgerraadgiver_plugin.choices import RetentionMode
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.outbox import deliver_due
from borgerraadgiver_plugin.reports.statistics import compute, make_period
from borgerraadgiver_plugin.retention import run
from borgerraadgiver_plugin.veterans.anonymisation import anonymise as veteran_anonymise
from borgerraadgiver_plugin.veterans.models import (
    ExternalPartner,
    MunicipalTouchpoint,
    VeteranContact,
)
from tests.factories import (
    CaseDocumentFactory,
    CaseFactory,
    ForwardingFactory,
    OutboxMessageFactory,
    OutreachBookingFactory,
    OutreachSessionFactory,
    PartnerReferralFactory,
    ReferralBodyFactory,
    RepresentativeFactory,
    ThemeFactory,
    UserFactory,
    VeteranActivityFactory,
    VeteranContactFactory,
)

pytestmark = pytest.mark.django_db

CANARY = "kanarie7731"
#: Texts that are not about the person: codes, the references (an imported case's reference in
#: the old log too) and the file's type.
NOT_PERSONAL = {"reference", "original_reference", "content_type", "kind", "claimed_by"}

PLANTED_TABLES = {
    "borgerraadgiver_cases_case", "borgerraadgiver_cases_casedocument",
    "borgerraadgiver_cases_caseevent", "borgerraadgiver_cases_forwarding",
    "borgerraadgiver_cases_representative",
    "borgerraadgiver_cases_letter",
    "borgerraadgiver_cases_outreachbooking",
    "borgerraadgiver_outboxmessage", "borgerraadgiver_veterans_municipaltouchpoint",
    "borgerraadgiver_veterans_partnerreferral", "borgerraadgiver_veterans_veteranactivity",
    "borgerraadgiver_veterans_veteranconsent", "borgerraadgiver_veterans_veterancontact",
    "wagtailcore_modellogentry", "wagtailcore_revision",
}


def plant(record, **extra):
    """Put the canary into every free text of ``record`` (not choices), saved as stored."""
    values = {}
    for field in record._meta.concrete_fields:
        if (isinstance(field, models.CharField | models.TextField) and not field.choices
                and field.name not in NOT_PERSONAL):
            text = f"{CANARY}@example.invalid" if isinstance(field, models.EmailField) \
                else f"{CANARY}-{field.name}"
            values[field.name] = text[:field.max_length] if field.max_length else text
    values.update(extra)
    type(record)._default_manager.filter(pk=record.pk).update(**values)
    for name, value in values.items():
        setattr(record, name, value)
    return record


def plant_log_and_revision(record):
    audit.record(None, record, audit.VIEW, searched=CANARY)
    ModelLogEntry.objects.filter(object_id=str(record.pk)).update(label=CANARY)
    content_type = ContentType.objects.get_for_model(record)
    Revision.objects.create(content_type=content_type, base_content_type=content_type,
                            object_id=str(record.pk), object_str=CANARY,
                            content={"name": CANARY})


def every_text_in_the_database():
    """Every value of every column of every table, as text."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (our own table names)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, memoryview | bytes):
                        value = bytes(value).decode("utf-8", "ignore")
                    yield table, str(value)


def every_stored_file():
    for root in (django_settings.BORGERRAADGIVER_PRIVATE_ROOT, django_settings.MEDIA_ROOT):
        for path in Path(root).rglob("*") if root and Path(root).exists() else ():
            if path.is_file():
                yield path, path.read_bytes().decode("utf-8", "ignore")


def where_is_the_canary():
    found = {table for table, text in every_text_in_the_database() if CANARY in text.lower()}
    return found | {str(path) for path, text in every_stored_file() if CANARY in text.lower()}


@pytest.fixture
def retention_on(site, groups):
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = RetentionMode.ANONYMISE
    settings.save()


def plant_a_case_and_a_contact():
    """A closed case and a veteran contact, both past retention, with the canary everywhere;
    returns them, the period of the case's year and its statistics before."""
    closed = timezone.now() - datetime.timedelta(days=6 * 365)
    case = CaseFactory(closed=True, received_at=closed - datetime.timedelta(days=30),
                       closed_at=closed, outcome="CRITICISM", criticism_level="CRITICISM")
    case.themes.add(ThemeFactory())
    case.referral_bodies.add(ReferralBodyFactory())
    CaseHandlingMethod.objects.create(case=case, method="REJECTED", used_on=closed.date())
    forwarding = ForwardingFactory(case=case, upheld="UPHELD")
    event = CaseEvent.objects.create(case=case, kind="NOTE", text="x")
    document = CaseDocumentFactory(case=case, content=f"%PDF-1.4 {CANARY}".encode())
    message = OutboxMessageFactory(reference=case.reference)
    # The representative and the power of attorney: written (the document) and oral (the note).
    representative = RepresentativeFactory(case=case, poa_document=document, poa_oral=True,
                                           poa_scope="NAMED_PARTS")
    # A letter sent through the file backend: its text is in the database, in its PDF on the
    # case and in the backend's own copy of what it sent.
    Case.objects.filter(pk=case.pk).update(citizen_address=f"{CANARY} vej 1")
    case.refresh_from_db()
    letter = letters.send_letter(case, None, subject="Svar", body=f"Kære {CANARY}")
    deliver_due()
    letter.refresh_from_db()
    assert letter.delivered_at
    for record in (case, forwarding, event, document, message, representative):
        plant(record)
    plant(letter, dispatch_id=letter.dispatch_id)
    plant(case, reference=case.reference, submission_key=f"{CANARY}-key")
    plant_log_and_revision(case)

    long_ago = timezone.localdate() - datetime.timedelta(days=6 * 365)
    contact = VeteranContactFactory(created_at=closed, consent__given_on=long_ago)
    touchpoint = MunicipalTouchpoint.objects.create(contact=contact, unit="x",
                                                    next_step_on=long_ago)
    activity = VeteranActivityFactory(contact=contact, date=long_ago,
                                      kind="COORDINATION_MEETING")
    activity.touchpoints.set([touchpoint])
    referral = PartnerReferralFactory(contact=contact, sent_on=long_ago,
                                      partner=ExternalPartner.objects.first())
    for record in (contact, *contact.consents.all(), touchpoint, activity, referral):
        plant(record)
    plant_log_and_revision(contact)

    # The booking the case was made from (a booking of its own is kept
    # BORGERRAADGIVER_BOOKING_KEEP_DAYS after its session: tests/outreach/test_booking_privacy.py).
    ended = timezone.now() - datetime.timedelta(days=31)
    booking = OutreachBookingFactory(case=case, session=OutreachSessionFactory(
        starts_at=ended - datetime.timedelta(hours=2), ends_at=ended))
    plant(booking)
    plant(OutboxMessageFactory(), dedupe_key=f"outreach-reminder:{booking.pk}")
    plant_log_and_revision(booking)

    year = timezone.localdate(closed).year
    period = make_period(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    before = compute(period, threshold=1).tables
    planted = where_is_the_canary()  # the search finds what was planted, everywhere
    assert {name for name in planted if "/" not in name} == PLANTED_TABLES
    assert any(name.endswith(Path(document.file.name).name) for name in planted)
    assert any(name.endswith(f"{letter.dispatch_id}/letter.json") for name in planted)
    return case, contact, period, before


def test_after_retention_the_canary_is_nowhere_and_the_statistics_are_unchanged(retention_on):
    case, contact, period, before = plant_a_case_and_a_contact()

    assert run().done == 2  # the booking goes with the case made from it

    assert where_is_the_canary() == set()
    assert compute(period, threshold=1).tables == before
    assert Case.objects.get(pk=case.pk).anonymised_at
    assert VeteranContact.objects.get(pk=contact.pk).anonymised_at


def test_after_an_erasure_on_request_the_canary_is_nowhere_and_the_statistics_are_unchanged(
        site, groups):
    """The same with retention off: erasure on request reaches every copy on its own."""
    case, contact, period, before = plant_a_case_and_a_contact()
    user = UserFactory()

    case_erasure.erase(case, user, reason="Borgerens anmodning", decided_by="DPO")
    erasure.erase(contact, user, reason="Kontaktens anmodning", anonymise=veteran_anonymise)

    assert where_is_the_canary() == set()
    assert compute(period, threshold=1).tables == before
    assert Case.objects.get(pk=case.pk).erased_at
    assert VeteranContact.objects.get(pk=contact.pk).erased_at
