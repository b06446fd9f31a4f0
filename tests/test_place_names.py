"""Edit > Place names…: a place's English and local names corrected by keys, saved as one undo
step; found by either name; a place left without a name is refused with a sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.accessibility import unnamed_controls
from desktop_app.ui.place_names import LOCAL, NAME, PlaceNamesDialog
from desktop_app.ui.tabs import TAB_EVENTS
from tests.dump import full_dump
from tests.test_keyboard import activated, focused, when_opens
from tests.test_rtl import type_script

CTRL = Qt.KeyboardModifier.ControlModifier


def names(window) -> dict[str, str]:
    return dict(window.db.execute("SELECT name, local_name FROM places").fetchall())


def visible_rows(dialog) -> list[str]:
    table = dialog.table
    return [
        table.item(row, NAME).text()
        for row in range(table.rowCount())
        if not table.isRowHidden(row)
    ]


def test_a_local_name_is_added_by_keys_and_undone_in_one_step(window, qtbot):
    activated(window, qtbot)
    before = full_dump(window.db)
    assert names(window)["Panjgur district"] == ""
    edited_alignment: list = []

    def correct(dialog: PlaceNamesDialog) -> None:
        assert focused() is dialog.search  # the first field
        type_script(dialog.search, "پنج")  # nothing has it yet: no row
        assert visible_rows(dialog) == []
        QTest.keyClick(dialog.search, Qt.Key.Key_A, CTRL)
        QTest.keyClicks(dialog.search, "panj")
        assert visible_rows(dialog) == ["Panjgur district"]
        QTest.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is dialog.table
        QTest.keyClick(dialog.table, Qt.Key.Key_Down)  # the first row shown
        QTest.keyClick(dialog.table, Qt.Key.Key_Right)  # its local name
        assert dialog.table.currentColumn() == LOCAL
        QTest.keyClick(dialog.table, Qt.Key.Key_F2)
        type_script(focused(), "پنجگور")
        QTest.keyClick(focused(), Qt.Key.Key_Return)  # the cell: its editor closes a moment later
        QTest.qWait(20)
        assert focused() is dialog.table
        edited_alignment.append(dialog.table.currentItem().textAlignment())
        QTest.keyClick(focused(), Qt.Key.Key_Return)  # OK

    opened = when_opens(PlaceNamesDialog, correct)
    window.place_names_action.trigger()
    assert opened
    assert names(window)["Panjgur district"] == "پنجگور"
    assert window.undo_stack.undoText() == "Edit 1 place name"
    assert edited_alignment and edited_alignment[0] & Qt.AlignmentFlag.AlignRight
    # the events table shows it at once
    window.tabs.setCurrentIndex(TAB_EVENTS)
    model = window.event_model
    column = [key for key, _title in model.COLUMNS].index("place")
    places = {model.index(row, column).data() for row in range(model.rowCount())}
    assert "Panjgur district (پنجگور)" in places
    window.undo_stack.undo()
    assert full_dump(window.db) == before
    window.undo_stack.redo()
    assert names(window)["Panjgur district"] == "پنجگور"


def test_the_dialog_finds_places_by_either_name(window, qtbot):
    dialog = PlaceNamesDialog(window.db, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_script(dialog.search, "زاه")
    assert visible_rows(dialog) == ["Zahidan"]
    dialog.search.setText("TEHR")
    assert visible_rows(dialog) == ["Tehran"]
    dialog.search.clear()
    assert len(visible_rows(dialog)) == dialog.table.rowCount() == 8
    assert unnamed_controls(dialog) == []


def test_a_place_without_a_name_is_refused_and_nothing_is_written(window, qtbot):
    before = full_dump(window.db)
    dialog = PlaceNamesDialog(window.db, parent=window)
    qtbot.addWidget(dialog)
    written = []
    dialog.save = written.append
    dialog.table.item(0, NAME).setText("  ")
    dialog.accept()
    assert dialog.isVisible() is False or dialog.result() == 0
    assert written == []
    assert dialog.error_label.text() == "Row 1 has no name; a place needs one."
    assert full_dump(window.db) == before


def test_no_change_makes_no_undo_step(window, qtbot):
    def ok(dialog: PlaceNamesDialog) -> None:
        QTest.keyClick(focused() or dialog, Qt.Key.Key_Return)

    steps = window.undo_stack.count()
    opened = when_opens(PlaceNamesDialog, ok)
    window.place_names_action.trigger()
    assert opened and window.undo_stack.count() == steps
    assert QApplication.activeModalWidget() is None
