"""Deadline rules without HTTP: working days and the next deadline."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases import deadlines, workflow
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from tests.factories import CaseFactory, ForwardingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_acknowledgement_skips_easter_and_weekends(site):
    settings = BorgerraadgiverSettings.current()
    # Maundy Thursday 2026-04-02 .. Easter Monday 2026-04-06 are holidays.
    due = deadlines.acknowledgement_due(datetime.date(2026, 3, 31), settings)
    assert due == settings.calendar.add(datetime.date(2026, 3, 31), settings.acknowledgement_days)
    assert (due - datetime.date(2026, 3, 31)).days > settings.acknowledgement_days + 4


def test_next_deadline_is_the_earliest_open_one(site):
    today = timezone.localdate()
    case = CaseFactory(open=True,
                       acknowledgement_due=today + datetime.timedelta(days=9))
    ForwardingFactory(case=case, due_on=today + datetime.timedelta(days=4))
    ForwardingFactory(case=case, answered_on=today, due_on=today + datetime.timedelta(days=1))
    assert deadlines.refresh_next_deadline(case) == today + datetime.timedelta(days=4)
    assert Case.objects.get(pk=case.pk).next_deadline == today + datetime.timedelta(days=4)


def test_closed_case_has_no_next_deadline(site):
    case = CaseFactory(closed=True, acknowledgement_due=timezone.localdate())
    assert deadlines.refresh_next_deadline(case) is None


def test_merging_into_a_merged_case_is_refused(site):
    user = UserFactory(username="rule-tester")
    first, second, third = CaseFactory(), CaseFactory(), CaseFactory()
    workflow.merge(first, second, user)
    with pytest.raises(workflow.WorkflowRefused):
        workflow.merge(third, Case.objects.get(pk=first.pk), user)
    with pytest.raises(workflow.WorkflowRefused):
        workflow.close(Case.objects.get(pk=first.pk), user, outcome="UPHELD",
                       methods=["GUIDED"])
