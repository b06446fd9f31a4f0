"""ui/ behaviours the mutation run at 31334c1 found unpinned (each test names what it holds)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from desktop_app.domain.records import Event
from desktop_app.extract.extractor import Candidate
from desktop_app.store import records
from desktop_app.ui.article_dialog import ArticleDialog
from desktop_app.ui.counts_label import CountsLabel
from desktop_app.ui.csv_dialogs import ImportDialog
from desktop_app.ui.event_editor import EventEditor
from desktop_app.ui.export_dialog import ExportDialog, run_export
from desktop_app.ui.worker import run_with_progress
from tests.ui_helpers import when_modal_opens


def _candidate(kind: str) -> Candidate:
    return Candidate(kind=kind, sentence="S.", title="T", parties=[], places=[])


def test_article_candidates_are_ticked_boxes_and_counted_by_kind(qtbot):
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    dialog._show_candidates(
        [_candidate("commitment"), _candidate("event"), _candidate("commitment")]
    )
    flags = dialog.table.item(0, 0).flags()
    assert flags & Qt.ItemFlag.ItemIsUserCheckable and flags & Qt.ItemFlag.ItemIsEnabled
    assert dialog.summary.text().startswith("3 candidates (2 commitments).")


def test_a_commitment_waiting_for_the_row_order_counts_as_selected(window, monkeypatch):
    tab = window.commitments
    monkeypatch.setattr(tab.model, "ids_pending", lambda: True)
    monkeypatch.setattr(tab.model, "cached_row_for_id", lambda _id: None)
    assert tab.select(3) is True and tab.pending == 3


def test_a_new_count_keeps_the_date_shown(qtbot, sample_db, db_path):
    label = CountsLabel()
    qtbot.addWidget(label)
    label.update_counts(sample_db, db_path, 1, "2024-02-15", 7)
    label.show_count(2)
    assert label.text().startswith("2 shown of ") and "as of 2024-02-15" in label.text()


def test_an_excel_export_is_offered_with_an_excel_file_filter(window, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **_kw: asked.append(args) or ("", "")
    )

    def choose(kind: str):
        def pick(dialog: ExportDialog) -> None:
            dialog.format.setCurrentIndex(dialog.format.findData(kind))
            dialog.accept()

        return pick

    for kind in ("xlsx", "csv"):
        when_modal_opens(choose(kind))
        run_export(window)
    assert [args[3] for args in asked] == ["Excel workbooks (*.xlsx)", "CSV files (*.csv)"]


def test_editing_an_event_shows_its_kind_even_the_first_one(qtbot, db):
    for kind in ("meeting", "strike"):
        event_id = records.add(db, Event(date="2024-01-29", kind=kind, title=f"A {kind}"))
        editor = EventEditor(db, records.get(db, Event, event_id))
        qtbot.addWidget(editor)
        assert editor.kind.currentData() == kind


def test_a_progress_of_unknown_length_shows_a_busy_bar(qtbot):
    from PySide6.QtWidgets import QApplication

    reported, finished = [], []

    def work(report):
        report(0, 0)  # how much is left is not known
        reported.append(1)

    run_with_progress(None, "Working out…", work, finished.append, finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.labelText() == "Working out…"
    ]
    assert reported and dialogs and all(d.maximum() == 0 for d in dialogs)


def test_a_file_over_a_megabyte_is_read_on_a_worker(window, qtbot, tmp_path):
    path = tmp_path / "big.csv"
    row = "Open markets,2024-01-29,PAK," + "x" * 200 + "\n"
    path.write_text("title,made_on,promisors,description\n" + row * 6000, encoding="utf-8")
    assert 1 << 20 < path.stat().st_size < 2 << 20
    dialog = ImportDialog(window, str(path))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == "Reading big.csv…"
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=10000)
    assert Path(dialog.prepared.path) == path


def test_the_counts_are_kept_while_only_the_filter_moves(qtbot, sample_db, db_path):
    label = CountsLabel()
    qtbot.addWidget(label)
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 7)
    before = label.text()
    overdue = before.split(" · ")[1]
    sample_db.execute("UPDATE commitments SET deadline = '2029-01-01'")  # all overdue now
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 3)  # a search: same data
    assert label.text().startswith("3 shown of ") and overdue in label.text()
    label.update_counts(sample_db, db_path, 2, "2030-01-01", 3)  # an edit: counted again
    assert overdue not in label.text()


def test_counts_on_their_way_show_the_newest_number_shown(qtbot, sample_db, db_path, monkeypatch):
    from desktop_app.ui import counts_label

    monkeypatch.setattr(counts_label, "BIG_FILE_BYTES", 0)  # counted on a worker
    label = CountsLabel()
    qtbot.addWidget(label)
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 7)
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 2)  # a search while counting
    qtbot.waitUntil(lambda: "statistic" in label.text(), timeout=10000)
    assert label.text().startswith("2 shown of 7 commitments")


def test_a_date_asked_for_again_while_counted_shows_its_counts(
    qtbot, sample_db, db_path, monkeypatch
):
    from desktop_app.ui import counts_label

    monkeypatch.setattr(counts_label, "BIG_FILE_BYTES", 0)  # counted on a worker
    label = CountsLabel()
    qtbot.addWidget(label)
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 7)
    qtbot.waitUntil(lambda: "statistic" in label.text(), timeout=10000)
    # no turn of the event loop in between: B's count cannot arrive before the last call
    label.update_counts(sample_db, db_path, 1, "2024-06-30", 7)  # B: counted on a worker
    label.update_counts(sample_db, db_path, 1, "2030-01-01", 7)  # back to A: kept
    label.update_counts(sample_db, db_path, 1, "2024-06-30", 7)  # B again: on its way
    qtbot.waitUntil(lambda: "statistic" in label.text(), timeout=10000)
    assert "as of 2024-06-30 · " in label.text()
