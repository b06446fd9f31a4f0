"""Imports as the window and the CLI start them: a file (or one already read and mapped) goes
into a table whole or not at all, read by a preset (exchange/presets.py). The import's one entry
in the change log carries the analyst's name, set on the importing connection here."""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING

from desktop_app.exchange import presets
from desktop_app.session.child_process import Report, run_in_child
from desktop_app.store import change_history

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

    from desktop_app.exchange.import_result import ImportResult


def login_name() -> str:
    """The system's name for the user ('' when it has none): who an import or an edit is by,
    until the user says otherwise."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no password entry and no LOGNAME/USER (a bare container)
        return ""


def import_path(
    db: Database, table: str, path: str | Path, *args, analyst: str = "", **options
) -> ImportResult:
    """presets.import_file, logged under analyst."""
    change_history.set_analyst(db.conn, analyst)
    return presets.import_file(db, table, path, *args, **options)


def import_prepared(db: Database, table: str, *args, analyst: str = "", **options) -> ImportResult:
    """presets.import_prepared, logged under analyst."""
    change_history.set_analyst(db.conn, analyst)
    return presets.import_prepared(db, table, *args, **options)


def import_in_child_process(
    database: Path, arguments: tuple, report: Report | None = None, analyst: str = ""
) -> ImportResult:
    """import_prepared(db, *arguments, progress) in a child process with its own connection
    to the database file, so that checking rows never holds up the window's repaints; progress
    and Cancel work as on a thread (ImportCancelled is raised here)."""
    return run_in_child(_import_with_own_connection, (str(database), arguments, analyst), report)


def _import_with_own_connection(
    database: str, arguments: tuple, analyst: str, progress
) -> ImportResult:
    from desktop_app.store.database import connect_existing

    db = connect_existing(database)
    try:
        return import_prepared(db, *arguments, progress=progress, analyst=analyst)
    finally:
        db.close()
