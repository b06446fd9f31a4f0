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
        field._suggest(field.text())
        _complete(field, "")
        assert field.text().count(expected) == 1
    assert field.text().startswith("Turbat") and "; Zahidan" in field.text()
