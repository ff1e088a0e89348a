"""The English-words check the journeys run on every page they visit."""

from .conftest import english_words


def test_english_words_finds_whole_english_words_only():
    text = "Rapporter\nDownload CSV\nSag 'BR-2026-0001' created.\nTrue\nVis filtre\nAddis"
    assert english_words(text) == ["Download", "created", "True"]


def test_english_words_passes_danish_admin_text():
    assert english_words("Sager\nEksportér CSV\nVis filtre\nSag 'BR-2026-0001' oprettet.") == []


def test_english_words_finds_wagtails_relative_dates_and_javascript_strings():
    text = "Modtaget\nJust now\nFold alle sammen\nCollapse all\nAdgangskode\nPassword"
    assert english_words(text) == ["Just now", "Collapse all", "Password"]
    assert english_words("Lige nu\nFor 2 timer siden\nNæste frist\nTilbage til listen") == []
