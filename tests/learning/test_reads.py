"""Marking a note as read: one POST, idempotent; counts for the advisor, names for admins only."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry

from borgerraadgiver_plugin.learning.models import NoteRead
from tests.factories import AreaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(restricted_index, note_factory, area):
    return note_factory("Partshøring", areas=[area])


def mark_url(note):
    return f"{note.url}laest/"


def test_staff_member_marks_a_note_as_read(client, staff_member, note):
    client.force_login(staff_member)
    response = client.post(mark_url(note))
    assert response.status_code == 302
    assert response["Location"] == f"{note.url}#laest"
    assert NoteRead.objects.filter(note=note, user=staff_member).count() == 1
    page = client.get(note.url)
    assert page.context["read"] is not None
    assert mark_url(note) not in page.content.decode(), "no button once read"


def test_marking_read_twice_keeps_one_read(client, staff_member, note):
    client.force_login(staff_member)
    client.post(mark_url(note))
    first = NoteRead.objects.get().read_at
    response = client.post(mark_url(note))
    assert response.status_code == 302
    assert NoteRead.objects.count() == 1
    assert NoteRead.objects.get().read_at == first


def test_mark_read_button_is_a_plain_form(client, staff_member, note):
    client.force_login(staff_member)
    content = client.get(note.url).content.decode()
    assert f'<form method="post" action="{mark_url(note)}">' in content
    assert "csrfmiddlewaretoken" in content


def test_mark_read_refuses_get(client, staff_member, note):
    client.force_login(staff_member)
    assert client.get(mark_url(note)).status_code == 405
    assert not NoteRead.objects.exists()


def test_mark_read_needs_the_csrf_token(staff_member, note):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_member)
    assert client.post(mark_url(note)).status_code == 403
    assert not NoteRead.objects.exists()


def test_anonymous_visitor_cannot_mark_read(client, note):
    response = client.post(mark_url(note))
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not NoteRead.objects.exists()


def test_anonymous_visitor_of_unrestricted_index_is_asked_to_log_in(client, index,
                                                                   note_factory):
    open_note = note_factory("Åben note")
    assert "laest/" not in client.get(open_note.url).content.decode()
    response = client.post(f"{open_note.url}laest/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not NoteRead.objects.exists()


@pytest.fixture
def reads_of_note(note, note_factory, area):
    readers = [UserFactory(username=f"laeser{n}", first_name="Læser", last_name=f"Nummer{n}")
               for n in range(3)]
    for reader in readers:
        NoteRead.objects.create(note=note, user=reader)
    other = note_factory("Tone", areas=[AreaFactory(name="Borgerservice")])
    NoteRead.objects.create(note=other, user=readers[0])
    return readers


def test_advisor_sees_reads_per_note_and_per_area(advisor_client, note, reads_of_note, area):
    response = advisor_client.get(reverse("borgerraadgiver_learning_reads"))
    assert response.status_code == 200
    per_note = {item.title: item.read_count for item in response.context["notes"]}
    assert per_note == {"Partshøring": 3, "Tone": 1}
    per_area = {item.name: (item.read_count, item.reader_count)
                for item in response.context["areas"]}
    assert per_area[area.name] == (3, 3)
    assert per_area["Borgerservice"] == (1, 1)


def test_advisor_does_not_see_who_read_what(advisor_client, note, reads_of_note):
    content = advisor_client.get(reverse("borgerraadgiver_learning_reads")).content.decode()
    assert "Nummer0" not in content and "laeser0" not in content
    readers_url = reverse("borgerraadgiver_learning_readers", args=[note.pk])
    assert readers_url not in content
    assert advisor_client.get(readers_url).status_code in (302, 403)


def test_superuser_sees_who_read_a_note(admin_client, note, reads_of_note):
    readers_url = reverse("borgerraadgiver_learning_readers", args=[note.pk])
    report = admin_client.get(reverse("borgerraadgiver_learning_reads")).content.decode()
    assert readers_url in report
    content = admin_client.get(readers_url).content.decode()
    assert "Læser Nummer0" in content and "Læser Nummer2" in content
    entry = PageLogEntry.objects.get(action="borgerraadgiver.view")
    assert entry.page_id == note.pk and entry.data == {"what": "readers"}


def test_staff_member_cannot_open_the_reads_report(client, staff_member, note):
    client.force_login(staff_member)
    response = client.get(reverse("borgerraadgiver_learning_reads"))
    assert response.status_code in (302, 403)


def test_readers_of_unknown_note_is_not_found(admin_client):
    assert admin_client.get(
        reverse("borgerraadgiver_learning_readers", args=[999999])).status_code == 404
