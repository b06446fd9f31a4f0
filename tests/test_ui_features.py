"""Window features driven through their real widgets, offscreen, on a real sample file: the
statistic editor, the Statistics table, File > Export chart, Save a copy, Open Recent, and the
dialog an unexpected error shows."""

from __future__ import annotations

import logging
import sys
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import QRunnable, QSettings, Qt, QThreadPool, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store.database import open_database
from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import TAB_COMMITMENTS, TAB_DASHBOARD, TAB_STATISTICS, MainWindow
from desktop_app.ui.statistic_editor import StatisticEditor
from tests.dump import full_dump
from tests.ui_helpers import when_modal_opens

STORED = """SELECT s.label, s.value, s.unit, s.period_start, s.period_end, s.baseline_value,
                   s.baseline_start, s.baseline_end, s.country_iso3, s.method_note, src.title
            FROM statistics s LEFT JOIN sources src ON src.id = s.source_id
            WHERE s.id = ? AND s.deleted_at IS NULL"""
PICSS = (  # the sample's statistic as resources/sample/founding_example.json has it
    "Attacks in Pakistan",
    664.0,
    "attacks",
    "2023-01-01",
    "2023-11-30",
    398.0,
    "2022-01-01",
    "2022-11-30",
    "PAK",
    "Count by PICSS of attacks of all types across Pakistan. The baseline is derived from "
    "the reported rise of 67 per cent over the same months of 2022.",
    "Khaama Press on the Islamabad talks between the Pakistani and Iranian foreign ministers",
)


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def stored(window, statistic_id: int):
    row = window.db.execute(STORED, [statistic_id]).fetchone()
    return None if row is None else tuple(row)


def table_rows(window) -> list[list[str]]:
    """The Statistics tab's cells as shown."""
    window.tabs.setCurrentIndex(TAB_STATISTICS)
    model = window.statistic_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# --- the statistic editor ------------------------------------------------------------------------


def test_new_statistic_through_the_editor_then_undo_and_redo(window, qtbot):
    def fill(dialog: StatisticEditor) -> None:
        qtbot.keyClicks(dialog.label_edit, "Border incidents")
        dialog.value.setValue(42)
        qtbot.keyClicks(dialog.unit, "incidents")
        dialog.period_start.set_iso("2024-03-01")
        dialog.period_end.set_iso("2024-05-31")
        qtbot.keyClicks(dialog.baseline, "30")
        dialog.baseline_start.set_iso("2023-03-01")
        dialog.baseline_end.set_iso("2023-05-31")
        qtbot.keyClicks(dialog.country, "Iran")
        qtbot.keyClicks(dialog.method, "Counted from press reports.")
        press_ok(dialog)

    opened = when_modal_opens(fill)
    window.new_statistic_action.trigger()
    assert isinstance(opened[0], StatisticEditor)
    new_id = window.db.execute("SELECT id FROM statistics WHERE label = 'Border incidents'")
    new_id = new_id.fetchone()[0]
    expected = (
        "Border incidents",
        42.0,
        "incidents",
        "2024-03-01",
        "2024-05-31",
        30.0,
        "2023-03-01",
        "2023-05-31",
        "IRN",  # the country typed by name, stored as its ISO code
        "Counted from press reports.",
        None,
    )
    assert stored(window, new_id) == expected
    assert window.undo_stack.undoText() == "New statistic “Border incidents”"
    # in the table (known by 2024-12-31 from the end of its period): (42 - 30) / 30 = +40%
    assert [
        "Border incidents",
        "42",
        "incidents",
        "2024-03-01 – 2024-05-31",
        "+40%",
        "IRN",
        "",
    ] in (table_rows(window))

    window.undo_action.trigger()
    assert stored(window, new_id) is None
    assert window.db.execute("SELECT COUNT(*) FROM statistics").fetchone()[0] == 1
    assert [row[0] for row in table_rows(window)] == ["Attacks in Pakistan"]
    window.redo_action.trigger()
    assert stored(window, new_id) == expected  # the same row back, with its id
    assert "Border incidents" in [row[0] for row in table_rows(window)]


def test_edit_a_statistic_from_the_statistics_tab_then_undo_and_redo(window, qtbot):
    window.tabs.setCurrentIndex(TAB_STATISTICS)
    window.statistics_view.selectRow(0)
    statistic_id = window.selected_id(TAB_STATISTICS)
    assert stored(window, statistic_id) == PICSS
    shown = {}

    def change(dialog: StatisticEditor) -> None:
        shown["label"], shown["value"] = dialog.label_edit.text(), dialog.value.value()
        shown["country"] = dialog.country.text()
        dialog.label_edit.clear()
        qtbot.keyClicks(dialog.label_edit, "Attacks in Pakistan, revised")
        dialog.value.setValue(700)
        press_ok(dialog)

    when_modal_opens(change)
    window.edit_action.trigger()
    assert shown == {"label": "Attacks in Pakistan", "value": 664.0, "country": "PAK"}
    revised = ("Attacks in Pakistan, revised", 700.0, *PICSS[2:])  # source and all else kept
    assert stored(window, statistic_id) == revised
    assert window.undo_stack.undoText() == "Edit statistic “Attacks in Pakistan”"
    # (700 - 398) / 398 = +75.9%
    assert table_rows(window)[0][:5] == [
        "Attacks in Pakistan, revised",
        "700",
        "attacks",
        "2023-01-01 – 2023-11-30",
        "+76%",
    ]
    window.undo_action.trigger()
    assert stored(window, statistic_id) == PICSS
    assert table_rows(window)[0][:2] == ["Attacks in Pakistan", "664"]
    window.redo_action.trigger()
    assert stored(window, statistic_id) == revised
    assert table_rows(window)[0][:2] == ["Attacks in Pakistan, revised", "700"]


# --- the Statistics table ------------------------------------------------------------------------


def test_statistics_table_shows_the_sample_as_stored(qtbot, tmp_path):
    from desktop_app.domain.records import Statistic
    from desktop_app.store import records

    QSettings().clear()
    path = write_sample(tmp_path / "sample.db")
    db = open_database(path)
    # a second one without baseline, country or source, known from the end of its period
    records.add(db, Statistic(label="Arrivals at Taftan", value=1234567.5, period_end="2024-06-30"))
    db.close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.set_as_of("2024-12-31")
    model = window.statistic_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Statistic", "Value", "Unit", "Period", "Change", "Country", "Source"]
    sql = """SELECT s.label, s.value, s.unit, s.period_start, s.period_end, s.baseline_value,
                    s.country_iso3, src.title FROM statistics s
             LEFT JOIN sources src ON src.id = s.source_id ORDER BY s.label"""
    arrivals, picss = [tuple(r) for r in window.db.execute(sql)]
    assert picss == ("Attacks in Pakistan", 664.0, "attacks", *PICSS[3:6], "PAK", PICSS[-1])
    assert arrivals == ("Arrivals at Taftan", 1234567.5, "", None, "2024-06-30", None, None, None)
    assert table_rows(window) == [  # sorted by label
        [arrivals[0], "1,234,567.5", "", " – 2024-06-30", "", "", ""],
        # by hand: (664 - 398) / 398 = +66.8%, shown as +67%
        [picss[0], "664", picss[2], f"{picss[3]} – {picss[4]}", "+67%", picss[6], picss[7]],
    ]
    # as of 25 January neither was known: PICSS's source came out on the 30th
    window.set_as_of("2024-01-25")
    assert table_rows(window) == []
    window.set_as_of("2024-02-15")  # PICSS known; the arrivals only from 30 June
    assert [row[0] for row in table_rows(window)] == ["Attacks in Pakistan"]


# --- File > Export chart -------------------------------------------------------------------------


def _export(window, qtbot, monkeypatch, chart: str, target) -> list:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    offered = []

    def choose(dialog: QInputDialog) -> None:
        offered.extend(dialog.comboBoxItems())
        dialog.setTextValue(chart)
        dialog.accept()

    when_modal_opens(choose)
    window.export_chart_action.trigger()
    return offered


def _colours(path) -> tuple[QImage, set[str]]:
    image = QImage(str(path))
    colours = {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    return image, colours


def _status_colour(status: Status) -> str:
    return QColor(STATUS_INFO[status].colour).name()


def _drawn_dashboard(window, qtbot) -> None:
    window.dashboard_tab.create()
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)


def test_export_chart_writes_a_png_of_the_drawn_chart(window, qtbot, tmp_path, monkeypatch):
    _drawn_dashboard(window, qtbot)
    target = tmp_path / "by-category.png"
    offered = _export(window, qtbot, monkeypatch, "By category", target)
    assert offered == [
        "Status over time",
        "By party (with compliance)",
        "By category",
        "Timeline",
        "Events per month",
        "Map",
    ]
    image, colours = _colours(target)
    widget = window.dashboard.by_category
    assert (image.width(), image.height()) == (widget.width(), widget.height())
    assert image.width() >= 300 and image.height() >= 150
    # not blank: as of 2024-12-31 the categories hold fulfilled, in-progress and not-rated
    # commitments, and their bars are there in their colours
    for status in (Status.FULFILLED, Status.IN_PROGRESS, Status.NOT_RATED):
        assert _status_colour(status) in colours, status
    assert len(colours) > 20  # text and anti-aliasing too


def test_export_chart_writes_an_svg(window, qtbot, tmp_path, monkeypatch):
    _drawn_dashboard(window, qtbot)
    target = tmp_path / "timeline.svg"
    _export(window, qtbot, monkeypatch, "Timeline", target)
    root = ElementTree.parse(target).getroot()
    assert root.tag.endswith("svg")
    widget = window.dashboard.timeline
    assert root.get("viewBox").split() == ["0", "0", str(widget.width()), str(widget.height())]
    fills = {e.get("fill", "").lower() for e in root.iter()}
    # the bars of the timeline, in their status colours
    for status in (Status.FULFILLED, Status.IN_PROGRESS, Status.NOT_RATED):
        assert _status_colour(status) in fills, status


def test_export_chart_waits_for_the_charts_being_counted(window, qtbot, tmp_path, monkeypatch):
    import threading

    class Busy(QRunnable):
        """Work already on the pool, so that the charts' count waits, as on a big file."""

        def __init__(self) -> None:
            super().__init__()
            self.release = threading.Event()

        def run(self) -> None:
            self.release.wait(10)

    pool = QThreadPool.globalInstance()
    threads = pool.maxThreadCount()
    pool.setMaxThreadCount(1)
    busy = Busy()
    busy.setAutoDelete(False)
    pool.start(busy)
    window.resize(1280, 800)  # the app's first-run size: each chart a quarter of the overview
    try:
        assert window.tabs.currentIndex() == TAB_COMMITMENTS  # the dashboard never shown
        target = tmp_path / "by-category.png"
        _export(window, qtbot, monkeypatch, "By category", target)
    finally:
        busy.release.set()
        pool.waitForDone(10000)
        pool.setMaxThreadCount(threads)
    _image, colours = _colours(target)
    assert _status_colour(Status.FULFILLED) in colours


# --- File > Save a copy --------------------------------------------------------------------------


def test_save_a_copy_holds_the_rows_of_the_moment_it_was_made(window, qtbot, tmp_path, monkeypatch):
    window.tabs.setCurrentIndex(TAB_STATISTICS)
    window.statistics_view.selectRow(0)
    window.delete_action.trigger()  # an edit before the copy: the copy must have it
    target = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_copy_action.trigger()
    qtbot.waitUntil(lambda: "Copy saved" in window.statusBar().currentMessage(), timeout=10000)
    original = full_dump(window.db)
    copy = open_database(target)
    try:
        assert full_dump(copy) == original
        assert copy.execute("SELECT COUNT(*) FROM statistics WHERE deleted_at IS NULL").fetchone()
        assert copy.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7
    finally:
        copy.close()
    window.undo_action.trigger()  # the open file changes; the copy stays as it was
    assert full_dump(window.db) != original
    copy = open_database(target)
    try:
        assert full_dump(copy) == original
    finally:
        copy.close()
    assert window.windowTitle().startswith("sample.db")  # the window stays on its file


# --- File > Open Recent --------------------------------------------------------------------------


def test_open_recent_lists_both_files_and_reopens_one(window, tmp_path, monkeypatch):
    first = window.database_path
    second = tmp_path / "second.db"
    open_database(second).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(second), ""))
    window.open_action.trigger()
    assert window.database_path == second.resolve()
    assert window.commitment_model.rowCount() == 0
    entries = window.recent_menu.actions()
    assert [a.text() for a in entries] == [str(second.resolve()), str(first)]
    entries[1].trigger()  # File > Open Recent > sample.db
    assert window.database_path == first
    assert window.windowTitle().startswith("sample.db")
    assert window.commitment_model.rowCount() == 7
    assert [a.text() for a in window.recent_menu.actions()] == [str(first), str(second.resolve())]


# --- unexpected errors ---------------------------------------------------------------------------


@pytest.fixture
def error_handling(monkeypatch):
    """The app's logging and excepthook, as run_gui installs them; undone afterwards."""
    from desktop_app.ui import error_dialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logger = logging.getLogger("commitment_tracker")
    before = list(logger.handlers)
    error_dialog.setup_logging()
    error_dialog.install_excepthook()
    yield
    for handler in logger.handlers[len(before) :]:
        logger.removeHandler(handler)
        handler.close()


@pytest.mark.qt_no_exception_capture  # the app's own hook, not pytest-qt's, sees the error
def test_an_unexpected_error_shows_one_sentence_and_the_log_file(window, qtbot, error_handling):
    from desktop_app.paths import log_file_path

    shown = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        box.accept()

    def failing_action() -> None:
        raise RuntimeError("the network share went away")

    when_modal_opens(read_and_close)
    QTimer.singleShot(0, failing_action)  # raised inside Qt's event loop, as a slot would
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    title, text = shown[0]
    assert title == "Something went wrong"
    first_line = text.splitlines()[0]
    assert first_line == "The last action failed: the network share went away."
    assert str(log_file_path()) in text
    assert "Traceback" not in text and 'File "' not in text and "line " not in text
    assert "RuntimeError" not in text
    logged = log_file_path().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in failing_action" in logged
    assert "RuntimeError: the network share went away" in logged
