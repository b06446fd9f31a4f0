"""CSV import: every row checked and written in one transaction, kept whole or not at all.

Rows are parsed as they are read and written in batches as they pass their checks; at the first
problem writing stops, the remaining rows are still checked, and the transaction is rolled
back. A row whose UUID is already in the database updates that record (an unchanged row is
left as it is, so importing the same file twice changes nothing). Problems are reported as
`line N, column C: reason`, all of them (up to 200).
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Statistic,
    StatusUpdate,
)
from desktop_app.store import bulk, records
from desktop_app.store.csv_format import (
    MAX_CELL,
    CsvProblem,
    DecodedFile,
    read_csv_file,
    rows_with_lines,
)
from desktop_app.store.csv_records import BUILDERS, Resolver, RowError
from desktop_app.store.database import write_transaction

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


@dataclass
class Problem:
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}" if self.column else f"line {self.line}"
        return f"{where}: {self.reason}"


@dataclass
class ImportResult:
    rows: int = 0  # rows read (blank ones left out)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportCancelled(Exception):
    pass


# --- table layouts -------------------------------------------------------------------------
REQUIRED: dict[str, tuple[str, ...]] = {
    "actors": ("name",),
    "places": ("name",),
    "commitments": ("title", "made_on"),
    "events": ("date", "kind", "title"),
    "status_updates": ("commitment_uuid", "date", "status"),
    "statistics": ("label", "value"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    "actors": ("uuid", "kind", "iso3"),
    "places": ("uuid", "country", "admin1", "latitude", "longitude", "precision"),
    "commitments": (
        "uuid",
        "description",
        "category",
        "deadline",
        "deadline_precision",
        "promisors",
        "beneficiaries",
        "guarantors",
        "places",
        "origin_event_uuid",
    ),
    "events": (
        "uuid",
        "end_date",
        "date_precision",
        "description",
        "place",
        "place_country",
        "latitude",
        "longitude",
        "fatalities",
        "actors",
        "targets",
        "hosts",
        "participants",
        "source",
    ),
    "status_updates": ("uuid", "party", "note", "source", "evidence_event_uuid"),
    "statistics": (
        "uuid",
        "unit",
        "period_start",
        "period_end",
        "baseline_value",
        "baseline_start",
        "baseline_end",
        "country",
        "method_note",
    ),
}
TABLES = tuple(REQUIRED)


def fields_of(table: str) -> tuple[str, ...]:
    return REQUIRED[table] + OPTIONAL[table]


def normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def automatic_mapping(table: str, header: list[str]) -> dict[str, int]:
    """Field -> column index, where a column's name matches a field's."""
    positions = {normalise_header(h): i for i, h in enumerate(header)}
    return {f: positions[f] for f in fields_of(table) if f in positions}


# the columns whose validation error a record constructor's message points to
_FIELD_HINTS = {
    "title": "title",
    "name": "name",
    "label": "label",
    "kind": "kind",
    "category": "category",
    "status": "status",
    "precision": "precision",
    "deadline": "deadline",
    "latitude": "latitude",
    "longitude": "longitude",
    "end": "end_date",
    "iso": "iso3",
}


def _guess_column(message: str) -> str:
    lowered = message.lower()
    for word, column in _FIELD_HINTS.items():
        if word in lowered:
            return column
    return ""


# --- the import -------------------------------------------------------------------------------
@dataclass
class PreparedFile:
    """A decoded file with its header and a preview; the rows are parsed as they are read, so
    a file of a million rows is held once, as its text."""

    path: Path
    decoded: DecodedFile
    header: list[str]
    preview: list[tuple[int, list[str]]]  # the first body rows, for a preview
    lines: int  # lines after the header: at least the number of rows (a cell may span lines)

    PREVIEW_ROWS = 20

    @property
    def encoding(self) -> str:
        return self.decoded.encoding

    @property
    def delimiter(self) -> str:
        return self.decoded.delimiter

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of every body row that is not blank. CsvProblem if a row cannot be
        parsed."""
        parsed = rows_with_lines(self.decoded)
        next(parsed, None)  # the header
        for line, row in parsed:
            if any(cell.strip() for cell in row):
                yield line, row


def prepare(
    path: str | Path, encoding: str | None = None, delimiter: str | None = None
) -> PreparedFile:
    decoded = read_csv_file(path, encoding, delimiter)
    first = next(rows_with_lines(decoded), None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvProblem(f"{Path(path).name} has no header row.")
    text = decoded.text
    lines = max(text.count("\n"), text.count("\r")) + (not text.endswith(("\n", "\r")))
    prepared = PreparedFile(Path(path), decoded, first[1], [], max(lines - 1, 0))
    prepared.preview = list(itertools.islice(prepared.rows(), PreparedFile.PREVIEW_ROWS))
    return prepared


def import_rows(
    db: Database,
    table: str,
    prepared: PreparedFile,
    mapping: dict[str, int] | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], bool] | None = None,
    preset_transform: Callable[[dict], dict] | None = None,
    actor_kind: str = "organisation",
) -> ImportResult:
    """Check and import prepared rows into table in one transaction.

    With problems, or with dry_run, nothing is kept. progress(done, total) returning False
    cancels (ImportCancelled is raised, nothing is kept).
    """
    if table not in BUILDERS:
        raise ValueError(f"unknown table {table!r}; expected one of: {', '.join(TABLES)}")
    mapping = automatic_mapping(table, prepared.header) if mapping is None else mapping
    result = ImportResult()
    width = len(prepared.header)
    missing = [f for f in REQUIRED[table] if f not in mapping]
    if missing and preset_transform is None:
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                f"required column missing (the header has: {', '.join(prepared.header)})",
            )
        )
        return result
    seen_uuids: dict[str, int] = {}
    cls = {
        "actors": Actor,
        "places": Place,
        "commitments": Commitment,
        "events": Event,
        "status_updates": StatusUpdate,
        "statistics": Statistic,
    }[table]
    pending: list[tuple[str, object]] = []  # checked rows not yet written: (uuid, record)
    try:
        with write_transaction(db), _big_cache(db):
            resolver = Resolver(db, actor_kind)
            line = 1
            for line, row in prepared.rows():
                result.rows += 1
                if result.rows % 500 == 0 and not _report(progress, result.rows, prepared.lines):
                    raise ImportCancelled
                problem = _check_shape(line, row, width, prepared.header)
                if problem:
                    result.problems.append(problem)
                    continue
                cells = {f: row[i] for f, i in mapping.items() if i < len(row)}
                if preset_transform is not None:
                    try:
                        cells = preset_transform(cells)
                    except RowError as error:
                        result.problems.append(Problem(line, error.column, str(error)))
                        continue
                uuid = cells.get("uuid", "").strip()
                if uuid:
                    if uuid in seen_uuids:
                        result.problems.append(
                            Problem(
                                line,
                                "uuid",
                                f"UUID {uuid} already appears on line {seen_uuids[uuid]}",
                            )
                        )
                        continue
                    seen_uuids[uuid] = line
                # No savepoint per row: one problem anywhere rolls the whole import back.
                try:
                    pending.append((uuid, BUILDERS[table](resolver, cells)))
                except RowError as error:
                    result.problems.append(Problem(line, error.column, str(error)))
                except ValueError as error:
                    result.problems.append(Problem(line, _guess_column(str(error)), str(error)))
                if len(result.problems) >= 200:
                    result.problems.append(Problem(line, "", "too many problems; stopped here"))
                    break
                if len(pending) >= WRITE_BATCH:
                    _write(db, cls, pending, result)
            _write(db, cls, pending, result)
            if result.problems or dry_run:
                raise _Rollback
    except CsvProblem as error:  # a row the csv module cannot parse: nothing is kept
        result.problems.append(Problem(line + 1, "", str(error)))
    except _Rollback:
        pass
    return result


WRITE_BATCH = 5_000  # checked rows written together


def _report(progress: Callable[[int, int], bool] | None, done: int, lines: int) -> bool:
    """Tell progress how far the import is (lines bound the rows); False means cancel."""
    return progress is None or progress(min(done, lines), lines)


def _write(db: Database, cls: type, pending: list[tuple[str, object]], result: ImportResult):
    """Write checked rows: new records in one go, known UUIDs one by one (update or leave).
    Once a problem is found nothing will be kept, so nothing more is written."""
    if pending and not result.problems:
        present = bulk.uuids_present(db, cls, [uuid for uuid, _ in pending if uuid])
        new = []
        for uuid, record in pending:
            if uuid and uuid in present:
                _update_existing(db, cls, record, uuid, present[uuid], result)
            else:
                record.uuid = uuid or None
                new.append(record)
        bulk.add_records(db, new)
        result.added += len(new)
    pending.clear()


@contextlib.contextmanager
def _big_cache(db: Database, kilobytes: int = 65_536) -> Iterator[None]:
    """A bigger page cache while importing (index pages of a big table stay in memory)."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{kilobytes}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


class _Rollback(Exception):
    pass


def _check_shape(line: int, row: list[str], width: int, header: list[str]) -> Problem | None:
    if len(row) != width:
        return Problem(line, "", f"has {len(row)} cells but the header has {width}")
    if max(map(len, row), default=0) <= MAX_CELL:
        return None
    for name, cell in zip(header, row, strict=True):
        if len(cell) > MAX_CELL:
            return Problem(
                line, name, f"the cell holds {len(cell):,} characters; the limit is {MAX_CELL:,}"
            )
    return None


def _update_existing(
    db: Database, cls: type, record, uuid: str, existing: int, result: ImportResult
) -> None:
    """A row whose UUID is known updates that record, unless nothing changed."""
    record.uuid = uuid
    current = records.get(db, cls, existing)
    # CSV files carry no source links for these; keep the ones the record already has
    if cls in (Commitment, Event) and not record.source_ids:
        record.source_ids = current.source_ids
    if _same(current, record) and _is_live(db, cls, existing):
        result.unchanged += 1
        return
    records.update(db, existing, record)
    records.set_deleted(db, cls, existing, False)
    result.updated += 1


def _same(a, b) -> bool:
    """Equal records, ignoring the order of links (a CSV groups parties by role)."""

    def normal(record) -> dict:
        values = dict(vars(record))
        for name in records.LINKS.get(type(record), {}):
            values[name] = tuple(sorted(values[name]))
        return values

    return normal(a) == normal(b)


def _is_live(db: Database, cls: type, record_id: int) -> bool:
    table = records.TABLES[cls]
    row = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [record_id]).fetchone()
    return row is not None and row[0] is None


def import_file(
    db: Database, table: str, path: str | Path, preset: str = "native", **options
) -> ImportResult:
    """Read, check and import a CSV file. CsvProblem if the file cannot be read as CSV."""
    prepared = prepare(path, options.pop("encoding", None), options.pop("delimiter", None))
    if preset == "acled":
        from desktop_app.store.acled import acled_import

        return acled_import(db, prepared, **options)
    if preset != "native":
        raise ValueError(f"unknown preset {preset!r}; expected native or acled")
    return import_rows(db, table, prepared, **options)
