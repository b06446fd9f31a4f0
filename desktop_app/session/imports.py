"""Imports as the window and the CLI start them: a file (or one already read and mapped) goes
into a table whole or not at all, read by a preset (exchange/presets.py)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.exchange.import_result import ImportResult
from desktop_app.exchange.presets import import_file as import_path
from desktop_app.exchange.presets import import_prepared
from desktop_app.session.child_process import Report, run_in_child

__all__ = ["import_in_child_process", "import_path", "import_prepared"]


def import_in_child_process(
    database: Path, arguments: tuple, report: Report | None = None
) -> ImportResult:
    """import_prepared(db, *arguments, progress) in a child process with its own connection
    to the database file, so that checking rows never holds up the window's repaints; progress
    and Cancel work as on a thread (ImportCancelled is raised here)."""
    return run_in_child(_import_with_own_connection, (str(database), arguments), report)


def _import_with_own_connection(database: str, arguments: tuple, progress) -> ImportResult:
    from desktop_app.store.database import connect_existing

    db = connect_existing(database)
    try:
        return import_prepared(db, *arguments, progress=progress)
    finally:
        db.close()
