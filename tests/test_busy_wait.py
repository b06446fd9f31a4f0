"""Opening a file checks it off the GUI thread: the window keeps painting while SQLite reads,
the answer (or the one-sentence refusal) comes back to the caller, and PySide6's per-import
source check gives the same answers read from bytes."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from desktop_app.store.errors import StoreError
from desktop_app.ui.busy_wait import wait_without_freezing
from desktop_app.ui.stall_watchdog import StallWatchdog


def test_the_event_loop_turns_while_the_work_runs_elsewhere(qtbot):
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    watchdog = StallWatchdog()
    watchdog.start()
    worker_threads: list[str] = []

    def work() -> int:
        worker_threads.append(threading.current_thread().name)
        time.sleep(0.3)  # as SQLite reading: the interpreter lock is let go
        return 42

    assert wait_without_freezing(work) == 42
    timer.stop()
    watchdog.stop()
    assert worker_threads and worker_threads[0] != threading.main_thread().name
    assert len(ticks) >= 10  # the GUI thread's timers ran during the 300 ms
    assert watchdog.longest_ms() < 150  # where waiting on the GUI thread would be one 300 ms stall


def test_the_works_exception_is_raised_to_the_caller(qtbot):
    def work():
        raise StoreError("x.db is damaged.")

    with pytest.raises(StoreError, match="is damaged"):
        wait_without_freezing(work)


def test_opening_a_folder_or_a_damaged_file_still_says_why_in_the_window(qtbot, tmp_path):
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow

    good = tmp_path / "good.db"
    write_sample(good)
    window = MainWindow(good)
    qtbot.addWidget(window)
    with pytest.raises(StoreError, match="is a folder"):
        window.open_file(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x01" * 4000)
    with pytest.raises(StoreError):
        window.open_file(junk)
    assert junk.read_bytes().startswith(b"SQLite format 3\x00\x01")  # left untouched
    assert window.database_path == good.resolve()  # the open file stays open


def test_the_quicker_pyside_check_answers_as_pyside_does():
    import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is loaded)

    from desktop_app.ui.import_speed import speed_up_imports

    assert speed_up_imports()
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    assert getattr(quick, "reads_bytes", False)
    import desktop_app.domain.dates as no_qt
    import desktop_app.ui.stall_watchdog as with_qt

    assert quick(with_qt) is True
    assert quick(no_qt) is False
    assert quick(sys) is False  # built in: no file, PySide6's own answer
