"""The presets: how the rows of a file become our records. `native` reads our own export (and
files laid out like it), `acled` reads an ACLED event export, `ucdp` a file of the UCDP
Georeferenced Event Dataset. One registry for the CLI, the import dialog and the session; a
preset says which tables it can fill."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.vocabulary import EXCHANGE_TABLES, IMPORT_PRESETS
from desktop_app.exchange import ucdp
from desktop_app.exchange.acled import acled_import
from desktop_app.exchange.csv_format import CsvProblem
from desktop_app.exchange.csv_import import (
    ImportResult,
    PreparedFile,
    import_rows,
    prepare,
    refuse_database_files,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

#: the tables each preset can fill
TABLES_OF: dict[str, tuple[str, ...]] = {
    "native": EXCHANGE_TABLES,
    "acled": ("events",),
    "ucdp": ("events",),
}
assert set(TABLES_OF) == set(IMPORT_PRESETS)
#: what a file read with each preset (but native, which fills every table) is, in a sentence
_FILE_OF = {"acled": "An ACLED file", "ucdp": "A UCDP GED file"}


def check_preset(preset: str, table: str) -> None:
    """CsvProblem (one sentence) when a preset cannot fill that table."""
    if preset not in TABLES_OF:
        raise ValueError(f"unknown preset {preset!r}; expected one of {', '.join(TABLES_OF)}")
    if table not in TABLES_OF[preset]:
        tables = " and ".join(TABLES_OF[preset])
        raise CsvProblem(
            f"{_FILE_OF[preset]} holds {tables}, so it can only be imported into {tables}, "
            f"not {table}."
        )


def import_prepared(
    db: Database,
    table: str,
    prepared: PreparedFile,
    mapping: dict[str, int] | None = None,
    preset: str = "native",
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """Import rows read by prepare(), with the user's column mapping (native only)."""
    check_preset(preset, table)
    if preset != "native":
        return _PRESET_IMPORTS[preset](db, prepared, dry_run=dry_run, progress=progress)
    return import_rows(db, table, prepared, mapping, dry_run=dry_run, progress=progress)


def import_file(
    db: Database, table: str, path: str | Path, preset: str = "native", **options
) -> ImportResult:
    """Read, check and import a CSV file or a sheet of an Excel workbook (options: encoding,
    delimiter, sheet, date_order, and those of import_rows). CsvProblem (one sentence) if the
    file cannot be read, is the database itself, or does not suit the preset."""
    check_preset(preset, table)
    refuse_database_files(db, path)
    prepared = prepare(
        path,
        options.pop("encoding", None),
        options.pop("delimiter", None),
        options.pop("sheet", None),
    )
    prepared.date_order = options.pop("date_order", None)
    if preset != "native":
        return _PRESET_IMPORTS[preset](db, prepared, **options)
    return import_rows(db, table, prepared, **options)


def _ucdp_import(
    db: Database,
    prepared: PreparedFile,
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
) -> ImportResult:
    """A GED file's rows imported as events (ucdp.py says how a row becomes one)."""
    problem = ucdp.header_problem(prepared.header)
    if problem is not None:
        return ImportResult(problems=[problem])
    return import_rows(
        db,
        "events",
        prepared,
        ucdp.column_mapping(prepared.header),
        dry_run=dry_run,
        progress=progress,
        preset_transform=ucdp.ucdp_to_event_cells,
        actor_kind="armed_group",
    )


_PRESET_IMPORTS = {"acled": acled_import, "ucdp": _ucdp_import}
