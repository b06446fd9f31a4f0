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


def test_collections_follow_pythons_thresholds_youngest_first():
    threshold = (700, 10, 10)
    assert gui_thread_gc.generations_due((700, 10, 10), threshold, False, 0.0) == -1
    assert gui_thread_gc.generations_due((701, 10, 10), threshold, False, 0.0) == 0
    assert gui_thread_gc.generations_due((701, 11, 10), threshold, False, 0.0) == 1
    assert gui_thread_gc.generations_due((701, 11, 11), threshold, False, 0.0) == 2


def test_a_full_collection_waits_while_background_work_runs_but_not_for_ever():
    threshold, due = (700, 10, 10), (701, 11, 11)
    waited = gui_thread_gc.FULL_AT_LEAST_EVERY_S
    assert gui_thread_gc.generations_due(due, threshold, True, 1.0) == 1  # young ones only
    assert gui_thread_gc.generations_due(due, threshold, True, waited - 0.1) == 1
    assert gui_thread_gc.generations_due(due, threshold, True, waited) == 2
    assert gui_thread_gc.generations_due(due, threshold, False, 1.0) == 2  # idle: at once


def test_what_a_full_collection_leaves_is_frozen_and_a_thaw_lets_cycles_go(qtbot):
    import weakref

    gui_thread_gc.collect_on_gui_thread()
    collector = gui_thread_gc._collector
    gc.unfreeze()
    survivor = _Cycle()
    try:
        collector.collect(2)  # a full collection (as check() makes when one is due)
        assert gc.get_freeze_count() > 0
        gone = weakref.ref(survivor)
        del survivor
        gc.collect()
        assert gone() is not None  # frozen: a full collection no longer walks it
        gui_thread_gc.thaw()
        assert gc.get_freeze_count() == 0
        gc.collect()
        assert gone() is None  # thawed: its cycle is collected
    finally:
        gc.unfreeze()


def test_closing_a_window_thaws(qtbot, tmp_path):
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow

    gui_thread_gc.collect_on_gui_thread()
    path = tmp_path / "s.db"
    write_sample(path)
    window = MainWindow(path)
    qtbot.addWidget(window)
    gc.freeze()
    window.close()
    assert gc.get_freeze_count() == 0
