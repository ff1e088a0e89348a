"""The citizen's view of a case's status (cases.public_status), without HTTP."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases import public_status, workflow
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import OutboxMessage
from borgerraadgiver_plugin.working_days import WorkingCalendar
from tests.factories import AreaFactory, CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 30)


def status_of(case, today=MONDAY):
    return public_status.public_status(Case.objects.get(pk=case.pk), today=today,
                                       calendar=WorkingCalendar())


def test_a_new_case_is_received_with_its_acknowledgement_date_in_working_days():
    case = CaseFactory(acknowledgement_due=datetime.date(2026, 12, 4))
    status = status_of(case)
    assert (status.code, status.expected_on, status.working_days_left) == (
        public_status.RECEIVED, datetime.date(2026, 12, 4), 4)
    assert str(status.label) == "Modtaget"


def test_working_days_skip_the_weekend_and_a_passed_date_is_overdue():
    case = CaseFactory(acknowledgement_due=datetime.date(2026, 12, 7))  # the next Monday
    assert status_of(case, today=datetime.date(2026, 12, 4)).working_days_left == 1
    late = status_of(case, today=datetime.date(2026, 12, 9))
    assert late.working_days_left == -2 and late.is_overdue


def test_a_forwarded_case_waits_for_the_administration_until_its_answer_is_due():
    case = CaseFactory(forwarded=True, forwarding__sent_on=MONDAY,
                       forwarding__due_on=datetime.date(2026, 12, 14),
                       acknowledgement_due=datetime.date(2026, 12, 2),
                       acknowledged_at=timezone.now())
    status = status_of(case)
    assert (status.code, status.expected_on, status.working_days_left) == (
        public_status.AWAITING_UNIT, datetime.date(2026, 12, 14), 10)


def test_a_case_paused_for_the_citizen_is_in_progress_and_asks_for_their_answer():
    case = CaseFactory(open=True, acknowledged_at=timezone.now())
    workflow.pause(case, UserFactory(), reason="Mangler afgørelsen")
    status = status_of(case, today=timezone.localdate())
    assert status.code == public_status.IN_PROGRESS and status.awaiting_citizen
    assert status.expected_on == Case.objects.get(pk=case.pk).citizen_reply_due


def test_an_open_case_with_no_deadline_has_no_expected_date():
    status = status_of(CaseFactory(open=True, acknowledged_at=timezone.now()))
    assert (status.code, status.expected_on, status.working_days_left) == (
        public_status.IN_PROGRESS, None, None)


def test_a_closed_case_says_when_it_was_closed():
    closed_at = timezone.make_aware(datetime.datetime(2026, 11, 20, 23, 30))
    status = status_of(CaseFactory(closed=True, closed_at=closed_at))
    assert (status.code, status.closed_on, status.expected_on) == (
        public_status.CLOSED, datetime.date(2026, 11, 20), None)


def test_a_merged_case_shows_the_status_of_the_case_it_was_merged_into():
    area = AreaFactory()
    survivor = CaseFactory(area=area, forwarded=True, forwarding__due_on=MONDAY)
    duplicate = CaseFactory(area=area)
    workflow.merge(duplicate, survivor, UserFactory())
    assert status_of(duplicate).code == public_status.AWAITING_UNIT


def link_for(case):
    return f"https://kommune.example/klage/kvittering/{case.receipt_token}/"


def test_the_link_is_sent_again_only_to_the_address_on_the_case():
    case = CaseFactory(citizen_email="Anne@Example.invalid")
    assert not public_status.send_link_again(case.reference, "other@example.invalid", link_for)
    assert not public_status.send_link_again("BR-1999-0001", "anne@example.invalid", link_for)
    assert not OutboxMessage.objects.exists()
    assert public_status.send_link_again(f" {case.reference.lower()} ", "anne@example.INVALID",
                                         link_for)
    message = OutboxMessage.objects.get()
    assert message.recipient == "Anne@Example.invalid"
    assert link_for(case) in message.body and case.citizen_name not in message.body
    assert case.account not in message.body


def test_the_link_goes_at_most_once_an_hour_and_never_for_an_anonymised_case():
    case = CaseFactory()
    now = timezone.now()
    assert public_status.send_link_again(case.reference, case.citizen_email, link_for, now=now)
    assert not public_status.send_link_again(case.reference, case.citizen_email, link_for,
                                             now=now)
    assert OutboxMessage.objects.count() == 1
    Case.objects.filter(pk=case.pk).update(anonymised_at=now)
    later = now + datetime.timedelta(hours=2)
    assert not public_status.send_link_again(case.reference, case.citizen_email, link_for,
                                             now=later)


def test_a_case_without_an_e_mail_address_never_gets_a_link():
    case = CaseFactory(citizen_email="")
    assert not public_status.send_link_again(case.reference, "", link_for)
    assert not public_status.send_link_again(case.reference, "x@example.invalid", link_for)
