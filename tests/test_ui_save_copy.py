"""File > Save a copy runs on a worker: the window keeps painting, the copy holds every row, and
a cancelled copy leaves no file."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from desktop_app.session import session as session_module
from desktop_app.store.database import open_database
from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import MainWindow
from tests.dump import full_dump


def _window(qtbot, tmp_path):
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    return window


def test_the_copy_holds_every_row(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path)
    target = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_copy_action.trigger()
    qtbot.waitUntil(lambda: "Copy saved" in window.statusBar().currentMessage(), timeout=10000)
    copy = open_database(target)
    try:
        assert full_dump(copy) == full_dump(window.db)
    finally:
        copy.close()
    assert not list(tmp_path.glob(".copy-*"))


def test_a_cancelled_copy_leaves_no_file(qtbot, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path)
    target = tmp_path / "copy.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(session_module, "COPY_STEP_PAGES", 1)  # a step per page: time to cancel
    real_copy = session_module.Session.copy_to

    def cancelled_at_once(db, path, progress=None):
        return real_copy(db, path, lambda done, total: False)

    monkeypatch.setattr(session_module.Session, "copy_to", staticmethod(cancelled_at_once))
    window.save_copy_action.trigger()
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=10000)
    assert not target.exists()
    assert not list(tmp_path.glob(".copy-*"))


def test_the_open_file_is_not_copied_over_itself(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = _window(qtbot, tmp_path)
    said = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(window.database_path), "")
    )
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    before = full_dump(window.db)
    window.save_copy_action.trigger()
    assert said == ["That is the open file; choose another name."]
    assert full_dump(window.db) == before
