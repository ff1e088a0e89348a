"""Publishing a learning note with personal data is refused; saving a draft is refused for a
CPR number and saved with a warning for the other kinds."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from borgerraadgiver_plugin.learning.blocks import CaseExampleBlock
from borgerraadgiver_plugin.learning.models import LearningNotePage
from tests.factories import CaseFactory, LearningNotePageFactory

from .conftest import case_example, checklist, note_form, rendered_editor

pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse("wagtailadmin_pages:add",
                   args=["borgerraadgiver_learning", "learningnotepage", index.pk])


def publish_new(client, index, **form):
    return client.post(add_url(index), note_form(**form))


def assert_refused(response, offending):
    assert response.status_code == 200, "the editor is shown again, not a redirect"
    assert offending in response.content.decode()
    assert not LearningNotePage.objects.filter(live=True).exists()
    assert not LearningNotePage.objects.exists(), "nothing is half-stored"


def test_publish_refused_for_cpr_number_with_dash(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Borgeren (010190-1234) klagede.")])
    assert_refused(response, "010190-1234")


def test_publish_refused_for_cpr_number_without_dash(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Cpr 0101901234 stod i brevet.")])
    assert_refused(response, "0101901234")


def test_publish_refused_for_cpr_number_split_by_line_break(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Cpr 010190-\n1234 stod i brevet.")])
    assert_refused(response, "010190- 1234")


def test_publish_refused_for_cpr_number_split_over_rich_text_paragraphs(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[("text", rich_text("<p>Cpr 010190</p><p>1234</p>"))])
    assert_refused(response, "010190 1234")


def test_publish_refused_for_cpr_number_written_with_spaces(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Cpr 01 01 90 12 34 stod i brevet.")])
    assert_refused(response, "01 01 90 12 34")


def test_publish_refused_for_email_address(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(lesson="Skriv til anne@example.dk om det.")])
    assert_refused(response, "anne@example.dk")


def test_publish_refused_for_email_address_in_a_link(advisor_client, index):
    response = publish_new(advisor_client, index, blocks=[("text", rich_text(
        '<p>Skriv <a href="mailto:anne@example.dk">til borgeren</a>.</p>'))])
    assert_refused(response, "anne@example.dk")


def test_publish_refused_for_phone_number(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[checklist("Tjekliste", "Ring til borgeren på 23 45 67 89")])
    assert_refused(response, "23 45 67 89")


def test_publish_refused_for_case_reference(advisor_client, index):
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Se BR-2025-0042 for detaljer.")])
    assert_refused(response, "BR-2025-0042")


def test_publish_refused_for_personal_data_in_summary(advisor_client, index):
    response = publish_new(advisor_client, index, summary="Borgeren 010190-1234 klagede.")
    assert_refused(response, "010190-1234")


def test_publish_refused_for_name_of_citizen_in_linked_case(advisor_client, index):
    case = CaseFactory(citizen_name="Karen Sørensen")
    response = publish_new(advisor_client, index, source_cases=case.reference,
                           blocks=[case_example(situation="Karen  Sørensen ventede længe.")])
    assert_refused(response, "Karen Sørensen")


def test_name_of_citizen_in_an_unlinked_case_is_not_flagged(advisor_client, index):
    CaseFactory(citizen_name="Karen Sørensen")
    response = publish_new(advisor_client, index,
                           blocks=[case_example(situation="Karen Sørensen ventede længe.")])
    assert response.status_code == 302
    assert LearningNotePage.objects.get().live


def test_refusal_names_the_block_and_the_text(advisor_client, index):
    response = publish_new(advisor_client, index, blocks=[
        ("text", rich_text("<p>Indledning uden personoplysninger.</p>")),
        case_example(situation="Borgeren (010190-1234) klagede."),
    ])
    content = response.content.decode()
    with translation.override("da"):
        block_label = str(CaseExampleBlock().label)
    assert f"2 ({block_label})" in content
    assert "010190-1234" in content


def test_publishing_an_existing_note_with_personal_data_keeps_the_live_version(
        advisor_client, index, note_factory):
    note = note_factory("Partshøring")
    response = advisor_client.post(
        reverse("wagtailadmin_pages:edit", args=[note.pk]),
        note_form(slug=note.slug, blocks=[case_example(situation="Ring 23 45 67 89.")]),
    )
    assert response.status_code == 200
    note.refresh_from_db()
    assert note.live
    assert "23 45 67 89" not in str(note.body.raw_data)
    assert note.revisions.count() == 1


def test_submitting_for_moderation_with_personal_data_is_refused(advisor_client, index):
    response = publish_new(advisor_client, index, action="action-submit",
                           blocks=[case_example(situation="Cpr 010190-1234.")])
    assert response.status_code == 200
    assert not LearningNotePage.objects.exists()


def test_draft_with_personal_data_other_than_cpr_is_saved_with_a_warning(advisor_client, index):
    response = advisor_client.post(add_url(index), rendered_editor(
        advisor_client, add_url(index), action=None,
        blocks=[case_example(situation="Skriv til anne@example.dk.")]))
    assert response.status_code == 302
    note = LearningNotePage.objects.get()
    assert not note.live
    shown = advisor_client.get(response["Location"])
    warnings = [str(message) for message in shown.context["messages"]
                if message.level_tag == "warning"]
    assert len(warnings) == 1
    assert "anne@example.dk" in warnings[0]


CPR = "010190-1234"


def revisions_holding(text):
    return [revision.pk for revision in Revision.objects.all()
            if text in json.dumps(revision.content, ensure_ascii=False)]


def cpr_blocks():
    return [("text", rich_text("<p>Indledning uden personoplysninger.</p>")),
            case_example(situation=f"Borgeren ({CPR}) klagede.")]


def assert_draft_refused(response):
    assert response.status_code == 200, "the editor is shown again, not a redirect"
    content = response.content.decode()
    with translation.override("da"):
        block_label = str(CaseExampleBlock().label)
    assert "Kladden kan ikke gemmes" in content
    assert f"2 ({block_label})" in content and CPR in content
    # The error summary's line for the body is Danish, not Wagtail's fixed English sentence.
    assert "Indhold: se de markerede blokke nedenfor" in content
    assert "Validation error" not in content
    assert revisions_holding(CPR) == [], "no revision holds the CPR number"
    assert not LearningNotePage.objects.filter(body_text__contains=CPR).exists()


def test_saving_a_new_draft_with_a_cpr_number_is_refused(advisor_client, index):
    response = advisor_client.post(add_url(index), rendered_editor(
        advisor_client, add_url(index), action=None, blocks=cpr_blocks()))
    assert_draft_refused(response)
    assert not LearningNotePage.objects.exists()


@pytest.mark.parametrize("live", [False, True])
def test_saving_a_draft_of_a_note_with_a_cpr_number_is_refused(advisor_client, note_factory,
                                                                live):
    note = note_factory("Partshøring", live=live)
    url = reverse("wagtailadmin_pages:edit", args=[note.pk])
    revisions = note.revisions.count()
    response = advisor_client.post(url, rendered_editor(
        advisor_client, url, slug=note.slug, action=None, blocks=cpr_blocks()))
    assert_draft_refused(response)
    assert note.revisions.count() == revisions


def test_autosave_with_a_cpr_number_stores_no_revision(advisor_client, note_factory):
    note = note_factory("Partshøring", live=False)
    url = reverse("wagtailadmin_pages:edit", args=[note.pk])
    data = rendered_editor(advisor_client, url, slug=note.slug, action=None, blocks=cpr_blocks())
    response = advisor_client.post(url, data, HTTP_ACCEPT="application/json")
    assert response.json()["success"] is False
    assert revisions_holding(CPR) == []
    data = rendered_editor(advisor_client, url, slug=note.slug, action=None)
    saved = advisor_client.post(url, data, HTTP_ACCEPT="application/json").json()
    assert saved["success"] is True, "autosave of a note without a CPR number still works"


def test_a_revision_with_a_cpr_number_is_never_stored_outside_the_editor(index, note_factory):
    note = note_factory("Partshøring", live=False)
    note.body = [("text", f"<p>Cpr {CPR}.</p>")]
    with pytest.raises(PermissionDenied, match=CPR):
        note.save_revision()
    assert revisions_holding(CPR) == []


def test_clean_note_is_published(advisor_client, index, theme, area):
    response = publish_new(advisor_client, index, themes=[theme], areas=[area])
    assert response.status_code == 302
    note = LearningNotePage.objects.get()
    assert note.live
    assert list(note.themes.all()) == [theme]


def test_bulk_publish_refuses_note_with_personal_data(admin_client, index, note_factory):
    note = LearningNotePageFactory(parent=index, title="Udkast", live=False,
                                   body=[("text", "<p>Skriv til anne@example.dk.</p>")])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = admin_client.post(f"{url}?id={note.pk}&next=/admin/", {})
    assert response.status_code == 302
    note.refresh_from_db()
    assert not note.live


def test_publishing_a_revision_outside_the_editor_is_refused(index):
    note = LearningNotePageFactory(parent=index, title="Udkast", live=False,
                                   body=[("text", "<p>Ring 23 45 67 89.</p>")])
    with pytest.raises(PermissionDenied, match="23 45 67 89"):
        note.get_latest_revision().publish()
    note.refresh_from_db()
    assert not note.live
