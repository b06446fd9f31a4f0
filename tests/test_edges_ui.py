"""The window's details a user meets at the edges: readable text on every status colour, the
whole title as a tooltip, Ctrl+1..4 for the tabs, the layout (splitter, toolbar) kept between
runs, the filter bar showing a recalled view, progress dialogs, and the import dialog's preview
and dry run. Real windows offscreen on a real sample file."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QProgressDialog, QPushButton, QToolBar, QWidget

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import TAB_COMMITMENTS, MainWindow
from desktop_app.ui.status_style import status_badge_html, status_text_colour, text_colour_on

BLACK, WHITE = "#000000", "#ffffff"
ROLE = Qt.ItemDataRole


def rows(window) -> list[dict]:
    """Every shown row of the commitments table: column header -> the cell's model index."""
    model = window.commitment_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{h: model.index(r, c) for c, h in enumerate(headers)} for r in range(model.rowCount())]


# --- status colours and tooltips ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rgb", "text"),
    [  # whichever of black and white has the larger WCAG contrast ratio with the background
        ((117, 117, 117), WHITE),  # white 4.61:1, black 4.56:1: the grey where they cross
        ((118, 118, 118), BLACK),  # black 4.62:1, white 4.54:1
        ((140, 140, 140), BLACK),  # 6.25 against 3.36 (a luminance guess said white)
        ((0, 0, 255), WHITE),  # pure blue is dark
        ((255, 255, 0), BLACK),  # yellow is light
        ((0, 255, 0), BLACK),
        ((255, 0, 0), BLACK),  # red: black 5.25:1, white only 4.0:1
        ((255, 0, 255), BLACK),
        ((0, 255, 255), BLACK),
        ((0, 0, 0), WHITE),
        ((255, 255, 255), BLACK),
    ],
)
def test_text_on_a_background_is_black_on_light_and_white_on_dark(rgb, text):
    assert text_colour_on(QColor(*rgb)).name() == text


def test_status_badges_name_the_status_in_readable_text():
    fulfilled = STATUS_INFO[Status.FULFILLED]
    badge = status_badge_html("fulfilled")
    assert f"background-color:{fulfilled.colour}" in badge
    assert f"color:{text_colour_on(QColor(fulfilled.colour)).name()}" in badge
    assert f"&nbsp;{fulfilled.label}&nbsp;" in badge


def test_status_cells_are_coloured_with_readable_text_and_explained(window):
    seen = {}
    for row in rows(window):
        cell = row["Status"]
        background = cell.data(ROLE.BackgroundRole).color()
        seen[cell.data()] = (background.name(), cell.data(ROLE.ForegroundRole).color().name())
        info = next(i for i in STATUS_INFO.values() if i.label == cell.data())
        assert cell.data(ROLE.ToolTipRole) == info.definition
    assert seen == {
        # black on Fulfilled: 6.1:1, where white was 3.4:1 (under WCAG AA's 4.5)
        "Fulfilled": (QColor(STATUS_INFO[Status.FULFILLED].colour).name(), BLACK),
        "In progress": (QColor(STATUS_INFO[Status.IN_PROGRESS].colour).name(), BLACK),
        "Not yet rated": (QColor(STATUS_INFO[Status.NOT_RATED].colour).name(), BLACK),
    }


def test_the_title_cell_has_the_whole_title_as_its_tooltip_and_plain_cells_none(window):
    for row in rows(window):
        title = row["Commitment"]
        assert title.data(ROLE.ToolTipRole) == title.data()
        for plain in ("Parties", "Category", "Made on"):
            assert row[plain].data(ROLE.ToolTipRole) is None
            assert row[plain].data(ROLE.BackgroundRole) is None
        assert title.data(ROLE.BackgroundRole) is None


def test_an_overdue_deadline_is_bold_red_and_explained(window):
    window.set_as_of("2030-01-01")
    overdue = [r for r in rows(window) if "overdue" in (r["Deadline"].data() or "")]
    assert [r["Commitment"].data() for r in overdue] == [
        "Raise bilateral trade to 10 billion dollars"
    ]
    deadline = overdue[0]["Deadline"]
    assert deadline.data() == "2029-04-22  overdue"
    # Broken's colour, deepened to read at 4.5:1 on the table's base (tests/test_contrast.py)
    broken = status_text_colour(Status.BROKEN).name()
    assert deadline.data(ROLE.ForegroundRole).color().name() == broken
    assert deadline.data(ROLE.ToolTipRole) == (
        "The deadline passed before 2030-01-01 and the commitment is still open."
    )
    on_time = next(r for r in rows(window) if r["Deadline"].data() == "2024-01-26")
    assert on_time["Deadline"].data(ROLE.FontRole) is None
    assert on_time["Deadline"].data(ROLE.ToolTipRole) is None


# --- tabs, shortcuts ---------------------------------------------------------------------------


def test_ctrl_1_to_6_show_the_six_tabs(window):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    by_key = {a.shortcut().toString(): a for a in view_menu.actions() if not a.shortcut().isEmpty()}
    names = ["Commitments", "Events", "Statistics", "Dashboard", "Map", "Sources"]
    for number, name in enumerate(names):
        action = by_key[QKeySequence(f"Ctrl+{number + 1}").toString()]
        assert action.text().replace("&", "") == name
        window.tabs.setCurrentIndex((number + 1) % len(names))
        action.trigger()
        assert window.tabs.currentIndex() == number
        assert window.tabs.tabText(number).replace("&", "") == name
    assert QKeySequence("Ctrl+0").toString() not in by_key
    assert QKeySequence("Ctrl+7").toString() not in by_key


# --- layout kept between runs --------------------------------------------------------------------


def test_the_table_is_left_of_the_detail_panel_and_wider_by_default(window):
    splitter = window.commitments.splitter
    assert splitter.count() == 2
    assert splitter.widget(0) is window.commitments_view
    assert splitter.widget(1) is window.detail
    table, detail = splitter.sizes()
    assert table > detail > 0


def test_the_splitter_and_the_toolbar_place_are_kept_for_the_next_window(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "s.db")
    first = MainWindow(path)
    qtbot.addWidget(first)
    first.resize(760, 500)
    first.show()
    first.commitments.splitter.setSizes([250, 450])  # the detail panel made wider
    toolbar = first.findChild(QToolBar, "main_toolbar")
    first.addToolBar(Qt.ToolBarArea.LeftToolBarArea, toolbar)
    first.close()
    second = MainWindow(path)
    qtbot.addWidget(second)
    second.show()
    table, detail = second.commitments.splitter.sizes()
    assert table / detail == pytest.approx(250 / 450, abs=0.03)  # not the default 780:480
    moved = second.findChild(QToolBar, "main_toolbar")
    assert second.toolBarArea(moved) == Qt.ToolBarArea.LeftToolBarArea


def test_reopening_a_file_keeps_one_table_and_one_detail_panel(window, tmp_path):
    other = write_sample(tmp_path / "other.db")
    window.open_file(other)
    splitter = window.commitments.splitter
    assert splitter.count() == 2
    assert splitter.widget(0) is window.commitments_view
    assert splitter.widget(1) is window.detail


# --- the filter bar ----------------------------------------------------------------------------


def test_a_recalled_view_shows_every_field_in_the_filter_bar(window):
    bar = window.filter_bar
    party = bar.party.itemData(bar.party.findText("Iran"))
    place = bar.place.itemData(1)
    flt = CommitmentFilter(
        text="border",
        statuses=("in_progress",),
        category="economic",
        party_id=party,
        place_id=place,
        made_from="2024-01-01",
        made_to="2024-06-30",
        overdue_only=True,
    )
    window.save_current_view("Everything")  # the empty filter, under another name first
    window.saved_views.save(flt, "Narrow")
    window.recall_view("Narrow")
    assert bar.current_filter() == flt
    assert bar.party.currentText() == "Iran"
    assert bar.status.currentText() == "In progress"
    assert bar.category.currentText() == "Economic"
    window.recall_view("Everything")
    assert bar.current_filter() == CommitmentFilter()
    assert bar.party.currentText() == "Any party"
    assert bar.place.currentText() == "Any place"
    assert bar.status.currentText() == "Any status"


def test_clearing_the_filter_emits_one_change_and_shows_every_commitment(window, qtbot):
    bar = window.filter_bar
    bar.party.setCurrentIndex(bar.party.findText("Iran"))
    bar.category.setCurrentIndex(bar.category.findData("security"))
    assert len(rows(window)) == 2
    changes = []
    bar.changed.connect(lambda: changes.append(1))
    window.clear_filter_action.trigger()
    assert changes == [1]
    assert bar.party.currentIndex() == 0 and bar.category.currentIndex() == 0
    assert len(rows(window)) == 7


def test_a_view_with_a_party_no_longer_there_shows_any_party(window):
    window.saved_views.save(CommitmentFilter(party_id=999_999), "Gone")
    window.filter_bar.party.setCurrentIndex(1)
    window.recall_view("Gone")
    assert window.filter_bar.party.currentText() == "Any party"


def test_saved_views_are_kept_as_json_between_runs(window, qtbot, tmp_path):
    window.saved_views.save(CommitmentFilter(statuses=("fulfilled",), text="visit"), "Visits")
    stored = QSettings().value("saved_views")
    assert isinstance(stored, str) and '"Visits"' in stored
    again = MainWindow(window.database_path)
    qtbot.addWidget(again)
    names = [a.text() for a in again.views_menu.actions()]
    assert "Visits" in names
    assert again.saved_views.get("Visits") == CommitmentFilter(
        statuses=("fulfilled",), text="visit"
    )


# --- progress dialogs --------------------------------------------------------------------------


def test_a_progress_dialog_follows_the_work_and_closes_with_its_result(qtbot):
    from desktop_app.ui.worker import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    step, go_on = threading.Event(), threading.Event()
    results, errors = [], []

    def work(report):
        report(3, 10)
        step.set()
        go_on.wait(5)
        report(25, 10)  # a count past its total shows as full, never more
        step.set()
        go_on.wait(5)
        return "done"

    run_with_progress(parent, "Counting…", work, results.append, errors.append)
    dialog = parent.findChild(QProgressDialog)
    assert dialog.windowTitle() == "Counting…" and dialog.labelText() == "Counting…"
    assert step.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 10 and dialog.value() == 3, timeout=3000)
    step.clear()
    go_on.set()
    assert step.wait(5)
    # full: the dialog resets itself at its maximum (-1); a value past it would be ignored
    qtbot.waitUntil(lambda: dialog.value() in (10, -1), timeout=3000)
    go_on.set()
    qtbot.waitUntil(lambda: results == ["done"], timeout=3000)
    assert errors == []
    assert not dialog.isVisible()


def test_cancel_in_a_progress_dialog_tells_the_work_to_stop(qtbot):
    from desktop_app.ui.worker import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started, cancelled = threading.Event(), threading.Event()
    answers, errors = [], []

    def work(report):
        answers.append(report(0, 5))
        started.set()
        cancelled.wait(5)
        answers.append(report(1, 5))
        raise RuntimeError("stopped by the user")

    run_with_progress(parent, "Working…", work, lambda _r: None, errors.append)
    dialog = parent.findChild(QProgressDialog)
    assert started.wait(5)
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.click()
    cancelled.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert answers == [True, False]
    assert str(errors[0]) == "stopped by the user"
    assert not dialog.isVisible()


def test_a_progress_dialog_waits_a_moment_before_it_shows(qtbot):
    from desktop_app.ui.worker import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    run_with_progress(parent, "Quick…", lambda report: release.wait(5), lambda _r: None, print)
    dialog = parent.findChild(QProgressDialog)
    assert 300 <= dialog.minimumDuration() <= 1000  # quick work never flashes a dialog
    assert not dialog.autoClose()
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)


# --- the import dialog -------------------------------------------------------------------------


def test_the_import_preview_shows_line_numbers_and_cuts_long_cells(window, qtbot, tmp_path):
    from desktop_app.ui.csv_dialogs import ImportDialog

    long_note = "x" * 250
    path = tmp_path / "long.csv"
    path.write_text(
        "title,made_on,promisors,description\n"
        f"Demine the border,2024-06-01,ARM,{long_note}\n"
        "Open the crossing,2024-06-02,PAK,short\n"
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    preview = dialog.preview
    assert preview.columnCount() == 5  # what each row becomes, then the file's columns
    headers = [preview.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["Becomes", "title", "made_on", "promisors", "description"]
    assert [preview.verticalHeaderItem(r).text() for r in range(2)] == ["2", "3"]
    assert preview.item(0, 4).text() == "x" * 200
    assert preview.item(1, 1).text() == "Open the crossing"
    assert [preview.item(r, 0).text() for r in range(2)] == ["new", "new"]


def test_the_import_dialog_only_checks_until_import_is_pressed(window, qtbot, tmp_path):
    from desktop_app.ui.csv_dialogs import ImportDialog

    before = window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    path = tmp_path / "two.csv"
    path.write_text(
        "title,made_on,promisors\nDemine the border,2024-06-01,ARM\nOpen it,2024-06-02,PAK\n"
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == (
        "2 rows ready (utf-8, delimiter ','): 2 new, 0 to update, 0 unchanged."
    )
    dialog.check_button.click()
    assert window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == before
    assert dialog.import_button.isEnabled()


def test_a_big_file_checked_on_a_worker_is_not_imported(window, qtbot, tmp_path, monkeypatch):
    from desktop_app.ui.csv_dialogs import ImportDialog

    monkeypatch.setattr(ImportDialog, "CHECK_HERE_UP_TO", 2)
    before = window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    path = tmp_path / "many.csv"
    path.write_text(
        "title,made_on,promisors\n"
        + "".join(f"Promise {n},2024-05-{n % 28 + 1:02d},PAK\n" for n in range(30))
    )
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "rows ready" in dialog.summary.text(), timeout=10000)
    assert "30 rows ready" in dialog.summary.text() and "30 new" in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == before


def test_only_the_newest_check_is_shown(window, qtbot, tmp_path, monkeypatch):
    from desktop_app.ui.csv_dialogs import ImportDialog

    monkeypatch.setattr(ImportDialog, "CHECK_HERE_UP_TO", 2)
    big = tmp_path / "many.csv"
    big.write_text(
        "title,made_on,promisors\n"
        + "".join(f"Promise {n},2024-05-{n % 28 + 1:02d},PAK\n" for n in range(300))
    )
    small = tmp_path / "bad.csv"
    small.write_text("title,made_on,promisors\nBad,2024-02-30,PAK\n")
    dialog = ImportDialog(window, str(big))  # its check starts on a worker
    qtbot.addWidget(dialog)
    dialog.path.setText(str(small))
    dialog.check_button.click()  # checked here and now, while the big one may still run
    QThreadPool.globalInstance().waitForDone(10000)
    qtbot.wait(100)  # the worker's answer, if any, is delivered
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["line 2, column made_on: 30 February 2024 does not exist"]
    assert dialog.summary.text() == "1 problem(s) in 1 rows."
    assert not dialog.import_button.isEnabled()


def test_the_commitments_tab_is_shown_after_recalling_a_view(window):
    window.saved_views.save(CommitmentFilter(category="security"), "Security")
    window.tabs.setCurrentIndex(3)
    window.recall_view("Security")
    assert window.tabs.currentIndex() == TAB_COMMITMENTS
    assert len(rows(window)) == 2


# --- messages ----------------------------------------------------------------------------------


def test_an_editor_error_is_one_sentence_with_a_capital_and_a_full_stop(window, qtbot):
    from desktop_app.ui.commitment_editor import CommitmentEditor

    editor = CommitmentEditor(window.db, parent=window)
    qtbot.addWidget(editor)
    editor.accept()  # nothing chosen
    text = editor.error_label.text()
    assert editor.error_label.isVisibleTo(editor)
    assert text == "Name at least one party that made the commitment."  # not "NName …"


def test_a_copy_into_a_missing_folder_is_explained_in_a_warning(
    window, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from tests.ui_helpers import when_modal_opens

    target = tmp_path / "no such folder" / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    said = []

    def read_and_close(box) -> None:
        said.append((box.windowTitle(), box.text()))
        box.accept()

    when_modal_opens(read_and_close)
    window.save_copy_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=10000)
    assert said[0][0] == "Save a copy"
    assert "no such folder" in said[0][1]
    assert not target.parent.exists()


def test_the_dashboard_is_not_counted_again_when_shown_again_unchanged(window, qtbot):
    from desktop_app.ui.main_window import TAB_DASHBOARD

    window.dashboard_tab.create()
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert not window.dashboard_tab.stale
    drawn = []
    window.dashboard.drawn.connect(lambda: drawn.append(1))
    window.tabs.setCurrentIndex(TAB_COMMITMENTS)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(100)
    assert drawn == []
    window.tabs.setCurrentIndex(TAB_COMMITMENTS)
    window.set_as_of("2024-03-01")  # changed while hidden: counted when shown
    assert window.dashboard_tab.stale
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)


def test_the_top_percentile_of_stall_gaps_is_the_longest_gap():
    from desktop_app.ui.stall_watchdog import StallWatchdog

    watchdog = StallWatchdog()
    watchdog.gaps = [4.0, 5.0, 30.0, 6.0]
    assert watchdog.percentile_ms(1.0) == 30.0
    assert watchdog.percentile_ms(0.0) == 4.0
    assert watchdog.percentile_ms(0.5) == 6.0
