"""A legal hold through the case screen: set with a reason, logged, shown, kept by retention."""

import pytest
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import Case
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.retention import run
from tests.factories import CaseFactory

from .admin_helpers import action_url, url
from .rendered_form import form_data
from .test_retention import old_case

pytestmark = pytest.mark.django_db


def submit(client, case, action, **answers):
    data = form_data(client, action_url(case, action))
    data.update({name: [value] for name, value in answers.items()})
    return client.post(action_url(case, action), data, follow=True)


def test_the_advisor_puts_a_case_under_legal_hold_and_retention_keeps_it(advisor_client,
                                                                         advisor):
    case = old_case()
    overview = advisor_client.get(url("inspect", case.pk)).content.decode()
    assert action_url(case, "hold") in overview

    response = submit(advisor_client, case, "hold", reason="Verserende retssag")

    page = response.content.decode()
    assert "Verserende retssag" in page and action_url(case, "lift-hold") in page
    held = Case.objects.get(pk=case.pk)
    assert held.legal_hold and held.legal_hold_by == advisor
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action=audit.LEGAL_HOLD)
    assert entry.data == {"reason": "Verserende retssag"} and entry.user == advisor
    settings = BorgerraadgiverSettings.current()
    settings.retention_mode = "ANONYMISE"
    assert run(settings=settings).done == 0
    assert Case.objects.get(pk=case.pk).anonymised_at is None


def test_a_hold_without_a_reason_is_refused(advisor_client):
    case = CaseFactory(open=True)
    submit(advisor_client, case, "hold", reason="")
    assert not Case.objects.get(pk=case.pk).legal_hold


def test_lifting_the_hold_lets_retention_take_the_case(advisor_client, site):
    case = old_case(legal_hold=True, legal_hold_reason="Arkivets anmodning")
    submit(advisor_client, case, "lift-hold", reason="Sagen er afgjort")
    lifted = Case.objects.get(pk=case.pk)
    assert not lifted.legal_hold and lifted.legal_hold_reason == ""
    assert ModelLogEntry.objects.filter(object_id=str(case.pk),
                                        action=audit.LEGAL_HOLD_LIFTED).exists()
