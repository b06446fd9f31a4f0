"""Long, CPU-bound work (checking or importing 100,000 rows) in a child process.

A worker thread of the window shares Python's global lock with the GUI thread: while it checks
rows in Python, every repaint waits its turn, and the window stutters (40-130 ms gaps were
measured during a dry run of 100,000 rows). A child process has its own lock. The thread that
started it only relays: progress comes back over a pipe, Cancel goes the other way and is
honoured by the work itself at its next progress report, where stopping is safe (an import's
transaction is then rolled back by the child, not cut short by a kill).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any

Report = Callable[[int, int], bool]

_POLL_S = 0.05  # how often the relaying thread looks for news (it sleeps in between)
_REPORT_EVERY_S = 0.1  # progress is sent at most this often


class ChildDied(RuntimeError):
    """The child process ended without a result (killed, or out of memory)."""


def run_in_child(work: Callable[..., Any], args: tuple, report: Report | None = None) -> Any:
    """work(*args, progress) in a child process; its result, or its exception raised here.
    report(done, total) gets the child's progress; when it returns False the child is asked to
    stop (its progress callback returns False from then on, as a cancelled thread's would)."""
    context = get_context("spawn")  # never fork a process that runs Qt and threads
    mine, theirs = context.Pipe()
    child = context.Process(target=_child_main, args=(theirs, os.getpid(), work, args), daemon=True)
    child.start()
    theirs.close()
    try:
        return _relay(mine, child, report)
    finally:
        if child.is_alive():  # the relay itself failed: nobody waits for this child any more
            child.terminate()
        child.join()
        mine.close()


def _relay(pipe: Connection, child, report: Report | None) -> Any:
    asked_to_stop = False
    while True:
        if not pipe.poll(_POLL_S):
            if not child.is_alive() and not pipe.poll():
                raise ChildDied(f"the work ended unexpectedly (exit code {child.exitcode})")
            continue
        try:
            kind, *payload = pipe.recv()
        except EOFError:
            raise ChildDied(f"the work ended unexpectedly (exit code {child.exitcode})") from None
        if kind == "progress":
            if report is not None and not report(*payload) and not asked_to_stop:
                pipe.send("stop")
                asked_to_stop = True
        elif kind == "result":
            return payload[0]
        else:
            raise payload[0]


def _died(child) -> ChildDied:
    child.join(5)  # its pipe closes a moment before its exit code is known
    # (None when Qt's own child handling collected it first)
    code = "" if child.exitcode is None else f" (exit code {child.exitcode})"
    return ChildDied(f"the work ended unexpectedly{code}; nothing was changed")


def _child_main(pipe: Connection, parent_pid: int, work, args: tuple) -> None:
    from desktop_app.exchange.csv_export import die_with_parent

    die_with_parent(parent_pid)
    # a daemon to the window's process (ended with it), but free to start worker processes of
    # its own (an import checks rows in them; they end with this child)
    multiprocessing.current_process().daemon = False
    stop = False
    last = 0.0

    def progress(done: int, total: int) -> bool:
        nonlocal stop, last
        import time

        while pipe.poll():
            stop = stop or pipe.recv() == "stop"
        now = time.monotonic()
        if now - last >= _REPORT_EVERY_S or done >= total:
            last = now
            pipe.send(("progress", done, total))
        return not stop

    try:
        result = work(*args, progress)
    except BaseException as error:  # sent to the parent, which raises it
        with contextlib.suppress(Exception):
            pipe.send(("error", error))
        return
    pipe.send(("result", result))
