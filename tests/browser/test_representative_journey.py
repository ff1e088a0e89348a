"""A representative and a power of attorney in chromium (issue 19): a relative writes on behalf
of her father through the public form and attaches the power of attorney; the advisor sees at
a glance that it is not yet checked, records it (a valid-until before the received date is
refused), sees "Fuldmagt modtaget …, gælder til …", and on a case whose power of attorney
expired yesterday is refused the forwarding until she records why; the same goes for a letter
to the representative, which she then sends with the reason."""

import datetime

import pytest
from django.utils import timezone

from borgerraadgiver_plugin.cases.models import Case, Forwarding, Letter
from borgerraadgiver_plugin.cases.representation import day_text
from tests.browser.support import open_step, submit
from tests.cases.admin_helpers import url
from tests.factories import CaseFactory, RepresentativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True),
              pytest.mark.usefixtures("forms_without_waiting")]

POA = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" \
      b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def overview(journey, case):
    journey.goto(url("inspect", case.pk))


def test_a_relative_writes_on_behalf_and_the_advisor_records_the_power_of_attorney(
        journey, form_page, area, rikke):
    page = journey.page
    today = timezone.localdate()
    journey.goto(form_page.url)
    page.check("input[name=inquiry_type][value=COMPLAINT]")
    page.check(f"input[name=area][value='{area.pk}']")
    page.fill("#id_account", "Min far har ikke fået svar på sin ansøgning om hjælpemidler.")
    page.fill("#id_name", "Louise Hansen")
    page.fill("#id_email", "louise@example.invalid")
    page.check("#id_consent_contact_unit")
    page.check("#id_on_behalf")
    page.fill("#id_on_behalf_of", "Karl Hansen")
    page.check("input[name=representative_relation][value=RELATIVE]")
    page.set_input_files("input[name=power_of_attorney]", files=[{
        "name": "fuldmagt.pdf", "mimeType": "application/pdf", "buffer": POA}])
    journey.step("citizen-writes-on-behalf")
    page.click("button[type=submit]")
    page.wait_for_url("**/kvittering/**")
    case = Case.objects.get()
    assert case.citizen_name == "Karl Hansen" and case.representative.name == "Louise Hansen"
    journey.step("citizen-receipt")

    journey.log_in("rikke", "rigtig-hemmelig")
    overview(journey, case)
    state = page.locator("#power-of-attorney").inner_text()
    assert "ikke kontrolleret" in state and "Fortæl ikke repræsentanten" in state
    journey.step("overview-power-of-attorney-unchecked")

    open_step(page, "Repræsentant og fuldmagt")
    assert page.input_value("input[name=name]") == "Louise Hansen"
    received = today - datetime.timedelta(days=2)
    page.fill("input[name=poa_received_on]", received.isoformat())
    page.fill("input[name=poa_valid_until]", (received - datetime.timedelta(days=1)).isoformat())
    submit(page)
    assert "Fuldmagten kan ikke udløbe, før den blev modtaget." in page.inner_text("main")
    journey.step("valid-until-before-received-refused")

    until = datetime.date(today.year + 1, 12, 31)
    page.fill("input[name=poa_valid_until]", until.isoformat())
    journey.step("power-of-attorney-filled-in")
    submit(page)
    state = page.locator("#power-of-attorney").inner_text()
    assert (f"Fuldmagt modtaget {day_text(received, today)}, gælder til "
            f"{day_text(until, today)}.") in state
    assert "Repræsentanten må orienteres om sagen." in state
    journey.step("overview-power-of-attorney-valid")


def test_forwarding_under_an_expired_power_of_attorney_needs_a_reason(journey, rikke, groups):
    page = journey.page
    today = timezone.localdate()
    case = CaseFactory(open=True, consent_contact_unit=True, requester_role="REPRESENTATIVE",
                       citizen_name="Karl Hansen")
    RepresentativeFactory(case=case, name="Advokat Lise Holm",
                          poa_received_on=today - datetime.timedelta(days=90),
                          poa_valid_until=today - datetime.timedelta(days=1))
    journey.log_in("rikke", "rigtig-hemmelig")
    overview(journey, case)
    assert "Fuldmagten udløb" in page.locator("#power-of-attorney").inner_text()
    journey.step("overview-power-of-attorney-expired")

    open_step(page, "Videresend til enheden")
    journey.step("forward-form-asks-why")
    submit(page)
    main = page.inner_text("main")
    assert "Fuldmagten udløb" in main and "uden en gyldig fuldmagt" in main
    assert not Forwarding.objects.exists()
    journey.step("forward-refused")

    page.fill("textarea[name=poa_reason]", "Parten bad selv om det i telefonen i dag.")
    submit(page)
    assert Forwarding.objects.filter(case=case).exists()
    assert "Parten bad selv om det i telefonen i dag." in page.inner_text("main")
    journey.step("forwarded-with-reason")


def test_a_letter_to_the_representative_under_an_expired_power_of_attorney_needs_a_reason(
        journey, rikke, groups):
    page = journey.page
    today = timezone.localdate()
    case = CaseFactory(open=True, requester_role="REPRESENTATIVE", citizen_name="Karl Hansen",
                       citizen_address="Hovedgaden 1\n4660 Store Heddinge")
    RepresentativeFactory(case=case, name="Advokat Lise Holm",
                          address="Advokathuset\nTorvet 3\n4600 Køge",
                          poa_received_on=today - datetime.timedelta(days=90),
                          poa_valid_until=today - datetime.timedelta(days=1))
    journey.log_in("rikke", "rigtig-hemmelig")
    overview(journey, case)
    open_step(page, "Skriv et brev")
    assert page.get_by_label("Parten: Karl Hansen").is_checked()
    page.get_by_label("Repræsentanten: Advokat Lise Holm (Advokat)").check()
    page.fill("#id_subject", "Status på sagen {sagsnummer}")
    page.fill("#id_body", "Kære {navn}\n\nSagen er videresendt til enheden.")
    assert "Fuldmagten udløb" in page.locator(".br-poa-state").inner_text()
    journey.step("letter-form-with-recipient-choice")

    page.get_by_role("button", name="Send brevet", exact=True).click()
    page.wait_for_load_state()
    main = page.inner_text("main")
    assert "Repræsentanten må ikke orienteres om sagen uden en gyldig fuldmagt" in main
    assert page.get_by_label("Repræsentanten: Advokat Lise Holm (Advokat)").is_checked()
    assert not Letter.objects.exists()
    page.locator("[role=alert]").first.scroll_into_view_if_needed()
    journey.step("letter-to-representative-refused")

    page.fill("textarea[name=poa_reason]", "Parten bad i telefonen i dag om, at advokaten får "
                                           "brevet.")
    page.get_by_role("button", name="Forhåndsvisning", exact=True).click()
    page.wait_for_load_state()
    preview = page.locator("section:has(#letter-preview)").inner_text()
    assert "Kære Advokat Lise Holm" in preview and "Torvet 3" in preview
    page.get_by_role("button", name="Send brevet", exact=True).click()
    page.wait_for_load_state()
    letter = Letter.objects.get()
    assert letter.recipient == "REPRESENTATIVE" and letter.recipient_name == "Advokat Lise Holm"
    letters = page.locator("section:has(#case-letters)").inner_text()
    assert f"Til repræsentanten: Status på sagen {case.reference}" in letters
    timeline = page.locator("section:has(#case-timeline)").inner_text()
    assert "Brev til repræsentanten (Advokat)" in timeline
    assert "Parten bad i telefonen i dag om, at advokaten får brevet." in timeline
    page.locator("#case-letters").scroll_into_view_if_needed()
    journey.step("letter-to-representative-sent")
