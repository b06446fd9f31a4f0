"""The window follows changes another process makes to its file, and its charts are not kept
from before them."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import MainWindow
from tests.processes import run_cli


def titles(window) -> list[str]:
    model = window.commitment_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_a_cli_import_while_the_window_is_open_shows_up(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "shared.db")
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.set_as_of("2024-12-31")
    window.show()
    key_before = window._chart_cache_key()
    csv_file = tmp_path / "more.csv"
    csv_file.write_text("title,made_on,promisors\nDemine the border strip,2024-06-01,ARM\n")
    done = run_cli("import", "--db", str(path), "--table", "commitments", str(csv_file))
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: "Demine the border strip" in titles(window), timeout=5000)
    assert "8 commitments" in window.counts_label.text()
    assert window._chart_cache_key() != key_before


def test_two_windows_on_one_file_do_not_share_chart_numbers(qtbot, tmp_path):
    QSettings().clear()
    path = write_sample(tmp_path / "shared.db")
    first, second = MainWindow(path), MainWindow(path)
    for window in (first, second):
        qtbot.addWidget(window)
    assert first._chart_cache_key() != second._chart_cache_key()
