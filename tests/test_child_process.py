"""Work run in a child process (session/child_process.py): its result, its progress, its
errors and Cancel come back as if it had run on a thread."""

from __future__ import annotations

import os

import pytest

from desktop_app.exchange.import_result import ImportCancelled
from desktop_app.session.child_process import ChildDied, run_in_child


def _count_to(n: int, progress) -> tuple[int, int]:
    for done in range(1, n + 1):
        if not progress(done, n):
            raise ImportCancelled
    return n, os.getpid()


def _fail(message: str, _progress) -> None:
    raise ValueError(message)


def _die(_progress) -> None:
    os._exit(9)


def _wait_for_stop(progress) -> str:
    import time

    deadline = time.monotonic() + 20
    while progress(0, 1):
        if time.monotonic() > deadline:
            return "never asked to stop"
        time.sleep(0.01)
    raise ImportCancelled


def test_the_result_comes_back_from_another_process_with_its_progress():
    seen = []
    result, pid = run_in_child(_count_to, (50_000,), lambda d, t: seen.append((d, t)) or True)
    assert result == 50_000
    assert pid != os.getpid()
    assert seen and seen[-1] == (50_000, 50_000)  # the last report always arrives
    assert len(seen) < 1_000  # and they are sent at a sensible rate, not one per row


def test_an_error_in_the_child_is_raised_here_as_itself():
    with pytest.raises(ValueError, match="no such column"):
        run_in_child(_fail, ("no such column",))


def test_cancel_is_passed_to_the_work_which_stops_itself():
    with pytest.raises(ImportCancelled):
        run_in_child(_wait_for_stop, (), lambda _d, _t: False)


def test_a_child_that_dies_is_reported_not_waited_for():
    with pytest.raises(ChildDied, match="ended unexpectedly"):
        run_in_child(_die, ())


def _start_a_grandchild(_progress) -> int:
    from multiprocessing import get_context

    grandchild = get_context("spawn").Process(target=os.getpid)
    grandchild.start()  # as an import's row-checking workers are started
    grandchild.join(30)
    return grandchild.exitcode


def test_the_child_may_start_processes_of_its_own():
    assert run_in_child(_start_a_grandchild, ()) == 0
