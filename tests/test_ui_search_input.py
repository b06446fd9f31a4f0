"""Whatever is typed into a search field gives rows or none: never an error dialog, never a
model error (a lone quote, FTS5 words, NUL, a lone surrogate)."""

from __future__ import annotations

import pytest

from desktop_app.ui.main_window import TAB_EVENTS

TYPED = ['"', '""', 'liaison"', "AND", "NEAR(", "*", "-", "a\0b", "\ud800", "strike OR", "'"]


@pytest.mark.parametrize("text", TYPED)
def test_the_commitment_search_takes_anything(window, qtbot, text):
    window.filter_bar.search.setText(text)
    typed = window.filter_bar.search.text()  # Qt keeps no lone surrogate: it stands for one
    if text == "\ud800":
        window.filter_bar.search.setText("x")  # make sure the search below is a new one
        qtbot.waitUntil(lambda: window.commitment_model.filter.text == "x", timeout=3000)
        window.filter_bar.search.setText(text)
        typed = window.filter_bar.search.text()
    # the search runs after a pause in typing: wait until the table was read with it
    qtbot.waitUntil(lambda: window.commitment_model.filter.text == typed, timeout=3000)
    model = window.commitment_model
    assert model.rowCount() in range(0, 8)
    for row in range(model.rowCount()):
        assert model.index(row, 0).data()


@pytest.mark.parametrize("text", TYPED)
def test_the_event_search_takes_anything(window, qtbot, text):
    window.tabs.setCurrentIndex(TAB_EVENTS)
    window.event_search.setText(text)
    assert window.event_model.text == window.event_search.text()
    assert window.event_model.rowCount() in range(0, 8)


def test_a_quoted_word_still_finds_its_record(window, qtbot):
    window.filter_bar.search.setText('"liaison')
    qtbot.waitUntil(lambda: window.commitment_model.filter.text == '"liaison', timeout=3000)
    titles = [
        window.commitment_model.index(r, 0).data()
        for r in range(window.commitment_model.rowCount())
    ]
    assert titles == ["Appoint liaison officers in Turbat and Zahidan"]
