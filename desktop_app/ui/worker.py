"""Long work off the GUI thread, with progress, Cancel, and the result delivered on the GUI
thread. The work function gets a `report(done, total) -> bool` callback; False means cancel.

Each task opens its own database connection (SQLite connections stay in their thread).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog


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


def run_in_background(owner, work, on_done, on_error) -> Task:
    """Run work(report) on the thread pool without a dialog; results arrive on the GUI thread."""
    return _start(owner, Task(work), on_done, on_error)


def _start(owner, task: Task, on_done, on_error) -> Task:
    task.signals.finished.connect(on_done)
    task.signals.failed.connect(on_error)
    task.setAutoDelete(False)
    _keep_alive(owner, task)
    _pool().start(task)
    return task


def _pool() -> QThreadPool:
    """The shared pool, with room for a few tasks at once even on two cores: most of them wait
    on SQLite (which lets other threads run), and a quick count must not queue behind the
    reading of a million ids."""
    pool = QThreadPool.globalInstance()
    if pool.maxThreadCount() < 4:
        pool.setMaxThreadCount(4)
    return pool


def _keep_alive(owner, task: Task) -> None:
    """Hold a reference to every running task until it has finished (the pool does not)."""
    running = [t for t in getattr(owner, "_background_tasks", []) if not t.done]
    owner._background_tasks = [*running, task]
