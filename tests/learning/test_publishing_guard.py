"""Publishing a learning note with personal data is refused; a draft is saved with a warning."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import rich_text

from borgerraadgiver_plugin.learning.blocks import CaseExampleBlock
from borgerraadgiver_plugin.learning.models import LearningNotePage
from tests.factories import CaseFactory

from .conftest import case_example, checklist, note_form

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


def test_draft_with_personal_data_is_saved_with_a_warning(advisor_client, index):
    response = publish_new(advisor_client, index, action=None,
                           blocks=[case_example(situation="Cpr 010190-1234.")])
    assert response.status_code == 302
    note = LearningNotePage.objects.get()
    assert not note.live
    shown = advisor_client.get(response["Location"])
    warnings = [str(message) for message in shown.context["messages"]
                if message.level_tag == "warning"]
    assert len(warnings) == 1
    assert "010190-1234" in warnings[0]


def test_clean_note_is_published(advisor_client, index, theme, area):
    response = publish_new(advisor_client, index, themes=[theme], areas=[area])
    assert response.status_code == 302
    note = LearningNotePage.objects.get()
    assert note.live
    assert list(note.themes.all()) == [theme]


def test_bulk_publish_refuses_note_with_personal_data(admin_client, index, note_factory):
    from .conftest import make_note

    note = make_note(index, "Udkast", live=False,
                     body=[("text", "<p>Skriv til anne@example.dk.</p>")])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = admin_client.post(f"{url}?id={note.pk}&next=/admin/", {})
    assert response.status_code == 302
    note.refresh_from_db()
    assert not note.live


def test_publishing_a_revision_outside_the_editor_is_refused(index):
    from .conftest import make_note

    note = make_note(index, "Udkast", live=False,
                     body=[("text", "<p>Cpr 010190-1234.</p>")])
    with pytest.raises(PermissionDenied, match="010190-1234"):
        note.get_latest_revision().publish()
    note.refresh_from_db()
    assert not note.live
