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
