"""More of the window's edges a user meets: New from article's clipboard, date column and
publisher; the names File > Export proposes; a workbook's sheets; a cancelled check; the event
editor's title, one place and unknown fatalities; a new place's country; the status dialog's
definitions; an event's date range; redo after undo; background tasks; and two chart
boundaries. Real widgets offscreen on real database files (survivors of a mutation run)."""

from __future__ import annotations

import threading
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from desktop_app.charts.chart_data import EventsPerMonth, dashboard_data, timestamp
from desktop_app.charts.dashboard import new_chart
from desktop_app.charts.events_chart import draw_events
from desktop_app.domain.drafts import NewPlace
from desktop_app.domain.records import Event
from desktop_app.domain.status import ENTERABLE_STATUSES, STATUS_INFO
from desktop_app.extract.extractor import Candidate
from desktop_app.store import records
from desktop_app.ui import worker
from desktop_app.ui.article_dialog import COL_DATE, ArticleDialog
from desktop_app.ui.csv_dialogs import ImportDialog
from desktop_app.ui.event_editor import EventEditor
from desktop_app.ui.export_dialog import ExportDialog, run_export
from desktop_app.ui.main_window import TAB_EVENTS
from desktop_app.ui.pickers import PlaceField
from desktop_app.ui.status_dialog import StatusDialog
from tests import builders
from tests.ui_helpers import when_modal_opens

TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole
HORIZONTAL = Qt.Orientation.Horizontal


# --- New from article --------------------------------------------------------------------------


def test_new_from_article_takes_the_clipboard_only_when_it_holds_more_than_20_words(qtbot):
    QApplication.clipboard().setText(" ".join(["word"] * 20))  # 20 words: a stray copy
    short = ArticleDialog()
    qtbot.addWidget(short)
    assert short.text.toPlainText() == ""
    assert not short.finding

    article = " ".join(["word"] * 21)
    QApplication.clipboard().setText(article)
    long = ArticleDialog()
    qtbot.addWidget(long)
    assert long.text.toPlainText() == article
    qtbot.waitUntil(lambda: not long.finding, timeout=10000)


def candidate(**fields) -> Candidate:
    return Candidate(kind="event", sentence="S.", title="T", parties=[], places=[], **fields)


def test_the_date_column_shows_the_deadline_else_the_date_else_the_period_end(qtbot):
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    dialog._show_candidates(
        [
            candidate(deadline="2024-05-01", date="2024-04-01", period_end="2024-03-31"),
            candidate(date="2024-04-01", period_end="2024-03-31"),
            candidate(period_end="2024-03-31"),
            candidate(),
        ]
    )
    shown = [dialog.table.item(r, COL_DATE).text() for r in range(dialog.table.rowCount())]
    assert shown == ["2024-05-01", "2024-04-01", "2024-03-31", ""]


def test_the_article_source_keeps_the_publisher_typed(qtbot):
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    dialog.publisher.setText("  Dawn  ")
    assert dialog.plan().source.publisher == "Dawn"
    dialog.publisher.setText("   ")
    assert dialog.plan().source.publisher is None


# --- File > Export, Import ---------------------------------------------------------------------


def proposed_export_name(window, monkeypatch, what: str, kind: str) -> str:
    asked = []

    def save_file_name(*args, **_kwargs):
        asked.append(args)
        return "", ""  # the user cancels the file dialog: nothing is written

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_file_name)

    def choose(dialog: ExportDialog) -> None:
        dialog.what.setCurrentIndex(dialog.what.findData(what))
        dialog.format.setCurrentIndex(dialog.format.findData(kind))
        dialog.accept()

    when_modal_opens(choose)
    run_export(window)
    (args,) = asked
    return Path(args[2]).name


def test_export_proposes_a_file_named_after_what_is_exported(window, monkeypatch):
    assert proposed_export_name(window, monkeypatch, "view", "csv") == "commitments-view.csv"
    assert proposed_export_name(window, monkeypatch, "events", "xlsx") == "events.xlsx"


def workbook(path: Path, *sheets: tuple[str, list[list]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


PROMISES = [["Title", "Parties", "Made on"], ["Reopen the crossing", "PAK;IRN", "2024-02-01"]]


def preview_header(dialog) -> list[str]:
    model = dialog.preview.model()
    return [model.headerData(c, HORIZONTAL) for c in range(1, dialog.preview.columnCount())]


def test_a_workbook_of_one_sheet_leaves_the_sheet_choice_off(window, qtbot, tmp_path):
    path = workbook(tmp_path / "one.xlsx", ("Promises", PROMISES))
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.sheet.count() == 1 and not dialog.sheet.isEnabled()
    two = workbook(tmp_path / "two.xlsx", ("Promises", PROMISES), ("Notes", [["Read me"]]))
    again = ImportDialog(window, str(two))
    qtbot.addWidget(again)
    assert again.sheet.count() == 2 and again.sheet.isEnabled()


def test_a_workbook_is_read_from_its_first_sheet_by_default(window, qtbot, tmp_path):
    path = workbook(tmp_path / "two.xlsx", ("Promises", PROMISES), ("Notes", [["Read me first"]]))
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.sheet.currentText() == "Promises"
    assert preview_header(dialog) == ["Title", "Parties", "Made on"]


def test_a_cancelled_check_says_so(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ImportDialog, "CHECK_HERE_UP_TO", 2)  # checked on a worker
    path = tmp_path / "many.csv"  # progress is reported every 500 rows
    path.write_text(
        "title,made_on,promisors\n"
        + "".join(f"Promise {n},2024-05-{n % 28 + 1:02d},PAK\n" for n in range(1200))
    )
    # every thread of the pool busy: the check waits in the queue until Cancel is pressed
    pool = QThreadPool.globalInstance()
    release = threading.Event()
    started = []
    for _ in range(pool.maxThreadCount()):
        started.append(
            worker.run_in_background(None, lambda _r: release.wait(10), lambda _r: None, print)
        )
    try:
        dialog = ImportDialog(window, str(path))
        qtbot.addWidget(dialog)
        progress = dialog.findChild(QProgressDialog)
        cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
        cancel.click()
    finally:
        release.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary.text(), timeout=10000)
    assert dialog.summary.text() == "Check cancelled; press Check again to finish it."
    assert dialog.problems.count() == 0
    qtbot.waitUntil(lambda: all(t.done for t in started), timeout=10000)


def test_an_import_whose_write_finds_problems_keeps_no_snapshot(window, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("title,made_on,promisors\nGood,2024-05-01,PAK\nBad,2024-02-30,PAK\n")
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    before = window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    dialog.start_import()  # as if the file had changed since its check: the write refuses it
    qtbot.waitUntil(lambda: dialog.result_value is not None, timeout=10000)
    assert not dialog.result_value.ok and dialog.copy_before is None
    snapshots = window.session._snapshots
    assert snapshots is not None and list(snapshots.iterdir()) == []
    assert window.db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == before
    assert dialog.problems.count() == 1  # checked again, the problem listed


# --- the event editor --------------------------------------------------------------------------


def test_the_event_editor_is_titled_new_or_edit(qtbot, sample_db):
    new = EventEditor(sample_db)
    qtbot.addWidget(new)
    assert new.windowTitle() == "New event"
    event = records.get(sample_db, Event, 1)
    edit = EventEditor(sample_db, event)
    qtbot.addWidget(edit)
    assert edit.windowTitle() == "Edit event"


def test_an_event_has_one_place_and_a_semicolon_does_not_make_two(qtbot, db):
    editor = EventEditor(db)
    qtbot.addWidget(editor)
    assert not editor.place.multiple
    editor.place.setText("Camp A; Camp B")
    (place,) = editor.place.refs()
    assert isinstance(place, NewPlace) and place.place.name == "Camp A; Camp B"


def test_fatalities_start_unknown_and_are_saved_as_null_unless_entered(qtbot, db):
    editor = EventEditor(db)
    qtbot.addWidget(editor)
    editor.title_edit.setText("A strike")
    assert editor.fatalities.value() == -1 and editor.fatalities.text() == "unknown"
    assert editor.build_result().record.fatalities is None
    editor.fatalities.setValue(0)
    assert editor.fatalities.text() == "0"
    assert editor.build_result().record.fatalities == 0
    editor.fatalities.setValue(-1)  # back to unknown
    assert editor.build_result().record.fatalities is None


# --- a new place's country ---------------------------------------------------------------------


def test_a_new_place_takes_the_gazetteer_city_only_in_the_country_chosen(qtbot, db):
    field = PlaceField(db)
    qtbot.addWidget(field)
    field.setText("Lahore")
    (lahore,) = field.refs()
    assert lahore.place.country_iso3 == "PAK" and lahore.place.latitude is not None
    field.setText("Lahore, Pakistan")
    (same,) = field.refs()
    assert same.place.country_iso3 == "PAK" and same.place.latitude == lahore.place.latitude
    field.setText("Lahore, India")  # no city of that name there: a new place, in India
    (other,) = field.refs()
    assert other.place.name == "Lahore"
    assert other.place.country_iso3 == "IND" and other.place.latitude is None


# --- the status dialog -------------------------------------------------------------------------


def test_each_status_has_its_own_definition_as_tooltip_and_the_chosen_one_is_shown(
    qtbot, sample_db
):
    commitment = builders.commitment(sample_db)
    dialog = StatusDialog(sample_db, commitment)
    qtbot.addWidget(dialog)
    definitions = [STATUS_INFO[s].definition for s in ENTERABLE_STATUSES]
    assert [dialog.status.itemData(i, TOOLTIP) for i in range(dialog.status.count())] == (
        definitions
    )
    assert dialog.definition.wordWrap()
    assert dialog.definition.text() == definitions[1]
    dialog.status.setCurrentIndex(0)
    assert dialog.definition.text() == definitions[0]
    dialog.status.setCurrentIndex(len(definitions) - 1)
    assert dialog.definition.text() == definitions[-1]


# --- the events table --------------------------------------------------------------------------


def test_an_event_with_an_end_date_shows_its_range_in_the_date_column_only(window):
    records.add(
        window.db,
        Event(date="2024-06-03", end_date="2024-06-05", kind="meeting", title="Three-day talks"),
    )
    window.tabs.setCurrentIndex(TAB_EVENTS)
    window.set_as_of("2024-12-31")
    model = window.event_model
    headers = [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]
    shown = [
        {h: model.index(r, c).data() for c, h in enumerate(headers)}
        for r in range(model.rowCount())
    ]
    talks = next(row for row in shown if row["Event"] == "Three-day talks")
    assert talks["Date"] == "2024-06-03 – 2024-06-05"
    ranged = {
        title: f"{start} – {end}"
        for title, start, end in window.db.execute(
            "SELECT title, date, end_date FROM events WHERE end_date IS NOT NULL"
        )
    }
    one_day = [row for row in shown if row["Event"] not in ranged]
    assert one_day and all(len(row["Date"]) == 10 for row in one_day)
    assert all(row["Date"] == ranged[row["Event"]] for row in shown if row["Event"] in ranged)
    assert all("–" not in str(v) for row in shown for k, v in row.items() if k != "Date")


# --- undo and redo -----------------------------------------------------------------------------


def test_redo_after_undo_puts_an_edit_back_and_undo_again_takes_it_away(window, qtbot):
    window.tabs.setCurrentIndex(TAB_EVENTS)
    window.events_view.selectRow(0)
    event_id = window.selected_id(TAB_EVENTS)

    def title() -> str:
        return window.db.execute("SELECT title FROM events WHERE id = ?", [event_id]).fetchone()[0]

    old = title()

    def rename(dialog: EventEditor) -> None:
        dialog.title_edit.setText("A renamed event")
        dialog.accept()

    when_modal_opens(rename)
    window.edit_action.trigger()
    assert title() == "A renamed event"
    for _ in range(3):
        window.undo_action.trigger()
        assert title() == old
        window.redo_action.trigger()
        assert title() == "A renamed event"


# --- background tasks --------------------------------------------------------------------------


def test_a_task_is_done_once_it_finished_or_failed(qtbot):
    results, errors = [], []
    finished = worker.run_in_background(None, lambda _r: 42, results.append, errors.append)
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert finished.done

    def fail(_report):
        raise RuntimeError("no")

    failed = worker.run_in_background(None, fail, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert failed.done
    assert finished not in worker._RUNNING  # a finished task is let go at the next start


def test_long_work_goes_to_the_global_pool_and_quick_work_to_its_own(qtbot):
    release = threading.Event()
    running = threading.Event()
    results = []

    def work(_report):
        running.set()
        release.wait(10)
        return "ok"

    quick_pool = worker.quick_pool()
    for quick in (False, True):
        running.clear()
        release.clear()
        results.clear()
        before_quick = quick_pool.activeThreadCount()
        if quick:
            worker.run_in_background(None, work, results.append, print, quick=True)
        else:
            worker.run_in_background(None, work, results.append, print)
        assert running.wait(5)
        on_quick = quick_pool.activeThreadCount() - before_quick
        release.set()
        qtbot.waitUntil(lambda: results == ["ok"], timeout=5000)
        assert on_quick == (1 if quick else 0)


# --- charts ------------------------------------------------------------------------------------


def test_a_commitment_made_on_the_as_of_date_is_counted_over_time(db):
    builders.commitment(db, made_on="2024-03-15")
    over_time = dashboard_data(db, "2024-03-15").status_over_time
    assert over_time.periods == ["2024-03-31"]
    assert sum(counts[0] for counts in over_time.counts.values()) == 1
    assert dashboard_data(db, "2024-03-14").status_over_time.periods == []


def test_a_statistic_starting_at_the_axis_right_end_is_not_shaded(qtbot):
    widget = new_chart("events")
    qtbot.addWidget(widget)
    stats = [
        {"label": "A", "text": "1", "period_start": "2024-02-01", "period_end": "2024-04-30"},
        {"label": "B", "text": "2", "period_start": "2024-07-01", "period_end": "2024-07-31"},
    ]
    draw_events(widget, EventsPerMonth([], {}, stats), "2024-06-30")  # axis ends 2024-07-01
    regions = [i for i in widget.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    assert [r.getRegion() for r in regions] == [(timestamp("2024-02-01"), timestamp("2024-05-01"))]
