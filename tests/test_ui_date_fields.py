"""Date fields take typing as people type: empty means none, Ctrl+A and a full date replaces
the date, and the calendar opens at today rather than at a placeholder year."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from desktop_app.ui.date_fields import DateField, OptionalDateField


def test_typing_into_an_empty_optional_field_sets_the_date(qtbot):
    field = OptionalDateField(empty_text="no deadline")
    qtbot.addWidget(field)
    assert field.iso() is None and field.placeholderText() == "no deadline"
    qtbot.keyClicks(field, "2024-03-10")
    assert field.iso() == "2024-03-10"


def test_select_all_then_typing_replaces_the_whole_date(qtbot):
    field = DateField("2026-11-29")
    qtbot.addWidget(field)
    changes = []
    field.dateChanged.connect(changes.append)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, "2024-03-10")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.iso() == "2024-03-10"
    assert changes == [QDate(2024, 3, 10)]


def test_a_date_that_is_not_one_is_named(qtbot):
    field = DateField("2024-01-01")
    qtbot.addWidget(field)
    field.setText("2024-02-30")
    try:
        field.iso()
    except ValueError as error:
        assert "2024-02-30" in str(error)
    else:
        raise AssertionError("an impossible date was accepted")


def test_the_calendar_of_an_empty_field_opens_at_today(qtbot):
    field = OptionalDateField()
    qtbot.addWidget(field)
    field.calendar_action.trigger()
    assert field.calendar.selectedDate() == QDate.currentDate()
    field.calendar.clicked.emit(QDate(2025, 6, 30))
    assert field.iso() == "2025-06-30"


def test_up_and_down_step_a_day_and_clearing_means_none(qtbot):
    field = OptionalDateField("2024-02-28")
    qtbot.addWidget(field)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.iso() == "2024-02-29"
    qtbot.keyClick(field, Qt.Key.Key_Down)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.iso() == "2024-02-27"
    field.set_iso(None)
    assert field.iso() is None
