"""Representatives and powers of attorney on cases (issue 19): the rule that says whether the
representative may be told, the advisor's screen for recording them (through the rendered
form and the one attachment policy), forwarding refused without a valid power of attorney
unless the advisor says why, the overview saying it plainly, the public form's "on behalf of",
and party and representative kept apart in exports, statistics and pattern signals."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from borgerraadgiver_plugin.cases import exports, outbox_kinds, workflow
from borgerraadgiver_plugin.cases.models import Case, CaseDocument, Forwarding, Representative
from borgerraadgiver_plugin.choices import RequesterRole
from borgerraadgiver_plugin.models import OutboxMessage
from borgerraadgiver_plugin.reports import patterns
from borgerraadgiver_plugin.reports.statistics import compute, make_period
from tests.factories import CaseFactory, RepresentativeFactory

from .admin_helpers import action_url, url
from .form_answers import valid_data
from .rendered_form import form_data
from .sample_files import pdf

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def day(month, number, year=None):
    return datetime.date(year or TODAY.year, month, number)


def written(case, received, until=None):
    return RepresentativeFactory(case=case, poa_received_on=received, poa_valid_until=until)


# The rule, without HTTP.

def test_a_written_power_of_attorney_is_said_plainly_in_danish():
    case = CaseFactory()
    written(case, day(3, 3), day(12, 31))
    state = case.power_of_attorney(on=day(6, 1))
    assert state.valid
    assert state.text == "Fuldmagt modtaget 3. marts, gælder til 31. december."
    assert case.representative_may_be_told(on=day(6, 1))


def test_a_power_of_attorney_that_expired_yesterday_no_longer_lets_the_representative_be_told():
    case = CaseFactory()
    written(case, TODAY - datetime.timedelta(days=90), TODAY - datetime.timedelta(days=1))
    assert not case.representative_may_be_told()
    state = case.power_of_attorney()
    assert state.expired and state.text.startswith("Fuldmagten udløb")
    assert case.representative_may_be_told(on=TODAY - datetime.timedelta(days=1))


def test_no_representative_and_no_power_of_attorney_are_never_valid():
    case = CaseFactory()
    assert not case.representative_may_be_told()
    RepresentativeFactory(case=case, poa_received_on=None, poa_document=None)
    case = Case.objects.get(pk=case.pk)
    assert not case.representative_may_be_told()
    assert case.power_of_attorney().text == "Der er ikke modtaget en fuldmagt."


def test_an_attached_but_unchecked_power_of_attorney_is_not_valid_yet():
    representative = RepresentativeFactory(poa_received_on=None)
    assert representative.poa_document_id
    assert not representative.case.representative_may_be_told()
    assert "ikke kontrolleret" in representative.case.power_of_attorney().text


def test_an_oral_power_of_attorney_noted_counts_and_a_partial_one_says_what_it_covers():
    representative = RepresentativeFactory(
        poa_document=None, poa_oral=True, poa_oral_note="Parten sagde ja i telefonen.",
        poa_scope="NAMED_PARTS", poa_parts="klagen over hjemmehjælpen",
        poa_received_on=day(3, 3), poa_valid_until=None)
    state = representative.case.power_of_attorney(on=day(3, 4))
    assert state.valid
    assert state.text == ("Mundtlig fuldmagt noteret 3. marts, uden slutdato; den dækker kun: "
                          "klagen over hjemmehjælpen.")


def test_a_power_of_attorney_ending_before_it_was_received_is_refused_by_the_model():
    representative = RepresentativeFactory.build(
        case=CaseFactory(), poa_document=None, poa_oral=True, poa_oral_note="ja",
        poa_received_on=day(3, 3), poa_valid_until=day(3, 2))
    with pytest.raises(ValidationError) as error:
        representative.full_clean()
    assert "poa_valid_until" in error.value.message_dict


# The advisor's screen, through the rendered form.

@pytest.fixture
def open_case():
    return CaseFactory(open=True, consent_contact_unit=True, requester_role="REPRESENTATIVE")


def representative_form(client, case, **values):
    data = form_data(client, action_url(case, "representative"))
    data.update({key: [value] for key, value in values.items()})
    return data


def test_advisor_records_a_representative_with_a_written_power_of_attorney(advisor_client,
                                                                          open_case):
    data = representative_form(
        advisor_client, open_case, name="Advokat Lise Holm", relation="LAWYER",
        email="lise@advokat.invalid", poa_received_on=day(3, 3).isoformat(),
        poa_valid_until=day(12, 31).isoformat())
    data["document"] = pdf("fuldmagt.pdf")
    response = advisor_client.post(action_url(open_case, "representative"), data, follow=True)
    html = response.content.decode()
    assert "Repræsentanten og fuldmagten er registreret." in html
    representative = Representative.objects.get(case=open_case)
    assert representative.poa_document.original_name == "fuldmagt.pdf"
    assert representative.poa_document.case == open_case  # among the case's private documents
    if TODAY >= day(3, 3):
        assert "Fuldmagt modtaget 3. marts, gælder til 31. december." in html
        assert "Repræsentanten må orienteres om sagen." in html
    assert "Advokat Lise Holm" in html and "Anne Hansen" in html  # representative and party


def test_the_representatives_postal_address_is_recorded_and_shown(advisor_client, open_case):
    data = representative_form(
        advisor_client, open_case, name="Advokat Lise Holm", relation="LAWYER",
        address="Advokathuset\nTorvet 3\n4600 Køge", poa_received_on="", poa_valid_until="")
    response = advisor_client.post(action_url(open_case, "representative"), data, follow=True)
    assert "Torvet 3" in response.content.decode()
    assert Representative.objects.get(case=open_case).address == \
        "Advokathuset\nTorvet 3\n4600 Køge"
    # The form opens on the address recorded.
    assert representative_form(advisor_client, open_case)["address"] == [
        "Advokathuset\nTorvet 3\n4600 Køge"]


def test_a_power_of_attorney_ending_before_it_was_received_is_a_form_error(advisor_client,
                                                                         open_case):
    data = representative_form(
        advisor_client, open_case, name="Bo Berg", relation="RELATIVE",
        poa_received_on=day(3, 3).isoformat(), poa_valid_until=day(3, 1).isoformat(),
        poa_oral="on", poa_oral_note="Ja i telefonen.")
    response = advisor_client.post(action_url(open_case, "representative"), data)
    assert response.status_code == 200
    assert "Fuldmagten kan ikke udløbe, før den blev modtaget." in response.content.decode()
    assert not Representative.objects.exists()


def test_a_power_of_attorney_file_the_attachment_policy_refuses_is_a_form_error(
        advisor_client, open_case):
    data = representative_form(advisor_client, open_case, name="Bo Berg", relation="RELATIVE",
                               poa_received_on=TODAY.isoformat())
    data["document"] = SimpleUploadedFile("fuldmagt.exe", b"MZ\x90\x00binary",
                                          content_type="application/octet-stream")
    response = advisor_client.post(action_url(open_case, "representative"), data)
    assert response.status_code == 200
    assert "fuldmagt.exe" in response.content.decode()
    assert response.context["form"].errors["document"]
    assert not Representative.objects.exists() and not CaseDocument.objects.exists()


def test_a_received_power_of_attorney_needs_the_document_or_an_oral_note(advisor_client,
                                                                        open_case):
    data = representative_form(advisor_client, open_case, name="Bo Berg", relation="RELATIVE",
                               poa_received_on=TODAY.isoformat())
    response = advisor_client.post(action_url(open_case, "representative"), data)
    assert "Vedhæft fuldmagten, eller markér den som mundtlig" in response.content.decode()
    data.update(poa_oral=["on"], poa_oral_note=[""])
    response = advisor_client.post(action_url(open_case, "representative"), data)
    assert "Notér, hvad parten sagde" in response.content.decode()
    assert not Representative.objects.exists()


def test_the_form_opens_on_what_is_recorded_and_keeps_the_document(advisor_client, open_case):
    representative = written(open_case, TODAY, TODAY + datetime.timedelta(days=30))
    data = form_data(advisor_client, action_url(open_case, "representative"))
    assert data["name"] == ["Advokat Lise Holm"]
    data["phone"] = ["20 30 40 50"]
    advisor_client.post(action_url(open_case, "representative"), data)
    representative.refresh_from_db()
    assert representative.phone == "20 30 40 50" and representative.poa_document_id


# Forwarding.

def forward_data(client, case):
    data = form_data(client, action_url(case, "forward"))
    data["unit"] = [str(case.area_id)]
    return data


def test_forwarding_a_case_whose_power_of_attorney_expired_yesterday_is_refused(advisor_client,
                                                                              open_case):
    written(open_case, TODAY - datetime.timedelta(days=90), TODAY - datetime.timedelta(days=1))
    data = forward_data(advisor_client, open_case)
    assert "poa_reason" in data
    response = advisor_client.post(action_url(open_case, "forward"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fuldmagten udløb" in html and "uden en gyldig fuldmagt" in html
    assert not Forwarding.objects.exists()


def test_forwarding_without_a_valid_power_of_attorney_goes_when_the_advisor_says_why(
        advisor_client, open_case):
    written(open_case, TODAY - datetime.timedelta(days=90), TODAY - datetime.timedelta(days=1))
    data = forward_data(advisor_client, open_case)
    data["poa_reason"] = ["Parten bad selv om det i telefonen i dag."]
    response = advisor_client.post(action_url(open_case, "forward"), data, follow=True)
    assert "Sagen er videresendt." in response.content.decode()
    assert Forwarding.objects.filter(case=open_case).exists()
    assert open_case.events.filter(
        text__contains="Parten bad selv om det i telefonen i dag.").exists()


def test_forwarding_under_a_valid_power_of_attorney_asks_for_no_reason(advisor_client,
                                                                     open_case):
    written(open_case, TODAY, TODAY + datetime.timedelta(days=30))
    data = forward_data(advisor_client, open_case)
    assert "poa_reason" not in data
    advisor_client.post(action_url(open_case, "forward"), data)
    assert Forwarding.objects.filter(case=open_case).exists()


def test_recording_a_representative_makes_the_representative_the_requester(advisor):
    case = CaseFactory(open=True, requester_role="CITIZEN")
    workflow.record_representative(case, advisor, name="Bo Berg", relation="RELATIVE",
                                   poa_received_on=TODAY, poa_oral=True,
                                   poa_oral_note="Parten sagde ja.")
    case = Case.objects.get(pk=case.pk)
    assert case.requester_role == RequesterRole.REPRESENTATIVE
    assert case.representative_may_be_told()
    assert case.citizen_name == "Anne Hansen"  # the party stays the party


def test_the_rule_refuses_forwarding_without_http_too(advisor, open_case):
    RepresentativeFactory(case=open_case, poa_received_on=None, poa_document=None)
    case = Case.objects.get(pk=open_case.pk)
    with pytest.raises(workflow.WorkflowRefused):
        workflow.forward(case, advisor, unit=case.area)
    assert not Forwarding.objects.exists()


def test_the_overview_shows_at_a_glance_whether_the_representative_may_be_told(advisor_client,
                                                                             open_case):
    written(open_case, TODAY - datetime.timedelta(days=90), TODAY - datetime.timedelta(days=1))
    html = advisor_client.get(url("inspect", open_case.pk)).content.decode()
    assert "Part og repræsentant" in html and "Fuldmagten udløb" in html
    assert "Fortæl ikke repræsentanten om sagen" in html
    assert "Repræsentant og fuldmagt" in html  # the step to record a new one


# The public form.

def test_on_behalf_of_creates_the_representative_and_takes_the_power_of_attorney(
        client, form_page, area):
    data = valid_data(client, form_page, area, on_behalf="on", on_behalf_of="Karl Hansen",
                      representative_relation="RELATIVE", name="Anne Hansen",
                      email="anne@example.invalid")
    data["power_of_attorney"] = pdf("fuldmagt.pdf")
    response = client.post(form_page.url, data)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.requester_role == RequesterRole.REPRESENTATIVE
    assert (case.citizen_name, case.citizen_email) == ("Karl Hansen", "")
    representative = case.representative
    assert (representative.name, representative.email) == ("Anne Hansen",
                                                           "anne@example.invalid")
    assert representative.poa_document.original_name == "fuldmagt.pdf"
    assert not case.representative_may_be_told()  # the advisor checks it first
    receipt = OutboxMessage.objects.get(kind=outbox_kinds.ACKNOWLEDGEMENT)
    assert receipt.recipient == "anne@example.invalid"  # the writer gets the receipt


def test_a_power_of_attorney_the_policy_refuses_on_the_public_form_gets_a_danish_message(
        client, form_page, area):
    data = valid_data(client, form_page, area, on_behalf="on", on_behalf_of="Karl Hansen")
    data["power_of_attorney"] = SimpleUploadedFile("fuldmagt.exe", b"MZ\x90\x00binary")
    response = client.post(form_page.url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["power_of_attorney"]
    assert "fuldmagt.exe" in response.content.decode()
    assert not Case.objects.exists() and not CaseDocument.objects.exists()


def test_the_public_form_asks_for_the_power_of_attorney_as_an_attachment(client, form_page):
    html = client.get(form_page.url).content.decode()
    assert 'name="power_of_attorney"' in html and "Vedhæft fuldmagten" in html
    assert 'name="representative_relation"' in html


# Party and representative kept apart.

def test_a_representatives_cases_are_never_counted_as_theirs(groups):
    for party in ("Karl Hansen", "Mona Olsen", "Pia Berg"):
        RepresentativeFactory(case__citizen_name=party, case__citizen_email="",
                              case__citizen_phone="", email="lise@advokat.invalid")
    start = timezone.localdate() - datetime.timedelta(days=30)
    period = make_period(start, timezone.localdate() + datetime.timedelta(days=1))
    assert patterns.repeat_complainants(period, min_cases=2).people == []
    table = compute(period, threshold=1).tables["inquiries_by_requester_role"]
    counts = {row.code: row.cells[0] for row in table.rows}
    assert counts["REPRESENTATIVE"] == 3 and counts["CITIZEN"] == 0


def test_the_export_keeps_party_and_representative_in_their_own_columns(advisor, client,
                                                                       groups):
    representative = RepresentativeFactory(case__citizen_name="Karl Hansen")
    columns = exports.export_columns(True)
    reader = exports.CaseRows(Case, columns)
    [cells] = reader.rows(list(reader.read_from(Case.objects.all())))
    row = dict(zip(columns, cells, strict=True))
    assert row["citizen_name"] == "Karl Hansen"
    assert row["representative_name"] == representative.name
    assert row["representative_relation"] == "Advokat"
    assert row["requester_role"] == "Partsrepræsentant (fuldmagt)"
