"""Imports as the window and the CLI start them: a file (or one already read and mapped) goes
into a table whole or not at all. The preset decides how rows are read (native or ACLED)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.store.acled import acled_import
from desktop_app.store.csv_import import (
    ImportResult,
    PreparedFile,
    check_preset,
    import_file,
    import_rows,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


def import_prepared(
    db: Database,
    table: str,
    prepared: PreparedFile,
    mapping: dict[str, int] | None,
    preset: str = "native",
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """Import rows read by csv_import.prepare, with the user's column mapping."""
    check_preset(preset, table)
    if preset == "acled":
        return acled_import(db, prepared, dry_run=dry_run, progress=progress)
    return import_rows(db, table, prepared, mapping, dry_run=dry_run, progress=progress)


def import_path(
    db: Database, table: str, path: str | Path, preset: str = "native", **options
) -> ImportResult:
    """Read, check and import the file at path (the CLI's import)."""
    return import_file(db, table, path, preset, **options)
