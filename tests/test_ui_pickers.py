"""The actor and place fields: completing one value of several keeps each value once."""

from __future__ import annotations

import pytest

from desktop_app.ui.pickers import ActorField, PlaceField


@pytest.fixture
def actor_field(qtbot, sample_db):
    field = ActorField(sample_db)
    qtbot.addWidget(field)
    return field


def _complete(field, typed: str) -> None:
    """What QLineEdit does when the user arrows down to the first suggestion and presses Enter:
    the highlighted completion replaces the text, then the activated one does again."""
    field.setText(field.text() + typed)
    completer = field.completer()
    completer.setCompletionPrefix(completer.splitPath(field.text())[0])
    completer.setCurrentRow(0)
    index = completer.completionModel().mapToSource(completer.currentIndex())
    field.setText(completer.pathFromIndex(index))  # highlighted
    field.setText(completer.pathFromIndex(index))  # activated


def test_picking_two_countries_gives_each_once(actor_field):
    _complete(actor_field, "Pakis")
    assert actor_field.text() == "Pakistan; "
    _complete(actor_field, "Ira")
    assert actor_field.text() == "Pakistan; Iran; "


def test_picking_two_places_gives_each_once(qtbot, sample_db):
    field = PlaceField(sample_db)
    qtbot.addWidget(field)
    for typed, expected in (("Turb", "Turbat"), ("Zah", "Zahidan")):
        field.setText(field.text() + typed)
        field._suggest()
        qtbot.waitUntil(lambda: field.ready, timeout=10000)
        field._suggest()
        _complete(field, "")
        assert field.text().count(expected) == 1
    assert field.text().startswith("Turbat") and "; Zahidan" in field.text()


def test_place_suggestions_are_read_off_the_gui_thread(qtbot, sample_db):
    from desktop_app.domain import gazetteer
    from desktop_app.ui.stall_watchdog import StallWatchdog

    gazetteer._city_index.cache_clear()  # as on a fresh start: the cities are not read yet
    field = PlaceField(sample_db)
    qtbot.addWidget(field)
    field.show()
    watchdog = StallWatchdog()
    watchdog.start()
    qtbot.keyClicks(field, "Zah")
    assert not field.ready  # typing did not wait for the cities
    qtbot.waitUntil(lambda: "Zahidan, Iran" in field._model.stringList(), timeout=15000)
    watchdog.stop()
    assert watchdog.longest_ms() < 1000  # reading the cities here takes about two seconds
