"""The stall watchdog sees the GUI thread blocked, and sees nothing when it is free."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from desktop_app.ui.stall_watchdog import StallWatchdog


def test_a_blocked_gui_thread_is_one_stall_of_about_that_length(qtbot):
    watchdog = StallWatchdog()
    watchdog.start()
    qtbot.wait(50)
    QTimer.singleShot(0, lambda: time.sleep(0.12))  # work done on the GUI thread
    qtbot.wait(80)
    watchdog.stop()
    assert len(watchdog.stalls) >= 1
    assert watchdog.longest_ms() >= 110  # (a busy machine may add to it, never take away)
    assert watchdog.percentile_ms(0.5) < 16


def test_an_idle_loop_has_no_stall_over_a_frame_by_its_99th_percentile(qtbot):
    watchdog = StallWatchdog()
    watchdog.start()
    qtbot.wait(200)
    watchdog.stop()
    assert len(watchdog.gaps) > 20
    assert watchdog.percentile_ms(0.99) < 100  # a loaded CI machine may hiccup, not freeze
