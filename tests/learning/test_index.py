"""The intranet index: newest first, filters in the URL, bad parameters ignored and reported."""

import datetime

import pytest
from django.utils import translation

from borgerraadgiver_plugin.choices import RecommendationStatus
from tests.factories import AreaFactory, RecommendationFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, staff_member):
    client.force_login(staff_member)
    return client


def titles(response):
    return [note.title for note in response.context["notes"]]


def ignored(response):
    return response.context["ignored_filters"]


def test_restricted_index_sends_anonymous_visitor_to_login(client, restricted_index,
                                                            note_factory):
    note = note_factory("Partshøring")
    for url in (restricted_index.url, note.url, f"{restricted_index.url}anbefalinger/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_logged_in_staff_member_reads_restricted_index(reader, restricted_index, note_factory):
    note_factory("Partshøring")
    response = reader.get(restricted_index.url)
    assert response.status_code == 200
    assert titles(response) == ["Partshøring"]


def test_index_lists_live_notes_newest_first(reader, index, note_factory):
    note_factory("Ældst", date=datetime.date(2024, 1, 5))
    note_factory("Nyest", date=datetime.date(2026, 2, 1))
    note_factory("Midt", date=datetime.date(2025, 6, 1))
    note_factory("Kladde", date=datetime.date(2026, 5, 1), live=False)
    assert titles(reader.get(index.url)) == ["Nyest", "Midt", "Ældst"]


def test_index_shows_themes_and_areas_of_each_note(reader, index, note_factory, theme, area):
    note_factory("Med tags", themes=[theme], areas=[area])
    note_factory("Uden tags")
    response = reader.get(index.url)
    notes = {note.title: note for note in response.context["notes"]}
    tagged, untagged = notes["Med tags"], notes["Uden tags"]
    assert (tagged.theme_names, tagged.area_names) == ([theme.name], [area.name])
    assert (untagged.theme_names, untagged.area_names) == ([], [])
    assert f'<span class="borgerraadgiver-tag">{theme.name}</span>' in response.content.decode()


def test_index_filters_by_theme(reader, index, note_factory, theme):
    note_factory("Med tema", themes=[theme])
    note_factory("Uden tema")
    assert titles(reader.get(index.url, {"theme": theme.pk})) == ["Med tema"]


def test_index_filters_by_area(reader, index, note_factory, area):
    note_factory("Jobcenter", areas=[area])
    note_factory("Andet", areas=[AreaFactory()])
    assert titles(reader.get(index.url, {"area": area.pk})) == ["Jobcenter"]


def test_index_filters_by_year(reader, index, note_factory):
    note_factory("2024", date=datetime.date(2024, 3, 1))
    note_factory("2025", date=datetime.date(2025, 3, 1))
    response = reader.get(index.url, {"year": "2024"})
    assert titles(response) == ["2024"]
    assert '<option value="2025">' in response.content.decode()


def test_index_searches_title_summary_and_body(reader, index, note_factory):
    note_factory("Partshøring", summary="Hør borgeren.")
    note_factory("Tone", summary="Høflig tone i telefonen.", body=[("text", "<p>Tal pænt.</p>")])
    note_factory("Begrundelse", summary="Skriv klart.",
                 body=[("checklist", {"heading": "Husk", "items": ["Nævn reglerne"]})])
    assert titles(reader.get(index.url, {"q": "partshøring"})) == ["Partshøring"]
    assert titles(reader.get(index.url, {"q": "  høflig   tone "})) == ["Tone"]
    assert titles(reader.get(index.url, {"q": "reglerne"})) == ["Begrundelse"]


def test_every_filter_at_once(reader, index, note_factory, theme, area):
    note_factory("Rammer", themes=[theme], areas=[area], date=datetime.date(2025, 3, 1))
    note_factory("Forkert år", themes=[theme], areas=[area], date=datetime.date(2024, 3, 1))
    note_factory("Forkert tema", areas=[area], date=datetime.date(2025, 3, 1))
    response = reader.get(index.url, {"theme": theme.pk, "area": area.pk, "year": "2025",
                                      "q": "rammer"})
    assert titles(response) == ["Rammer"]
    assert ignored(response) == []


def test_pagination_keeps_the_filters_in_the_url(reader, index, note_factory, theme):
    for number in range(index.page_size + 3):
        note_factory(f"Note {number}", themes=[theme])
    response = reader.get(index.url, {"theme": theme.pk})
    content = response.content.decode()
    assert f"?theme={theme.pk}&amp;page=2" in content
    second = reader.get(index.url, {"theme": theme.pk, "page": 2})
    assert len(titles(second)) == 3


def test_unknown_theme_is_ignored_and_reported(reader, index, note_factory, theme):
    note_factory("A", themes=[theme])
    note_factory("B")
    response = reader.get(index.url, {"theme": "999999"})
    assert response.status_code == 200
    assert sorted(titles(response)) == ["A", "B"]
    with translation.override("da"):
        assert ignored(response) == [str(translation.gettext("Theme"))]
    assert 'role="status"' in response.content.decode()


def test_malformed_area_is_ignored_and_reported(reader, index, note_factory):
    note_factory("A")
    response = reader.get(index.url, {"area": "'; drop table"})
    assert response.status_code == 200
    assert titles(response) == ["A"]
    assert len(ignored(response)) == 1


def test_year_without_notes_is_ignored_and_reported(reader, index, note_factory):
    note_factory("A", date=datetime.date(2025, 1, 1))
    for year in ("1800", "abc", "2025.5", "99999999999999999999"):
        response = reader.get(index.url, {"year": year})
        assert response.status_code == 200
        assert titles(response) == ["A"]
        assert len(ignored(response)) == 1


def test_overlong_search_is_ignored_and_reported(reader, index, note_factory):
    note_factory("A")
    response = reader.get(index.url, {"q": "x" * 1000})
    assert response.status_code == 200
    assert titles(response) == ["A"]
    assert len(ignored(response)) == 1


def test_null_character_in_search_is_ignored(reader, index, note_factory):
    note_factory("A")
    response = reader.get(index.url, {"q": "part\x00shøring"})
    assert response.status_code == 200
    assert titles(response) == ["A"]
    assert len(ignored(response)) == 1


def test_unknown_parameters_are_harmless(reader, index, note_factory):
    note_factory("A")
    response = reader.get(index.url, {"utm_source": "mail", "order": "drop"})
    assert response.status_code == 200
    assert titles(response) == ["A"]
    assert ignored(response) == []


def test_repeated_parameters_do_not_fail(reader, index, note_factory, theme):
    note_factory("A", themes=[theme])
    response = reader.get(f"{index.url}?theme={theme.pk}&theme=abc&page=1&page=2")
    assert response.status_code == 200


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1e3", ""])
def test_malformed_page_number_shows_a_page(reader, index, note_factory, page):
    note_factory("A")
    response = reader.get(index.url, {"page": page})
    assert response.status_code == 200
    assert titles(response) == ["A"]


def test_note_shows_its_recommendations_with_current_status(reader, index, note_factory, area):
    recommendation = RecommendationFactory(
        text="Indfør en skabelon til partshøring.", area=area,
        status=RecommendationStatus.IN_PROGRESS)
    note = note_factory("Partshøring", recommendations=[recommendation])
    content = reader.get(note.url).content.decode()
    assert "Indfør en skabelon til partshøring." in content
    with translation.override("da"):
        assert str(RecommendationStatus.IN_PROGRESS.label) in content


def test_area_page_lists_only_its_open_recommendations(reader, index, area):
    other = AreaFactory()
    RecommendationFactory(text="Åben i området", area=area)
    RecommendationFactory(text="Under arbejde", area=area,
                          status=RecommendationStatus.IN_PROGRESS)
    RecommendationFactory(text="Gennemført", area=area,
                          status=RecommendationStatus.IMPLEMENTED)
    RecommendationFactory(text="Afvist", area=area, decline_reason="Andre planer",
                          status=RecommendationStatus.DECLINED)
    RecommendationFactory(text="Andet område", area=other)
    response = reader.get(f"{index.url}anbefalinger/{area.pk}/")
    assert response.status_code == 200
    shown = [item.text for item in response.context["recommendations"]]
    assert sorted(shown) == ["Under arbejde", "Åben i området"]
    overview = reader.get(f"{index.url}anbefalinger/").content.decode()
    assert f"anbefalinger/{area.pk}/" in overview
    assert f"anbefalinger/{other.pk}/" in overview


@pytest.mark.parametrize("tail", ["anbefalinger/999999/", "anbefalinger/abc/",
                                  "anbefalinger/-1/", "ukendt/"])
def test_unknown_or_malformed_area_page_is_not_found(reader, index, tail):
    assert reader.get(f"{index.url}{tail}").status_code == 404


def test_theme_filter_choices_list_active_themes_only(reader, index):
    ThemeFactory(code="OLD", name="Forældet tema", active=False)
    ThemeFactory(code="NEW", name="Aktivt tema")
    content = reader.get(index.url).content.decode()
    assert "Aktivt tema" in content
    assert "Forældet tema" not in content
