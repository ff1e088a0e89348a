import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, PageViewRestriction

from borgerraadgiver_plugin.choices import RecommendationStatus
from borgerraadgiver_plugin.learning.models import (
    LearningNoteIndexPage,
    LearningNotePage,
    Recommendation,
)
from borgerraadgiver_plugin.learning.personal_data import scan_note
from borgerraadgiver_plugin.provisioning import ADVISOR_GROUP, STAFF_GROUP
from tests.factories import LearningNoteIndexPageFactory

pytestmark = pytest.mark.django_db


def test_setup_lets_the_advisor_keep_recommendations_and_staff_only_read(groups):
    advisor = Group.objects.get(name=ADVISOR_GROUP)
    codenames = set(advisor.permissions.values_list("codename", flat=True))
    assert {"add_recommendation", "change_recommendation", "view_noteread"} <= codenames
    assert not Group.objects.get(name=STAFF_GROUP).permissions.exists()


def test_setup_gives_the_advisor_page_rights_on_an_existing_index(home, groups):
    index = LearningNoteIndexPageFactory(parent=home, title="Læring", publish=False)
    out = io.StringIO()
    call_command("borgerraadgiver_setup", stdout=out)
    assert "Indlæste 3 sidetilladelser på læringsindekser" in out.getvalue()
    call_command("borgerraadgiver_setup", verbosity=0)
    rights = GroupPagePermission.objects.filter(group__name=ADVISOR_GROUP, page=index)
    assert set(rights.values_list("permission__codename", flat=True)) == {
        "add_page", "change_page", "publish_page"}


def test_demo_builds_restricted_index_with_eight_clean_notes(site, client):
    call_command("borgerraadgiver_demo", verbosity=0)
    call_command("borgerraadgiver_demo", verbosity=0)
    index = LearningNoteIndexPage.objects.get(slug="laering")
    assert index.url == "/laering/"
    assert PageViewRestriction.objects.filter(
        page=index, restriction_type=PageViewRestriction.LOGIN).count() == 1
    notes = LearningNotePage.objects.live().child_of(index)
    assert notes.count() == 8
    assert all(not scan_note(note) for note in notes)
    assert all(note.recommendation_links.exists() for note in notes)
    statuses = set(Recommendation.objects.values_list("status", flat=True))
    assert statuses == set(RecommendationStatus.values)
    declined = Recommendation.objects.filter(status=RecommendationStatus.DECLINED)
    assert all(item.decline_reason for item in declined)
    assert client.get("/laering/").status_code == 302
