"""Consent rules: no new activities or referrals without valid registration consent;
withdrawal offers anonymisation; renewals due show in a filter and on the dashboard."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.models import BorgerraadgiverSettings
from borgerraadgiver_plugin.veterans import consent as rules
from borgerraadgiver_plugin.veterans.choices import ConsentScope
from borgerraadgiver_plugin.veterans.models import (
    PartnerReferral,
    VeteranActivity,
    VeteranContact,
)
from borgerraadgiver_plugin.veterans.statistics import veteran_counts
from tests.factories import (
    PartnerReferralFactory,
    VeteranActivityFactory,
    VeteranConsentFactory,
    VeteranContactFactory,
)

from . import helpers

pytestmark = pytest.mark.django_db


def log_activity(client, contact, **fields):
    data = {"contact": contact.pk, "kind": "COORDINATION_MEETING",
            "date": str(helpers.today()), "participants": "Jobcenter", "note": "Plan aftalt",
            "follow_up": ""}
    data.update(fields)
    return client.post(helpers.url("veteranactivity", "create"), data)


def refer(client, contact, kind="REFERRAL", partner=None):
    return client.post(helpers.url("partnerreferral", "create"), {
        "contact": contact.pk, "partner": (partner or helpers.partner()).pk, "kind": kind,
        "sent_on": str(helpers.today()), "status": "SENT", "expected_answer": "", "note": ""})


def test_contact_without_consent_shows_a_warning_and_no_add_buttons(coordinator_client, groups):
    contact = VeteranContactFactory(name="Kim Andersen", without_consent=True)
    html = coordinator_client.get(helpers.url("veterancontact", "inspect", contact.pk)).content
    html = html.decode()
    assert "Intet samtykke til registrering" in html
    assert "kan kontakten ikke få nye aktiviteter" in html
    assert "Registrér et koordineringsmøde" not in html


def test_activity_refused_without_registration_consent(coordinator_client, groups):
    contact = VeteranContactFactory(name="Kim Andersen", without_consent=True)
    response = log_activity(coordinator_client, contact)
    assert response.status_code == 200
    assert "ikke et gyldigt samtykke til registrering" in response.content.decode()
    assert not VeteranActivity.objects.exists()


def test_referral_refused_without_registration_consent(coordinator_client, groups):
    contact = VeteranContactFactory(name="Kim Andersen", without_consent=True)
    response = refer(coordinator_client, contact)
    assert response.status_code == 200
    assert "ikke et gyldigt samtykke til registrering" in response.content.decode()
    assert not PartnerReferral.objects.exists()


def test_activity_refused_after_consent_lapsed(coordinator_client, groups):
    contact = VeteranContactFactory(name="Kim Andersen", without_consent=True)
    VeteranConsentFactory(contact=contact, given_on=helpers.in_days(-400),
                          renew_by=helpers.in_days(-35))
    assert contact.consent_state == rules.State.LAPSED
    assert log_activity(coordinator_client, contact).status_code == 200
    assert not VeteranActivity.objects.exists()


def test_activity_allowed_once_consent_is_recorded(coordinator_client, groups):
    contact = VeteranContactFactory(name="Kim Andersen", without_consent=True)
    data = helpers.contact_form(name="Kim Andersen", phone="56 57 57 57",
                                consents=[helpers.consent_row()])
    assert coordinator_client.post(helpers.url("veterancontact", "edit", contact.pk),
                                   data).status_code == 302
    response = log_activity(coordinator_client, contact, kind="CONTACT",
                            follow_up=str(helpers.in_days(14)))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.next_follow_up == helpers.in_days(14)


def test_nomination_needs_nomination_consent(coordinator_client, contact):
    fdv = helpers.partner("FDV")
    response = refer(coordinator_client, contact, kind="NOMINATION", partner=fdv)
    assert response.status_code == 200
    assert "kræver kontaktens samtykke til indstilling" in response.content.decode()
    VeteranConsentFactory(contact=contact, scope=ConsentScope.NOMINATION)
    assert refer(coordinator_client, contact, kind="NOMINATION", partner=fdv).status_code == 302
    nomination = PartnerReferral.objects.get()
    # FDV answers within 8 weeks: the expected answer comes from the partner.
    assert nomination.expected_answer == helpers.today() + datetime.timedelta(weeks=8)


def test_existing_activity_can_still_be_edited_after_consent_lapses(coordinator_client, contact):
    activity = VeteranActivityFactory(contact=contact, kind="CONTACT")
    contact.consents.update(renew_by=helpers.in_days(-1))
    response = coordinator_client.post(helpers.url("veteranactivity", "edit", activity.pk), {
        "contact": contact.pk, "kind": "CONTACT", "date": str(helpers.today()),
        "participants": "", "note": "Rettet", "follow_up": ""})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.note == "Rettet"


def test_withdrawing_consent_offers_anonymisation_and_anonymising_keeps_counts(
        coordinator_client, contact, veteran_coordinator):
    VeteranActivityFactory(contact=contact, kind="COORDINATION_MEETING",
                           note="Mødte Jens", participants="Jens' læge")
    PartnerReferralFactory(contact=contact, partner=helpers.partner(), note="Om Jens")
    before = veteran_counts(helpers.in_days(-1), helpers.in_days(1))
    rows = helpers.existing_consents(contact)
    rows[0]["withdrawn_on"] = str(helpers.today())
    data = helpers.contact_form(name="Jens Mikkelsen", phone="56 57 57 57",
                                situation_note="Noget", consents=rows, initial_consents=1)
    response = coordinator_client.post(helpers.url("veterancontact", "edit", contact.pk), data,
                                       follow=True)
    html = response.content.decode()
    assert "Samtykket til registrering er trukket tilbage" in html
    link = BeautifulSoup(html, "html.parser").find(
        "a", href=reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk]))
    assert "Anonymisér kontakten" in link.get_text()

    confirmation = coordinator_client.get(link["href"])
    form = confirm_form(confirmation)
    contact.refresh_from_db()
    assert contact.anonymised_at is None, "showing the confirmation changes nothing"
    response = coordinator_client.post(form.get("action") or link["href"], form_fields(form))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.anonymised_at and contact.name == "Anonymiseret"
    assert contact.phone == contact.email == contact.situation_note == ""
    activity = contact.activities.get()
    assert activity.note == "" and activity.participants == ""
    assert contact.referrals.get().note == ""
    assert helpers.logs(audit.ANONYMISE, object_id=str(contact.pk)).exists()
    after = veteran_counts(helpers.in_days(-1), helpers.in_days(1))
    assert after == before
    # Anonymised: read-only, and nothing new can be added.
    assert coordinator_client.get(
        helpers.url("veterancontact", "edit", contact.pk)).status_code == 403
    assert log_activity(coordinator_client, contact).status_code == 200
    assert coordinator_client.post(
        helpers.url("veteranactivity", "delete", activity.pk)).status_code == 403
    assert contact.activities.count() == 1


def withdraw_consent(contact):
    contact.consents.update(withdrawn_on=helpers.today())


def confirm_form(response):
    """The confirmation page's own form (not the admin's menu forms)."""
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").select_one(
        ".veteran-anonymise-confirm form[method=post]")
    assert form is not None
    return form


def form_fields(form):
    return {field["name"]: field.get("value", "") for field in form.find_all("input")
            if field.get("name")}


def test_anonymising_asks_for_confirmation_and_says_what_happens(coordinator_client, contact):
    VeteranActivityFactory(contact=contact, kind="CONTACT", note="Ringede")
    withdraw_consent(contact)
    url = reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk])
    response = coordinator_client.get(url)
    form = confirm_form(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(" ", strip=True) == "Anonymisér kontakten " + contact.reference
    text = soup.get_text(" ", strip=True)
    assert "Du er ved at anonymisere Jens Mikkelsen" in text
    assert "Det kan ikke fortrydes" in text
    assert "1 registreret aktivitet" in text
    assert "Ja, anonymisér kontakten" in form.get_text()
    assert form.find("a", href=helpers.url("veterancontact", "inspect", contact.pk))
    contact.refresh_from_db()
    assert contact.anonymised_at is None and contact.name == "Jens Mikkelsen"
    assert contact.activities.get().note == "Ringede"
    assert not helpers.logs(audit.ANONYMISE, object_id=str(contact.pk)).exists()


def test_a_plain_get_never_anonymises_even_when_repeated(coordinator_client, contact):
    withdraw_consent(contact)
    url = reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk])
    for _ in range(2):
        assert coordinator_client.get(url).status_code == 200
    contact.refresh_from_db()
    assert contact.anonymised_at is None and contact.name == "Jens Mikkelsen"


def test_anonymise_confirmation_is_not_offered_while_consent_is_valid(coordinator_client,
                                                                       contact):
    response = coordinator_client.get(
        reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk]), follow=True)
    assert "Kun en kontakt" in response.content.decode()
    contact.refresh_from_db()
    assert contact.anonymised_at is None


def test_anonymise_is_refused_while_consent_is_valid(coordinator_client, contact):
    response = coordinator_client.post(
        reverse("borgerraadgiver_veterans_anonymise", args=[contact.pk]), follow=True)
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.anonymised_at is None and contact.name == "Jens Mikkelsen"


def test_renew_by_defaults_to_the_settings_period(contact, site):
    settings = BorgerraadgiverSettings.for_site(site)
    settings.veteran_consent_renewal_months = 6
    settings.save()
    consent = VeteranConsentFactory(contact=contact, given_on=datetime.date(2026, 8, 31))
    assert consent.renew_by == datetime.date(2027, 2, 28)


def test_consents_due_for_renewal_show_in_filter_and_dashboard(coordinator_client, groups):
    due = VeteranContactFactory(name="Lars Poulsen", without_consent=True)
    VeteranConsentFactory(contact=due, given_on=helpers.in_days(-350),
                          renew_by=helpers.in_days(15))
    fresh = VeteranContactFactory(name="Jens Mikkelsen")
    assert fresh.consent_state == rules.State.VALID
    html = coordinator_client.get(helpers.url("veterancontact", "index") + "?consent=renewal")
    html = html.content.decode()
    assert "Lars Poulsen" in html and "Jens Mikkelsen</a>" not in html
    dashboard = coordinator_client.get("/admin/").content.decode()
    assert "1 samtykke skal fornys" in dashboard and "Lars Poulsen" in dashboard


def test_follow_ups_due_show_on_dashboard(coordinator_client, groups):
    VeteranContactFactory(name="Lars Poulsen", next_follow_up=helpers.in_days(-1))
    VeteranContactFactory(name="Jens Mikkelsen", next_follow_up=helpers.in_days(20))
    dashboard = coordinator_client.get("/admin/").content.decode()
    assert "1 opfølgning forfalder inden for en uge" in dashboard
    assert "Lars Poulsen" in dashboard and "Jens Mikkelsen" not in dashboard


def test_logging_an_activity_settles_the_follow_up_due(contact):
    contact.next_follow_up = helpers.today()
    contact.save()
    VeteranActivityFactory(contact=contact, kind="CONTACT")
    contact.refresh_from_db()
    assert contact.next_follow_up is None
    assert VeteranContact.objects.follow_up_due(helpers.in_days(7)).count() == 0
