"""The index's shortcuts for speed keep it correct: cached filter options follow every change,
the written-out tag query and date labels match what the ORM and the date filter give, and the
number of queries does not grow with the notes or the page size."""

import datetime

import pytest
from django.db import connection
from django.template.defaultfilters import date as date_filter
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from borgerraadgiver_plugin.learning import listing
from borgerraadgiver_plugin.learning.models import LearningNoteIndexPage
from tests.factories import AreaFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, staff_member):
    client.force_login(staff_member)
    return client


def options_html(response, name):
    return str(response.context["choices"][name])


def test_renamed_theme_is_offered_under_its_new_name_at_once(reader, index, note_factory, theme):
    note_factory("A", themes=[theme])
    assert "Partshøring" in options_html(reader.get(index.url), "theme")
    theme.name = "Høring af parter"
    theme.save()
    response = reader.get(index.url)
    assert "Høring af parter" in options_html(response, "theme")
    assert "Partshøring" not in options_html(response, "theme")


def test_deactivated_theme_is_no_longer_offered(reader, index, note_factory, theme):
    note_factory("A", themes=[theme])
    assert theme.name in options_html(reader.get(index.url), "theme")
    theme.active = False
    theme.save()
    assert theme.name not in options_html(reader.get(index.url), "theme")


def test_new_and_deleted_area_change_the_area_choices(reader, index, note_factory):
    note_factory("A")
    reader.get(index.url)
    area = AreaFactory(name="Ny Borgerservice")
    assert f'<option value="{area.pk}">Ny Borgerservice</option>' in options_html(
        reader.get(index.url), "area")
    area.delete()
    assert "Ny Borgerservice" not in options_html(reader.get(index.url), "area")


def test_year_of_a_new_note_is_offered_and_filters(reader, index, note_factory):
    note_factory("Gammel", date=datetime.date(2024, 5, 1))
    assert '<option value="2027">' not in options_html(reader.get(index.url), "year")
    note_factory("Ny", date=datetime.date(2027, 1, 2))
    response = reader.get(index.url, {"year": "2027"})
    assert '<option value="2027" selected>' in options_html(response, "year")
    assert [note.title for note in response.context["notes"]] == ["Ny"]
    assert response.context["ignored_filters"] == []


def test_chosen_filters_are_selected_and_names_escaped(reader, index, note_factory):
    theme = ThemeFactory(code="TAGS", name="<b>Fed</b> & tynd")
    area = AreaFactory(name="Jobcenter")
    note_factory("A", themes=[theme], areas=[area])
    response = reader.get(index.url, {"theme": theme.pk, "area": area.pk})
    themes = options_html(response, "theme")
    assert f'<option value="{theme.pk}" selected>&lt;b&gt;Fed&lt;/b&gt; &amp; tynd</option>' \
        in themes
    assert f'<option value="{area.pk}" selected>Jobcenter</option>' in options_html(
        response, "area")
    assert "<b>Fed</b>" not in response.content.decode()


def test_tags_of_each_note_come_from_the_link_tables(reader, index, note_factory):
    first, second = ThemeFactory(code="ONE", name="Alfa"), ThemeFactory(code="TWO", name="Beta")
    north, south = AreaFactory(name="Nord"), AreaFactory(name="Syd")
    note_factory("Begge", themes=[second, first], areas=[south, north])
    note_factory("En", themes=[second])
    note_factory("Ingen")
    notes = {note.title: note for note in reader.get(index.url).context["notes"]}
    assert (notes["Begge"].theme_names, notes["Begge"].area_names) == (["Alfa", "Beta"],
                                                                       ["Nord", "Syd"])
    assert (notes["En"].theme_names, notes["En"].area_names) == (["Beta"], [])
    assert (notes["Ingen"].theme_names, notes["Ingen"].area_names) == ([], [])


@pytest.mark.parametrize("day", [datetime.date(2026, 3, 1), datetime.date(2025, 12, 31),
                                 datetime.date(999, 5, 9)])
@pytest.mark.parametrize("language", ["da", "en"])
def test_date_label_is_what_the_date_filter_writes(day, language):
    with translation.override(language):
        assert listing.date_label(day, {}) == date_filter(day, "j. F Y")


def test_index_shows_the_date_in_danish(reader, index, note_factory):
    note_factory("A", date=datetime.date(2026, 3, 1))
    content = reader.get(index.url).content.decode()
    assert '<time datetime="2026-03-01">1. marts 2026</time>' in content


def count_queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


@pytest.mark.parametrize("filtered", [False, True])
def test_queries_do_not_grow_with_notes_or_page_size(reader, index, note_factory, theme, area,
                                                     monkeypatch, filtered):
    params = ({"theme": theme.pk, "area": area.pk, "year": "2026", "q": "note"}
              if filtered else {})
    for number in range(3):
        note_factory(f"Note {number}", themes=[theme], areas=[area])
    reader.get(index.url, params)  # the filter options are cached from here on
    few = count_queries(reader, index.url, params)
    for number in range(3, 12):
        note_factory(f"Note {number}", themes=[theme], areas=[area])
    reader.get(index.url, params)
    counts = {few, count_queries(reader, index.url, params)}
    for size in (2, 5, 50):
        monkeypatch.setattr(LearningNoteIndexPage, "page_size", size)
        counts.add(count_queries(reader, index.url, params))
    assert len(counts) == 1
