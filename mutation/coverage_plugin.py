"""pytest plugin for the coverage pass of `python -m mutation.run`: which test runs which line.

Loaded with `-p mutation_coverage` from a support folder on PYTHONPATH (the runner copies this
file there), in the unmutated copy of the repository. Coverage starts when pytest imports the
plugin, before conftest.py imports desktop_app, and the plugin then imports every module that
can be mutated, so that lines run at import (constants, defaults, class attributes) are
recorded under the context "(import)", not under the first test that happened to import the
module. Each test's lines are recorded under its node id, from every thread: the context is
global, and the tasks that ui/worker.py starts on Qt's thread pool (which coverage does not
follow by itself, as they are not `threading` threads) are traced by installing coverage's
thread hook when a task starts. Subprocesses (the CLI tests) are measured by
support/sitecustomize.py under the node id of the test that started them.

Writes into MUTATION_COVERAGE_DIR: coverage data files and outcomes.json (per node id: passed or
not, and its duration in seconds, setup and teardown included).
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import coverage
import pytest

OUT = Path(os.environ["MUTATION_COVERAGE_DIR"])
SOURCE = str(Path.cwd() / "desktop_app")

_cov = coverage.Coverage(data_file=str(OUT / ".coverage"), source=[SOURCE], data_suffix="main")
_cov.start()
_cov.switch_context("(import)")
_outcomes: dict[str, dict] = {}


def _trace_qt_pool_threads() -> None:
    from desktop_app.ui import worker

    run = worker.Task.run

    def traced_run(self) -> None:
        hook = threading.gettrace()
        if hook is not None and sys.gettrace() is None:
            sys.settrace(hook)
        return run(self)

    worker.Task.run = traced_run


def _import_everything() -> None:
    """Import every module that can be mutated now, under "(import)": a module that a test
    imports for the first time would otherwise put its constants and defaults under that
    test's name, as if no other test read them."""
    import importlib
    import pkgutil

    import desktop_app

    root = Path(desktop_app.__file__).parent
    for package in sorted(p.parent.name for p in root.glob("*/__init__.py")):
        prefix = f"desktop_app.{package}"
        importlib.import_module(prefix)
        for module in pkgutil.walk_packages([str(root / package)], prefix + "."):
            importlib.import_module(module.name)


_import_everything()
_trace_qt_pool_threads()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _cov.switch_context(item.nodeid)
    os.environ["MUTATION_TEST_ID"] = item.nodeid
    yield
    os.environ.pop("MUTATION_TEST_ID", None)
    _cov.switch_context("(between)")


def pytest_runtest_logreport(report) -> None:
    entry = _outcomes.setdefault(report.nodeid, {"passed": True, "seconds": 0.0})
    entry["seconds"] += report.duration
    if report.failed:
        entry["passed"] = False


def pytest_unconfigure(config) -> None:
    _cov.stop()
    _cov.save()
    (OUT / "outcomes.json").write_text(json.dumps(_outcomes, indent=1))
