"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles on whichever thread happens to allocate when a threshold is
passed, a worker's as well. A cycle that holds a Qt object (a widget, a timer, a model whose
Python side refers back to itself) is then destroyed on that worker, and Qt objects must be
destroyed on their own thread: the process can crash. This was seen as a segmentation fault in
the place field's worker, during a collection. So automatic collection is switched off, and a
timer on the GUI thread collects each generation when its count passes Python's own threshold
(pyqtgraph's `util.garbage_collector` does the same for the same reason).

A full collection walks every object the process holds (30-50 ms with a large file open, more
while an import holds 100,000 parsed rows), so it waits while work runs in the background, the
moments a user watches progress, unless a long time has passed since the last one. What a full
collection leaves is frozen (gc.freeze): the modules, the window, the open file's models live
as long as the file is open, and the next full collections walk only what came after (0 ms
instead of 15-30 ms). Opening another file thaws them (thaw), so that what the old file left
in cycles is collected at the next full collection.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer

INTERVAL_MS = 250  # about as often as Python itself collects in an app at rest
FULL_AT_LEAST_EVERY_S = 30.0  # a full collection waits for idle workers at most this long

_collector: _Collector | None = None


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.last_full = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        oldest = generations_due(
            gc.get_count(), self.threshold, busy, time.monotonic() - self.last_full
        )
        self.collect(oldest)

    def collect(self, oldest: int) -> None:
        """Collect generations 0 to oldest; after a full collection, freeze what is left."""
        for generation in range(oldest + 1):
            gc.collect(generation)
        if oldest == 2:
            gc.freeze()  # the survivors are long-lived: later full collections skip them
            self.last_full = time.monotonic()


def generations_due(
    counts: tuple[int, int, int],
    threshold: tuple[int, int, int],
    busy: bool,
    seconds_since_full: float,
) -> int:
    """The oldest generation to collect now (-1: none), by Python's own thresholds, except
    that a full collection waits while background work runs, for up to FULL_AT_LEAST_EVERY_S."""
    young, middle, old = counts
    if young <= threshold[0]:
        return -1
    if middle <= threshold[1]:
        return 0
    if old <= threshold[2] or (busy and seconds_since_full < FULL_AT_LEAST_EVERY_S):
        return 1
    return 2


def collect_on_gui_thread() -> None:
    """From now on, collect cycles on the GUI thread only (once per process; needs the
    QApplication, whose thread is the GUI thread)."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is not None or app is None:
        return
    gc.disable()
    _collector = _Collector(app)


def thaw() -> None:
    """Let the next full collection walk every object again (a file is being closed: what its
    window held may now be garbage in cycles)."""
    gc.unfreeze()
