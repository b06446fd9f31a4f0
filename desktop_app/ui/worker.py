"""Long work off the GUI thread, with progress, Cancel, and the result delivered on the GUI
thread. The work function gets a `report(done, total) -> bool` callback; False means cancel.

Each task opens its own database connection (SQLite connections stay in their thread).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog
from shiboken6 import isValid


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], bool]], object]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self.cancelled = threading.Event()
        self.done = False

    def report(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except Exception as error:  # delivered to the GUI thread, shown as a message there
            self.done = True
            self._deliver(self.signals.failed, error)
            return
        self.done = True
        self._deliver(self.signals.finished, result)

    @staticmethod
    def _deliver(signal, value) -> None:
        # whoever asked (a closed window, a replaced model) may be gone: nothing to deliver to
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def with_own_connection(path, work: Callable[..., object]) -> Callable:
    """work(db, report) as a task: the worker opens its own connection to the file at path
    (SQLite connections stay in their thread) and closes it when done."""

    def task(report):
        from desktop_app.store.database import connect_existing

        db = connect_existing(path)
        try:
            return work(db, report)
        finally:
            db.close()

    return task


def run_with_progress(parent, label: str, work, on_done, on_error) -> Task:
    """Start work on the thread pool behind a progress dialog with a Cancel button."""
    task = Task(work)
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(label)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.canceled.connect(task.cancelled.set)

    def progress(done: int, total: int) -> None:
        if not isValid(dialog):  # its window closed while the work still reports progress
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def finish(result) -> None:
        dialog.close()
        on_done(result)

    def fail(error) -> None:
        dialog.close()
        on_error(error)

    task.signals.progress.connect(progress)
    return _start(parent, task, finish, fail)


def run_in_background(owner, work, on_done, on_error, quick: bool = False) -> Task:
    """Run work(report) on a thread pool without a dialog; results arrive on the GUI thread.

    Quick work (a count for the status bar) runs on a pool of its own, so that it never queues
    behind long reads such as a million ids."""
    return _start(owner, Task(work), on_done, on_error, quick_pool() if quick else None)


def _start(owner, task: Task, on_done, on_error, pool: QThreadPool | None = None) -> Task:
    # a result arrives later on the GUI thread: if its owner (a closed dialog's field, a
    # replaced model) is gone by then, there is nobody to give it to
    task.signals.finished.connect(lambda result: _alive(owner) and on_done(result))
    task.signals.failed.connect(lambda error: _alive(owner) and on_error(error))
    task.setAutoDelete(False)
    _keep_alive(task)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


_QUICK_POOL: QThreadPool | None = None


def quick_pool() -> QThreadPool:
    """The pool of quick work (see run_in_background)."""
    global _QUICK_POOL
    if _QUICK_POOL is None:
        _QUICK_POOL = QThreadPool()
        _QUICK_POOL.setMaxThreadCount(2)
    return _QUICK_POOL


def report_failure(widget, what: str) -> Callable[[BaseException], None]:
    """An on_error for background work: the error goes to the log and, in one sentence, to the
    status bar of the widget's window (nothing is dropped silently)."""

    def failed(error: BaseException) -> None:
        logging.getLogger("commitment_tracker").error("%s failed: %r", what, error)
        with contextlib.suppress(RuntimeError):  # the window may be closing
            window = widget.window()
            if hasattr(window, "statusBar"):
                window.statusBar().showMessage(f"{what} failed: {error}", 10000)

    return failed


def _alive(owner) -> bool:
    return not isinstance(owner, QObject) or isValid(owner)


_RUNNING: list[Task] = []


def _keep_alive(task: Task) -> None:
    """Hold a reference to every task until it has finished (the pool does not). Not on its
    owner: a dialog closed while its task runs would take the task's signals with it, and
    the worker would then emit into freed memory."""
    _RUNNING[:] = [t for t in _RUNNING if not t.done]
    _RUNNING.append(task)
