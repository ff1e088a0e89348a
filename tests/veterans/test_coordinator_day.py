"""A whole day's work of the demo's veteran coordinator (user ``veteran``), over HTTP:
take a new contact from the request page, record consent, log a coordination meeting, refer
to Veterancentret, see follow-ups due."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from borgerraadgiver_plugin import spam
from borgerraadgiver_plugin.demo import DEMO_PASSWORD
from borgerraadgiver_plugin.models import Area, OutboxMessage
from borgerraadgiver_plugin.veterans.choices import ConsentScope
from borgerraadgiver_plugin.veterans.models import NeedArea, VeteranContact

from . import helpers

pytestmark = pytest.mark.django_db


def test_a_coordinators_day_in_the_demo(groups, home):
    cache.clear()
    call_command("borgerraadgiver_demo", verbosity=0)

    # Morning: a veteran asks to be contacted on /veteraner/.
    citizen = Client()
    assert citizen.get("/veteraner/").status_code == 200
    response = citizen.post("/veteraner/", {
        "role": "VETERAN", "name": "Ole Udsendt", "phone": "+45 22 33 44 55",
        "best_time": "Efter kl. 15", "message": "Jeg er lige flyttet til Stevns.",
        "consent": "on", "website": "", "form_token": spam.issue_token()})
    assert response.status_code == 302
    receipt = citizen.get(response["Location"]).content.decode()
    contact = VeteranContact.objects.get(name="Ole Udsendt")
    assert contact.reference in receipt
    assert OutboxMessage.objects.filter(reference=contact.reference).exists()

    # The coordinator logs in and sees the request among today's follow-ups.
    coordinator = Client()
    assert coordinator.login(username="veteran", password=DEMO_PASSWORD)
    dashboard = coordinator.get("/admin/").content.decode()
    assert "Ole Udsendt" in dashboard
    listing = coordinator.get(helpers.url("veterancontact", "index") + "?follow_up=week")
    assert "Ole Udsendt" in listing.content.decode()
    page = coordinator.get(helpers.url("veterancontact", "inspect", contact.pk)).content.decode()
    assert "Jeg er lige flyttet til Stevns." in page and "Samtykke givet" in page

    # After the call: record consent to contact the job centre, needs and the touchpoint.
    jobcenter = Area.objects.get(name="Jobcenter Stevns")
    rows = helpers.existing_consents(contact)
    rows.append(helpers.consent_row(ConsentScope.MUNICIPAL_UNITS, channel="PHONE",
                                    parties="Jobcenter Stevns"))
    data = helpers.contact_form(
        name="Ole Udsendt", phone="+45 22 33 44 55", email="", best_time="Efter kl. 15",
        situation_note="Nyligt flyttet; ønsker hjælp til job.", deploying_org="FORSVARET",
        mission="Afghanistan 2011", in_contact_with_veterancentret="",
        need_areas=[str(NeedArea.objects.get(code="EMPLOYMENT").pk)],
        consents=rows, initial_consents=len(rows) - 1,
        touchpoints=[{"area": str(jobcenter.pk), "unit": "Team Ressourceforløb",
                      "contact_person": "Sagsbehandler", "since": "", "until": ""}])
    response = coordinator.post(helpers.url("veterancontact", "edit", contact.pk), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert contact.consents.filter(scope=ConsentScope.MUNICIPAL_UNITS).exists()

    # Log a coordination meeting with the job centre; follow up in five days.
    follow_up = helpers.in_days(5)
    create_activity = helpers.url("veteranactivity", "create")
    form = coordinator.get(f"{create_activity}?contact={contact.pk}&kind=COORDINATION_MEETING")
    assert form.status_code == 200
    response = coordinator.post(create_activity, {
        "contact": contact.pk, "kind": "COORDINATION_MEETING", "date": str(helpers.today()),
        "touchpoints": [str(contact.touchpoints.get().pk)],
        "participants": "Jobcenter Stevns, veterankoordinator",
        "note": "Aftalt plan for afklaring.", "follow_up": str(follow_up)})
    assert response.status_code == 302

    # Refer to Veterancentret.
    response = coordinator.post(helpers.url("partnerreferral", "create"), {
        "contact": contact.pk, "partner": helpers.partner("VETERANCENTRET").pk,
        "kind": "REFERRAL", "sent_on": str(helpers.today()), "status": "SENT",
        "expected_answer": "", "note": "Ønsker samtale med brobygger."})
    assert response.status_code == 302

    # The whole picture on one page, and the follow-up among those due.
    page = coordinator.get(helpers.url("veterancontact", "inspect", contact.pk)).content.decode()
    for text in ("Koordineringsmøde", "Aftalt plan for afklaring.", "Veterancentret",
                 "Team Ressourceforløb", "Jobcenter Stevns", "Beskæftigelse"):
        assert text in page, text
    contact.refresh_from_db()
    assert contact.next_follow_up == follow_up
    listing = coordinator.get(helpers.url("veterancontact", "index") + "?follow_up=week")
    assert "Ole Udsendt" in listing.content.decode()
    assert "Ole Udsendt" in coordinator.get("/admin/").content.decode()

    # And the coordinator still cannot see the cases.
    assert "veterans" in coordinator.get("/admin/").content.decode()
    assert coordinator.get("/admin/borgerraadgiver/cases/").status_code == 403
