"""Other processes for tests that need a real second process: the command line, and a small
Python script that holds a database open and answers line by line."""

from __future__ import annotations

import os
import subprocess
import sys


def child_env(**extra: str) -> dict[str, str]:
    """This environment, with the project importable from the child."""
    return {**os.environ, "PYTHONPATH": os.getcwd(), **extra}


def run_cli(
    *args: str, env: dict | None = None, timeout: float = 60
) -> subprocess.CompletedProcess:
    """`python -m desktop_app ARGS` to the end; its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=env or child_env(),
        timeout=timeout,
    )


def script_process(script: str, *args: str) -> subprocess.Popen:
    """A Python script running beside the test, talked to through its stdin and stdout (use it
    in a `with` block, so that it is waited for and its pipes closed)."""
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
