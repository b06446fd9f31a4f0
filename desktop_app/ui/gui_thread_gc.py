"""Python's cycle collector, run on the GUI thread only.

Python collects reference cycles on whichever thread happens to allocate when a threshold is
passed, a worker's as well. A cycle that holds a Qt object (a widget, a timer, a model whose
Python side refers back to itself) is then destroyed on that worker, and Qt objects must be
destroyed on their own thread: the process can crash. This was seen as a segmentation fault in
the place field's worker, during a collection. So automatic collection is switched off, and a
timer on the GUI thread collects each generation when its count passes Python's own threshold
(pyqtgraph's `util.garbage_collector` does the same for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 250  # about as often as Python itself collects in an app at rest

_collector: _Collector | None = None


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread() -> None:
    """From now on, collect cycles on the GUI thread only (once per process; needs the
    QApplication, whose thread is the GUI thread)."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is not None or app is None:
        return
    gc.disable()
    _collector = _Collector(app)
