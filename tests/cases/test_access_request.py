"""The advisor answers an access request (indsigt) through the admin: searches for the person,
ticks the records that are theirs, downloads one ZIP, and the search and the export are logged."""

import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from borgerraadgiver_plugin import audit
from borgerraadgiver_plugin.cases.models import CaseEvent
from borgerraadgiver_plugin.provisioning import VETERAN_GROUP
from tests.cases.rendered_form import rendered_form
from tests.factories import (
    CaseDocumentFactory,
    CaseFactory,
    RepresentativeFactory,
    VeteranConsentFactory,
    VeteranContactFactory,
)

pytestmark = pytest.mark.django_db

URL = reverse("borgerraadgiver_cases_access_request")


def search(client, query):
    """Fill in the rendered search form with ``query`` and send it as the browser would."""
    page = client.get(URL)
    form, data = rendered_form(page.content.decode(), "form.br-access-search")
    assert form["method"] == "get"
    data["q"] = [query]
    return client.get(form["action"], data)


def record_form(response):
    return rendered_form(response.content.decode(), "form.br-access-records")


def download(client, response, tick=None):
    """Send the rendered record form; ``tick`` replaces the ticked records by these keys."""
    form, data = record_form(response)
    if tick is not None:
        data["records"] = tick
    return client.post(form["action"], data)


def opened(response):
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def summary_of(archive):
    """The summary's text, its table cells separated by " | "."""
    soup = BeautifulSoup(archive.read("sammenfatning.html"), "html.parser")
    for row in soup.select("tr"):
        row.replace_with(" | ".join(cell.get_text() for cell in row.select("th, td")) + "\n")
    return " ".join(soup.get_text().split())


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


@pytest.fixture
def coordinating_advisor(advisor):
    """The advisor who is also the veteran coordinator (the combined post)."""
    advisor.groups.add(Group.objects.get(name=VETERAN_GROUP))
    return advisor


def test_advisor_downloads_everything_held_about_one_person(client, coordinating_advisor):
    case = CaseFactory(citizen_name="Karen Blixen", citizen_email="karen@example.invalid",
                       citizen_phone="20 30 40 50", account="Min sag om hjemmehjælp.")
    CaseEvent.objects.create(case=case, kind="NOTE", text="Ringede til Karen.")
    CaseDocumentFactory(case=case, original_name="klage.pdf", content=b"%PDF-1.4 klagen")
    other = RepresentativeFactory(case__citizen_name="Niels Bohr",
                                  case__citizen_email="niels@example.invalid",
                                  name="Karen Blixen").case
    contact = VeteranContactFactory(name="Karen Blixen", phone="20304050", consent=None)
    VeteranConsentFactory(contact=contact, parties="Jobcenter")
    CaseFactory(citizen_name="Someone Else", citizen_email="else@example.invalid")
    audit.record(coordinating_advisor, case, audit.VIEW)
    client.force_login(coordinating_advisor)

    results = search(client, "Karen Blixen")

    assert results.status_code == 200
    shown = text_of(results)
    assert case.reference in shown and other.reference in shown and contact.reference in shown
    assert "Someone Else" not in shown
    assert f"{other.reference}: Niels Bohr Fundet i: repræsentant" in shown
    assert f"{contact.reference}: Karen Blixen Fundet i: navn" in shown
    # Karen's case and registry entry share the phone number; Niels's case names her only.
    _form, data = record_form(results)
    assert "Søgningen fandt 2 forskellige personer" in shown
    assert data.get("records") is None  # two people: the advisor chooses
    archive = opened(download(client, results, tick=[f"case:{case.pk}",
                                                     f"veteran:{contact.pk}"]))

    names = archive.namelist()
    assert "sammenfatning.html" in names and "oplysninger.json" in names
    documents = [name for name in names if name.startswith("dokumenter/")]
    assert len(documents) == 1 and documents[0].endswith("klage.pdf")
    assert archive.read(documents[0]) == b"%PDF-1.4 klagen"
    summary = summary_of(archive)
    assert "Karen Blixen" in summary and "Min sag om hjemmehjælp." in summary
    assert "Ringede til Karen." in summary and "Jobcenter" in summary
    assert other.reference not in summary
    assert "Det har vi registreret om dig" in summary  # Danish, whatever the advisor's language
    # Every use of the case so far, with the role (not the name) of who used it.
    assert "Vist | Borgerrådgiver, Veterankoordinator" in summary
    assert "Fundet ved en søgning | Borgerrådgiver, Veterankoordinator" in summary
    assert "advisor" not in summary
    records = json.loads(archive.read("oplysninger.json"))
    assert {item["reference"] for item in records} == {case.reference, contact.reference}
    logged = next(item for item in records if item["reference"] == case.reference)
    assert [entry["use"] for entry in logged["access_log"]] == ["Vist", "Fundet ved en søgning"]

    exported = ModelLogEntry.objects.filter(action=audit.EXPORT).order_by("object_id")
    assert {entry.label for entry in exported} == {case.reference, contact.reference}
    searched = ModelLogEntry.objects.filter(action=audit.SEARCH)
    assert {entry.label for entry in searched} == {case.reference, other.reference,
                                                   contact.reference}
    assert not ModelLogEntry.objects.filter(label__icontains="Karen").exists()


def test_one_person_found_is_ticked_and_downloaded_as_shown(advisor_client):
    case = CaseFactory(citizen_name="Anne Hansen", citizen_email="anne@example.invalid")
    CaseEvent.objects.create(case=case, kind="NOTE", text="Skrev til anne@example.invalid.")

    results = search(advisor_client, "anne@example.invalid")

    archive = opened(download(advisor_client, results))
    records = json.loads(archive.read("oplysninger.json"))
    assert [item["reference"] for item in records] == [case.reference]


def test_phone_number_is_found_whatever_the_spacing(advisor_client):
    case = CaseFactory(citizen_name="Bo Berg", citizen_email="", citizen_phone="20 30 40 50")

    results = search(advisor_client, "+45 2030-4050")

    assert case.reference in text_of(results)


def test_a_missing_document_file_is_listed_as_missing(advisor_client):
    case = CaseFactory(citizen_name="Anne Hansen")
    document = CaseDocumentFactory(case=case, original_name="brev.pdf")
    document.file.storage.delete(document.file.name)

    archive = opened(download(advisor_client, search(advisor_client, "Anne Hansen")))

    summary = summary_of(archive)
    assert "brev.pdf: mangler i lageret" in summary
    assert not [name for name in archive.namelist() if name.startswith("dokumenter/")]
    assert json.loads(archive.read("oplysninger.json"))[0]["documents"][0]["missing"] is True


def test_a_quarantined_document_is_named_but_not_handed_over(advisor_client):
    case = CaseFactory(citizen_name="Anne Hansen")
    CaseDocumentFactory(case=case, original_name="virus.pdf", scan_state="blocked",
                        content=b"X5O!P%@AP")

    archive = opened(download(advisor_client, search(advisor_client, "Anne Hansen")))

    assert "virus.pdf: ikke medtaget (blokeret)" in summary_of(archive)
    assert b"X5O!P%@AP" not in b"".join(archive.read(name) for name in archive.namelist())


def test_advisor_without_the_registry_permission_is_told_only_cases_were_searched(
        advisor_client):
    VeteranContactFactory(name="Karen Blixen")
    case = CaseFactory(citizen_name="Karen Blixen")

    results = search(advisor_client, "Karen Blixen")

    shown = text_of(results)
    assert case.reference in shown and "VK-" not in shown
    assert "Du har ikke adgang til Veteranregistret" in shown


def test_name_that_matches_nobody_says_so(advisor_client):
    CaseFactory(citizen_name="Anne Hansen")

    results = search(advisor_client, "Ingen Ingensen")

    assert results.status_code == 200
    assert "Ingen Ingensen" in text_of(results)
    assert BeautifulSoup(results.content, "html.parser").select_one(
        "form.br-access-records") is None
    assert ModelLogEntry.objects.filter(action=audit.SEARCH, object_id="access-request").exists()


@pytest.mark.parametrize("query", ["%%", "__", "A%n_e", "Anne' OR '1'='1",
                                   "'; DROP TABLE borgerraadgiver_cases_case; --"])
def test_wildcards_and_sql_are_plain_text(advisor_client, query):
    CaseFactory(citizen_name="Anne Hansen")

    results = search(advisor_client, query)

    assert results.status_code == 200
    assert BeautifulSoup(results.content, "html.parser").select_one(
        "form.br-access-records") is None
    assert CaseFactory._meta.model.objects.count() == 1


def test_a_percent_sign_in_the_data_is_found_as_itself(advisor_client):
    case = RepresentativeFactory(case__citizen_name="Anne Hansen", name="100% Hansen").case

    assert case.reference in text_of(search(advisor_client, "100%"))


@pytest.mark.parametrize("query", ["", "   ", "a", "x" * 101])
def test_empty_short_or_too_long_query_is_a_form_error(advisor_client, query):
    results = search(advisor_client, query)

    assert results.status_code == 400
    assert BeautifulSoup(results.content, "html.parser").select_one(".error-message")


def test_download_with_nothing_ticked_asks_to_choose(advisor_client):
    CaseFactory(citizen_name="Anne Hansen")

    response = download(advisor_client, search(advisor_client, "Anne Hansen"), tick=[])

    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select_one(".help-critical")


def test_a_record_outside_the_search_cannot_be_smuggled_in(advisor_client):
    mine = CaseFactory(citizen_name="Anne Hansen")
    stranger = CaseFactory(citizen_name="Niels Bohr", citizen_email="niels@example.invalid")

    response = download(advisor_client, search(advisor_client, "Anne Hansen"),
                        tick=[f"case:{mine.pk}", f"case:{stranger.pk}", "case:x", "nonsense"])

    records = json.loads(opened(response).read("oplysninger.json"))
    assert [item["reference"] for item in records] == [mine.reference]


def test_staff_and_the_coordinator_are_refused(client, staff_member, veteran_coordinator):
    for user in (staff_member, veteran_coordinator):
        client.force_login(user)
        assert client.get(URL, {"q": "Anne"}).status_code == 403
        assert client.post(URL, {"q": "Anne", "records": ["case:1"]}).status_code == 403


def test_the_screen_is_in_the_advisor_menu(advisor_client):
    page = advisor_client.get(reverse("wagtailadmin_home"))

    assert URL in page.content.decode()
