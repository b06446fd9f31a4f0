"""Waiting for work without freezing the window.

Some steps must finish before the caller goes on (a file is checked before it is opened), but
most of their time is spent in SQLite, which lets go of Python's lock while it reads. Run on a
thread of its own, such a step leaves the GUI thread free: the event loop keeps repainting and
running timers while the caller waits. Input is held back until the step is over (a click is
not lost, it is answered afterwards), so nothing the user does can run in the middle of it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QTimer

T = TypeVar("T")
_POLL_MS = 4


def wait_without_freezing(work: Callable[[], T]) -> T:
    """work() run on a thread of its own while this thread's event loop keeps turning (without
    user input); its result, or the exception it raised, raised here."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # handed to the waiting thread, raised there
            outcome["error"] = error

    thread = threading.Thread(target=run, name="busy-wait", daemon=True)
    thread.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(_POLL_MS)
    timer.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    timer.start()
    if thread.is_alive():
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    timer.stop()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]
