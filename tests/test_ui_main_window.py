"""The main window driven through its real widgets, offscreen."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from desktop_app.store.sample import write_sample
from desktop_app.ui.commitment_editor import CommitmentEditor
from desktop_app.ui.main_window import TAB_COMMITMENTS, TAB_EVENTS, TAB_STATISTICS, MainWindow
from desktop_app.ui.status_dialog import StatusDialog
from tests import sql_reference
from tests.ui_helpers import when_modal_opens


def titles(window) -> list[str]:
    model = window.commitment_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def status_of(window, title: str) -> str:
    model = window.commitment_model
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == title:
            return model.index(r, 1).data()
    raise AssertionError(f"{title} not shown")


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_create_commitment_through_the_editor_then_undo_and_redo(window, qtbot):
    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "Reopen the Taftan border crossing")
        dialog.category.setCurrentIndex(dialog.category.findData("economic"))
        qtbot.keyClicks(dialog.promisors, "Pakistan; Iran")
        qtbot.keyClicks(dialog.places, "Zahidan, Iran")
        press_ok(dialog)

    opened = when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert isinstance(opened[0], CommitmentEditor)
    assert "Reopen the Taftan border crossing" in titles(window)
    assert window.selected_id(TAB_COMMITMENTS) is not None
    assert "8 commitments" in window.counts_label.text()
    new_id = window.selected_id(TAB_COMMITMENTS)
    assert "Zahidan" in window.detail.browser.toPlainText()
    assert "Pakistan (promisor), Iran (promisor)" in window.detail.browser.toPlainText()

    window.undo_action.trigger()
    assert "Reopen the Taftan border crossing" not in titles(window)
    assert "7 commitments" in window.counts_label.text()
    window.redo_action.trigger()
    assert "Reopen the Taftan border crossing" in titles(window)
    live = "SELECT COUNT(*) FROM commitments WHERE id = ? AND deleted_at IS NULL"
    assert window.db.execute(live, [new_id]).fetchone()[0] == 1


def test_editor_refuses_an_empty_title_and_stays_open(window, qtbot):
    messages = []

    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.promisors, "Pakistan")
        press_ok(dialog)
        messages.append(dialog.error_label.text())
        assert dialog.isVisible()
        dialog.reject()

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert "must not be empty" in messages[0]
    assert len(titles(window)) == 7


def test_update_status_then_undo(window, qtbot):
    window.select_commitment(
        sql_reference.search_commitments(window.db, "liaison", "2024-12-31")[0]["id"]
    )
    title = "Appoint liaison officers in Turbat and Zahidan"
    assert status_of(window, title) == "Not yet rated"

    def fill(dialog: StatusDialog) -> None:
        dialog.date.set_iso("2024-06-01")
        dialog.status.setCurrentIndex(dialog.status.findData("stalled"))
        qtbot.keyClicks(dialog.note, "No officers named five months on.")
        qtbot.keyClicks(dialog.source_url, "https://example.org/report")
        press_ok(dialog)

    when_modal_opens(fill)
    window.update_status_action.trigger()
    assert status_of(window, title) == "Stalled"
    text = window.detail.browser.toPlainText()
    assert "No officers named five months on." in text and "2024-06-01" in text
    window.undo_action.trigger()
    assert status_of(window, title) == "Not yet rated"
    window.redo_action.trigger()
    assert status_of(window, title) == "Stalled"


def test_filter_by_text_and_by_status(window, qtbot):
    qtbot.keyClicks(window.filter_bar.search, "markets")
    qtbot.waitUntil(lambda: len(titles(window)) == 1, timeout=2000)
    assert titles(window) == ["Activate joint border markets"]
    window.filter_bar.search.clear()
    qtbot.waitUntil(lambda: len(titles(window)) == 7, timeout=2000)
    combo = window.filter_bar.status
    combo.setCurrentIndex(combo.findData("fulfilled"))
    assert sorted(titles(window)) == [
        "Return the ambassadors to their posts",
        "Visit of Iran's president to Pakistan",
    ]
    assert "2 shown of 7" in window.counts_label.text()


def test_saved_view_is_recalled_from_the_menu(window, qtbot):
    window.filter_bar.category.setCurrentIndex(window.filter_bar.category.findData("security"))
    window.save_current_view("Security")
    window.clear_filter()
    assert len(titles(window)) == 7
    action = next(a for a in window.views_menu.actions() if a.text() == "Security")
    action.trigger()
    assert sorted(titles(window)) == [
        "Appoint liaison officers in Turbat and Zahidan",
        "Cooperate against terrorism",
    ]


def test_as_of_date_shows_the_older_status(window):
    title = "Visit of Iran's president to Pakistan"
    assert status_of(window, title) == "Fulfilled"
    window.set_as_of("2024-03-01")
    assert status_of(window, title) == "Not yet rated"
    assert "as of 2024-03-01" in window.counts_label.text()
    window.set_as_of("2024-01-24")
    assert "1 overdue" not in window.counts_label.text()
    window.set_as_of("2024-01-27")  # ambassadors were back on the 26th: not overdue
    assert "0 overdue" in window.counts_label.text()


def test_overdue_is_marked_in_the_table(window, qtbot):
    window.set_as_of("2030-01-01")
    window.filter_bar.overdue.setChecked(True)
    assert titles(window) == ["Raise bilateral trade to 10 billion dollars"]
    deadline = window.commitment_model.index(0, 5)
    assert "overdue" in deadline.data()
    assert deadline.data(Qt.ItemDataRole.FontRole).bold()
    # by hand on the sample: only the trade target (due 2025) is open past its deadline in 2030
    assert "1 shown of 7 commitments · 1 overdue as of 2030-01-01" in window.counts_label.text()
    window.commitments_view.selectRow(0)
    assert "(overdue)" in window.detail.browser.toPlainText()
    window.set_as_of("2024-12-31")
    assert "0 overdue as of 2024-12-31" in window.counts_label.text()
    assert "(overdue)" not in window.detail.browser.toPlainText()


def test_delete_and_undo(window):
    window.select_commitment(
        sql_reference.search_commitments(window.db, "consultations", "2024-12-31")[0]["id"]
    )
    window.delete_action.trigger()
    assert "Hold regular foreign-minister consultations" not in titles(window)
    window.undo_action.trigger()
    assert "Hold regular foreign-minister consultations" in titles(window)


def test_open_a_second_database_from_the_file_menu(window, tmp_path, monkeypatch):
    second = tmp_path / "second.db"
    from desktop_app.store.database import open_database

    open_database(second).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(second), ""))
    window.open_action.trigger()
    assert window.windowTitle().startswith("second.db")
    assert titles(window) == []
    assert "0 commitments" in window.counts_label.text()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent[0] == str(second)


def test_opening_a_file_that_is_not_ours_explains_and_keeps_the_current_one(
    window, tmp_path, monkeypatch
):
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    shown = []

    def close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    when_modal_opens(close)
    window.open_action.trigger()
    assert "not a SQLite file" in shown[0]
    assert window.windowTitle().startswith("sample.db")
    assert len(titles(window)) == 7
    assert bad.read_text() == "shopping list"


def test_layout_is_remembered(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "s.db")
    first = MainWindow(path)
    qtbot.addWidget(first)
    first.resize(700, 450)  # the offscreen screen is 800x600
    first.show()
    saved = first.size()
    assert saved.height() == 450
    first.commitments_view.setColumnWidth(0, 333)
    first.close()
    second = MainWindow(path)
    qtbot.addWidget(second)
    assert second.size() == saved
    assert second.commitments_view.columnWidth(0) == 333


def test_place_picker_offers_known_places_and_gazetteer_cities(window):
    from desktop_app.ui.pickers import PlaceField

    field = PlaceField(window.db)
    assert "Zahidan, Iran" in field.suggestions("Zah")
    assert any(label.startswith("Lahore") for label in field.suggestions("Lah"))
    assert any(label.startswith("Kandah") for label in field.suggestions("Kandah"))


def test_window_paints_first_then_opens_the_database(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "s.db")
    window = MainWindow(path, open_after_first_paint=True)
    qtbot.addWidget(window)
    assert window.db is None and not window.menuBar().isEnabled()
    window.show()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    assert window.menuBar().isEnabled()
    assert window.commitment_model.rowCount() == 7


def test_a_bad_file_at_start_explains_and_opens_the_default(qtbot, tmp_path, monkeypatch):
    QSettings().clear()
    bad = tmp_path / "broken.db"
    bad.write_text("not a database")
    default = tmp_path / "data" / "default.db"
    monkeypatch.setattr("desktop_app.paths.default_database_path", lambda: default)
    shown = []

    def close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    window = MainWindow(bad, open_after_first_paint=True)
    qtbot.addWidget(window)
    when_modal_opens(close)
    window.show()
    qtbot.waitUntil(lambda: window.db is not None, timeout=5000)
    assert "not a SQLite file" in shown[0]
    assert window.database_path == default.resolve()
    assert window.commitment_model.rowCount() == 7  # the default database got the sample
    assert bad.read_text() == "not a database"


def test_closing_before_the_database_opened(qtbot, tmp_path):
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"), open_after_first_paint=True)
    qtbot.addWidget(window)
    assert window.close()
    # the open that the first paint would have started finds the window closed: nothing opens
    window._open_deferred(tmp_path / "s.db")
    assert window.db is None and window.session is None


def test_each_table_is_read_once_when_first_shown_in_its_remembered_order(
    qtbot, tmp_path, monkeypatch
):
    from desktop_app.ui.paged_table_model import PagedTableModel

    QSettings().clear()
    path = write_sample(tmp_path / "sample.db")
    first = MainWindow(path)
    qtbot.addWidget(first)
    first.tabs.setCurrentIndex(TAB_EVENTS)
    first.events_view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by title
    first.close()  # remembers the tables' layout and order

    reads = []
    real_reload = PagedTableModel.reload

    def counted(model, same_data=False):
        reads.append((type(model).__name__, model.sort_key, model.descending))
        real_reload(model, same_data)

    monkeypatch.setattr(PagedTableModel, "reload", counted)
    again = MainWindow(path)
    qtbot.addWidget(again)
    assert reads == [("CommitmentTableModel", "made_on", True)]  # the others when shown
    again.tabs.setCurrentIndex(TAB_EVENTS)
    again.tabs.setCurrentIndex(TAB_COMMITMENTS)
    again.tabs.setCurrentIndex(TAB_EVENTS)  # read once, not again on every visit
    assert reads[1:] == [("EventTableModel", "title", False)]
    assert again.event_model.rowCount() == 7
    again.tabs.setCurrentIndex(TAB_STATISTICS)
    assert reads[2:] == [("StatisticTableModel", "label", False)]


def test_on_a_big_file_the_status_bar_counts_follow_from_a_worker(qtbot, tmp_path, monkeypatch):
    from desktop_app.ui import counts_label

    QSettings().clear()
    monkeypatch.setattr(counts_label, "BIG_FILE_BYTES", 0)  # the sample counts as big
    window = MainWindow(write_sample(tmp_path / "sample.db"))
    qtbot.addWidget(window)
    assert "counting" in window.counts_label.text()  # the window did not wait
    qtbot.waitUntil(lambda: "statistic" in window.counts_label.text(), timeout=10000)
    assert "7 commitments · " in window.counts_label.text()
    assert "7 events · 1 statistic" in window.counts_label.text()
    assert not window.counts_label.text().endswith("statistics")
    window.set_as_of("2024-03-01")  # counted again: what was known then
    qtbot.waitUntil(lambda: "statistic" in window.counts_label.text(), timeout=10000)
    # by hand on the sample: the trade target (22 April) and Raisi's visit came later
    assert "6 commitments · 0 overdue as of 2024-03-01" in window.counts_label.text()
    assert "6 events · 1 statistic" in window.counts_label.text()
    window.set_as_of("2030-01-01")  # by hand: the trade target is the one overdue then
    qtbot.waitUntil(
        lambda: "1 overdue as of 2030-01-01" in window.counts_label.text(), timeout=10000
    )


def test_one_long_name_does_not_push_the_other_columns_out_of_sight(qtbot, tmp_path):
    from desktop_app.domain.records import Event
    from desktop_app.store import records
    from desktop_app.store.database import open_database
    from desktop_app.ui.table_layout import WIDEST_COLUMN

    QSettings().clear()
    path = write_sample(tmp_path / "sample.db")
    db = open_database(path)
    long_title = "Talks in " + "a very long place name " * 12
    records.add(db, Event(date="2024-12-01", kind="meeting", title=long_title))
    db.close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.tabs.setCurrentIndex(TAB_EVENTS)
    view = window.events_view
    widths = [view.columnWidth(c) for c in range(view.model().columnCount() - 1)]
    assert max(widths) == WIDEST_COLUMN  # the title column, capped
    assert all(width > 20 for width in widths)  # and every other column still there


def test_a_table_never_shown_is_fitted_when_first_shown_next_time(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "sample.db")
    first = MainWindow(path)
    qtbot.addWidget(first)
    first.close()  # the events tab was never shown: its columns were never fitted
    assert QSettings().value("tables/v2/events_table") is None
    assert QSettings().value("tables/v2/commitments_table") is not None
    again = MainWindow(path)
    qtbot.addWidget(again)
    again.tabs.setCurrentIndex(TAB_EVENTS)
    assert again.events_view not in again.layouts.unfitted  # fitted on first show


def test_no_two_menus_or_tabs_share_a_mnemonic(window):
    import re

    titles = [a.text() for a in window.menuBar().actions()]
    titles += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    letters = [re.search(r"&(\w)", t).group(1).lower() for t in titles if "&" in t]
    assert len(letters) == len(titles)
    assert len(set(letters)) == len(letters), titles


def test_ctrl_t_goes_back_to_today(window):
    from desktop_app.domain.dates import today_iso

    assert window.as_of == "2024-12-31"
    window.today_action.trigger()
    assert window.as_of == today_iso() == window.as_of_field.iso()


def test_the_status_dialog_starts_at_the_as_of_date(window):
    window.set_as_of("2024-03-01")
    window.select_commitment(
        sql_reference.search_commitments(window.db, "liaison", "2024-03-01")[0]["id"]
    )
    dates = []

    def look(dialog: StatusDialog) -> None:
        dates.append(dialog.date.iso())
        dialog.reject()

    when_modal_opens(look)
    window.update_status_action.trigger()
    assert dates == ["2024-03-01"]
