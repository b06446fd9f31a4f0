"""Background work that fails is logged and said in the status bar, never dropped."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings

from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection


def test_a_failing_worker_is_logged_and_shown(qtbot, tmp_path, caplog):
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    missing = tmp_path / "no such folder" / "gone.db"
    work = with_own_connection(missing, lambda db, _report: db.execute("SELECT 1").fetchone())
    arrived = []
    with caplog.at_level(logging.ERROR, logger="commitment_tracker"):
        failed = report_failure(window, "Counting")
        run_in_background(window, work, arrived.append, lambda e: (failed(e), arrived.append(e)))
        qtbot.waitUntil(lambda: bool(arrived), timeout=5000)
    assert window.statusBar().currentMessage().startswith("Counting failed: ")
    assert "gone.db" in window.statusBar().currentMessage()
    assert any("Counting failed" in r.getMessage() for r in caplog.records)


def test_progress_reported_after_its_window_closed_is_dropped(qtbot):
    """An export still running when its window closes reports progress to a progress dialog
    that is gone: the report is dropped, with no error in front of the user."""
    import threading

    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.worker import run_with_progress

    parent = QWidget()
    started, go_on, reported = threading.Event(), threading.Event(), threading.Event()

    def work(report):
        started.set()
        go_on.wait(5)
        report(1, 2)
        reported.set()
        return 1

    arrived = []
    run_with_progress(parent, "Working", work, arrived.append, arrived.append)
    assert started.wait(5)
    parent.deleteLater()  # the window closes, and its progress dialog with it
    qtbot.wait(20)
    go_on.set()
    assert reported.wait(5)
    qtbot.wait(100)  # the progress report reaches the GUI thread: nothing to show it on
    assert arrived == []  # and the result has no owner to go to either
