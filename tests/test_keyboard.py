"""The core loop from the keyboard alone: every step is a key pressed where the focus is, as a
user without a mouse works; modal dialogs are driven by keys too. Nothing is clicked and no
widget is set from code."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTableView

from desktop_app.ui.commitment_editor import CommitmentEditor
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.main_window import TAB_COMMITMENTS, TAB_DASHBOARD
from desktop_app.ui.status_dialog import StatusDialog

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def focused():
    return QApplication.focusWidget()


def press(key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    """Press a key where the keyboard focus is (the active window when nothing has it)."""
    for _ in range(times):
        QTest.keyClick(focused() or QApplication.activeWindow(), key, modifiers)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_until(condition, most: int = 20) -> None:
    """Press Tab until condition(focused widget) holds, as a user tabs to a control."""
    for _ in range(most):
        if condition(focused()):
            return
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; the focus is on {focused()!r}")


def when_opens(kind: type, callback, attempts: int = 300) -> list:
    """Call callback(dialog) once a modal dialog of this kind is open and has the focus."""
    seen: list = []

    def poll(remaining: int = attempts) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and focused() is not None and dialog.isAncestorOf(focused()):
            seen.append(dialog)
            try:
                callback(dialog)
            finally:  # a failed step must not leave the test waiting on an open dialog
                if dialog.isVisible():
                    dialog.reject()
        elif remaining > 0:
            QTimer.singleShot(10, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)
    return seen


def activated(window, qtbot) -> None:
    """The window is active again, as a window manager makes it when a dialog closes (the
    offscreen platform has none); Qt gives the focus back to where it was."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_the_core_loop_by_keyboard_alone(window, qtbot, tmp_path):
    activated(window, qtbot)
    not_rated = search_and_filter(window, qtbot)  # steps 1 and 2
    chosen = move_through_the_table(window)  # 3
    open_and_retitle(window, qtbot, chosen)  # 4
    add_a_status_update(window, qtbot, chosen, not_rated)  # 5
    change_the_date_and_open_the_dashboard(window, qtbot)  # 6 and 7
    export_the_view(window, qtbot, tmp_path / "by-keyboard.csv")  # 8


def search_and_filter(window, qtbot) -> int:
    """1. Ctrl+F focuses the search; 2. words filter, then a status chosen by the arrow keys.
    Returns how many commitments the status filter lets through."""
    model = window.commitment_model
    everything = model.total
    press(Qt.Key.Key_F, CTRL)
    assert focused() is window.filter_bar.search
    type_text("officers")
    qtbot.waitUntil(lambda: model.total == 1)
    press(Qt.Key.Key_A, CTRL)
    press(Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: model.total == everything)
    press(Qt.Key.Key_Tab)
    tab_until(lambda widget: widget is window.filter_bar.status)
    press(Qt.Key.Key_Down)  # Any status -> Not yet rated
    assert window.filter_bar.status.currentData() == "not_rated"
    qtbot.waitUntil(lambda: 0 < model.total < everything)
    return model.total


def move_through_the_table(window) -> int:
    """3. Tab reaches the table after the filters; the arrows choose a row, which the detail
    panel shows. Returns the chosen commitment."""
    model, view = window.commitment_model, window.commitments_view
    tab_until(lambda widget: widget is view)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_End, CTRL)
    press(Qt.Key.Key_Home, CTRL)
    press(Qt.Key.Key_Down)
    chosen = window.selected_id()
    assert chosen is not None and model.row_for_id(chosen) == 1
    assert title_of(window, chosen) in window.detail.browser.toPlainText()
    return chosen


def title_of(window, commitment_id: int) -> str:
    sql = "SELECT title FROM commitments WHERE id = ?"
    return window.db.execute(sql, [commitment_id]).fetchone()[0]


def open_and_retitle(window, qtbot, chosen: int) -> None:
    """4. Ctrl+Return opens the commitment on its first field; Return is OK."""
    title = title_of(window, chosen)

    def edit(dialog: CommitmentEditor) -> None:
        assert focused() is dialog.title_edit
        press(Qt.Key.Key_End)
        type_text(" (confirmed)")
        press(Qt.Key.Key_Return)

    opened = when_opens(CommitmentEditor, edit)
    press(Qt.Key.Key_Return, CTRL)
    assert opened
    assert title_of(window, chosen) == f"{title} (confirmed)"
    activated(window, qtbot)
    assert focused() is window.commitments_view  # back where it was


def add_a_status_update(window, qtbot, chosen: int, not_rated: int) -> None:
    """5. Ctrl+U; Tab from field to field (out of the note too); Return is OK."""

    def rate(dialog: StatusDialog) -> None:
        assert focused() is dialog.date
        press(Qt.Key.Key_Tab)
        assert focused() is dialog.status
        press(Qt.Key.Key_Down)  # In progress -> Stalled
        tab_until(lambda widget: widget is dialog.note)
        type_text("Talks paused")
        press(Qt.Key.Key_Tab)  # out of the note, which does not keep the Tab
        assert focused() is dialog.source_url
        press(Qt.Key.Key_Return)

    opened = when_opens(StatusDialog, rate)
    press(Qt.Key.Key_U, CTRL)
    assert opened
    update = window.db.execute(
        "SELECT status, note FROM status_updates WHERE commitment_id = ? ORDER BY id DESC",
        [chosen],
    ).fetchone()
    assert tuple(update) == ("stalled", "Talks paused")
    model = window.commitment_model
    qtbot.waitUntil(lambda: model.total == not_rated - 1)  # it left the Not yet rated filter
    activated(window, qtbot)


def change_the_date_and_open_the_dashboard(window, qtbot) -> None:
    """6. Alt+A goes to the as-of date: a date typed, Return; Down steps back a day.
    7. Ctrl+4 opens the dashboard, whose charts are drawn and described."""
    press(Qt.Key.Key_A, ALT)
    assert focused() is window.as_of_field
    press(Qt.Key.Key_A, CTRL)
    type_text("2024-06-30")
    press(Qt.Key.Key_Return)
    assert window.as_of == "2024-06-30"
    press(Qt.Key.Key_Down)
    assert window.as_of == "2024-06-29"
    press(Qt.Key.Key_4, CTRL)
    assert window.tabs.currentIndex() == TAB_DASHBOARD
    qtbot.waitUntil(lambda: window.dashboard_tab.drawn_for is not None, timeout=10000)
    assert "By party: " in window.dashboard.chart("by-party").accessibleDescription()


def export_the_view(window, qtbot, target) -> None:
    """8. Ctrl+Shift+E; Return takes the current view; a file name typed, Return."""

    def name_the_file(dialog: QFileDialog) -> None:
        press(Qt.Key.Key_A, CTRL)
        type_text(str(target))
        press(Qt.Key.Key_Return)

    def choose_export(dialog: ExportDialog) -> None:
        assert focused() is dialog.what and dialog.what.currentData() == "view"
        when_opens(QFileDialog, name_the_file)
        press(Qt.Key.Key_Return)

    opened = when_opens(ExportDialog, choose_export)
    press(Qt.Key.Key_E, CTRL | SHIFT)
    assert opened
    qtbot.waitUntil(lambda: "exported" in window.statusBar().currentMessage(), timeout=10000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # the view as filtered by keys: Not yet rated as of 2024-06-29 (the edit is in it)
    assert rows and {row["status"] for row in rows} == {"Not yet rated"}
    assert len(rows) == window.commitment_model.total
    assert window.tabs.currentIndex() == TAB_DASHBOARD


def test_tab_follows_the_layout(window, qtbot):
    """From the as-of date in the toolbar: the tabs, the search, the filters left to right,
    the table, then the detail panel beside it; and Tab leaves the table."""
    activated(window, qtbot)
    window.select_commitment(1)  # the detail panel's buttons are enabled
    bar = window.filter_bar
    expected = [
        window.tabs.tabBar(),
        bar.search,
        bar.status,
        bar.category,
        bar.party,
        bar.place,
        bar.made_from,
        bar.made_to,
        bar.overdue,
        bar.unsourced,
        window.commitments_view,
        window.detail.views.tabBar(),
        window.detail.browser,
        window.detail.update_button,
        window.detail.edit_button,
        window.as_of_field,
    ]
    press(Qt.Key.Key_A, ALT)
    visited = []
    for _ in expected:
        press(Qt.Key.Key_Tab)
        visited.append(focused())
    assert visited == expected
    assert window.tabs.currentIndex() == TAB_COMMITMENTS


def test_the_focus_is_visible_in_the_table(window, qtbot):
    """The focused table shows where the keyboard is: a current, selected row."""
    activated(window, qtbot)
    view: QTableView = window.commitments_view
    view.setFocus()
    press(Qt.Key.Key_Down)
    assert view.hasFocus() and view.currentIndex().isValid()
    assert view.selectionModel().isRowSelected(view.currentIndex().row())


def tab_chain(dialog) -> list:
    """The controls Tab visits in dialog, in order, starting from the top left one."""
    from desktop_app.ui.accessibility import interactive_widgets

    controls = set(interactive_widgets(dialog))
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and len(chain) < 500:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if widget in controls and widget.isEnabled() and takes_tab and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    first = min(chain, key=lambda w: layout_position(dialog, w))
    start = chain.index(first)
    return chain[start:] + chain[:start]  # Tab goes round: read it from the top left


def layout_position(dialog, widget) -> tuple[int, int]:
    """Where widget is in dialog: top to bottom, then left to right (reading order)."""
    from PySide6.QtCore import QPoint

    corner = widget.mapTo(dialog, QPoint(0, 0))
    return corner.y(), corner.x()


def test_tab_follows_the_layout_in_every_dialog(window, qtbot):
    """Every dialog: top to bottom, left to right, the buttons as they are shown."""
    from tests.test_accessibility import editors

    out_of_order = {}
    for title, dialog in editors(window).items():
        dialog.show()
        qtbot.wait(5)
        chain = tab_chain(dialog)
        in_layout = sorted(chain, key=lambda w: layout_position(dialog, w))
        if chain != in_layout:
            out_of_order[title] = [w.accessibleName() or w.text() for w in chain]
        dialog.reject()
    assert out_of_order == {}
