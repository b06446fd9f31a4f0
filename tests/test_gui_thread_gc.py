"""Cycles are collected on the GUI thread only: a worker that allocates never runs a
collection (which could destroy a Qt object off its thread), and the GUI thread's timer does."""

from __future__ import annotations

import gc
import threading

from desktop_app.ui import gui_thread_gc


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_worker_that_allocates_never_collects_and_the_gui_thread_does(qtbot):
    gui_thread_gc.collect_on_gui_thread()
    assert not gc.isenabled()
    collected_on = []

    def note(phase, _info):
        if phase == "start":
            collected_on.append(threading.current_thread() is threading.main_thread())

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=lambda: [_Cycle() for _ in range(50_000)])
        worker.start()
        worker.join()
        assert collected_on == []  # 50,000 cycles allocated on a worker, no collection there
        qtbot.waitUntil(lambda: bool(collected_on), timeout=5000)
        assert all(collected_on)  # the timer collected, on the GUI thread
    finally:
        gc.callbacks.remove(note)
