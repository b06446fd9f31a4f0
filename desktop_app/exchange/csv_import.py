"""CSV import: every row checked and written in one transaction, kept whole or not at all.

Rows are parsed as they are read and written in batches as they pass their checks; at the first
problem writing stops, the remaining rows are still checked, and the transaction is rolled
back. A row whose UUID is already in the database updates that record (an unchanged row is
left as it is, so importing the same file twice changes nothing); the fields the file has no
column for, and links to deleted records, are kept. A dry run writes nothing and so never waits
for the write lock. Problems are reported as `line N, column C: reason`, all of them (up to
200); a file that cannot be read as CSV at all (binary, the database itself, a quote never
closed, a column named twice) is a CsvProblem, one sentence.

The rows of a big file (PARALLEL_FROM lines or more) are checked by worker processes that feed
this one, which resolves their links and writes, in the same order and with the same problems
(exchange/parallel_check.py).

Files are imported table by table in the order of EXCHANGE_TABLES (actors, places, sources, events,
commitments, status_updates, statistics): later tables point at earlier ones.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.domain.vocabulary import EXCHANGE_TABLES
from desktop_app.exchange import parallel_check
from desktop_app.exchange.csv_format import (
    CsvProblem,
    CsvRowProblem,
    DecodedFile,
    read_csv_file,
    rows_with_lines,
)
from desktop_app.exchange.import_batch import Batch
from desktop_app.exchange.import_result import (
    ImportCancelled,
    ImportResult,
    Problem,
    guess_column,
)
from desktop_app.exchange.row_builders import (
    BUILDERS,
    DATE_FIELDS,
    Resolver,
    RowError,
    cell_problems,
    row_date,
)
from desktop_app.exchange.row_cells import row_cells
from desktop_app.exchange.status_cells import (
    STATUS_FIELDS,
    RowStatus,
    StatusRecorder,
    read_row_status,
)
from desktop_app.exchange.written_dates import DateOrder, guess_file_order
from desktop_app.exchange.xlsx_format import is_workbook_path, read_xlsx_file
from desktop_app.store.change_history import log_import
from desktop_app.store.database import write_transaction

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


# --- table layouts -------------------------------------------------------------------------
REQUIRED: dict[str, tuple[str, ...]] = {
    "actors": ("name",),
    "places": ("name",),
    "sources": ("title",),
    "events": ("date", "kind", "title"),
    "commitments": ("title", "made_on"),
    "status_updates": ("commitment_uuid", "date", "status"),
    "statistics": ("label", "value"),
}
OPTIONAL: dict[str, tuple[str, ...]] = {
    "actors": ("uuid", "kind", "iso3"),
    "places": ("uuid", "country", "admin1", "latitude", "longitude", "precision", "local_name"),
    "sources": ("uuid", "url", "publisher", "published_on", "accessed_on", "excerpt"),
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
        "promisor_uuids",
        "beneficiary_uuids",
        "guarantor_uuids",
        "place_uuids",
        "sources",
        "source_uuids",
        "quote",
        "quote_source",
        "quote_source_uuid",
        *STATUS_FIELDS,
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
        "place_uuid",
        "actor_uuids",
        "target_uuids",
        "host_uuids",
        "participant_uuids",
        "sources",
        "source_uuids",
    ),
    "status_updates": (
        "uuid",
        "party",
        "note",
        "source",
        "evidence_event_uuid",
        "party_uuid",
        "source_uuid",
    ),
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
        "place",
        "place_uuid",
        "source",
        "source_uuid",
    ),
}
# REQUIRED lists every exchange table, in the order a set of files is imported
assert tuple(REQUIRED) == EXCHANGE_TABLES
CLASSES: dict[str, type] = {
    "actors": Actor,
    "places": Place,
    "sources": Source,
    "events": Event,
    "commitments": Commitment,
    "status_updates": StatusUpdate,
    "statistics": Statistic,
}


def fields_of(table: str) -> tuple[str, ...]:
    return REQUIRED[table] + OPTIONAL[table]


def normalise_header(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


#: other names people give our columns, by table (a column named as the field itself wins)
HEADER_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "commitments": {
        "title": ("commitment", "promise", "pledge", "what"),
        "promisors": ("parties", "party", "countries", "states", "who", "promised_by"),
        "made_on": ("date", "date_made", "made", "agreed_on", "date_agreed", "signed_on"),
        "deadline": ("due", "due_date", "due_by", "by", "deadline_date"),
        "status_date": ("status_as_of", "as_of", "assessed_on", "last_checked"),
        "description": ("details", "notes", "note"),
    },
    "events": {
        "title": ("event", "what", "headline"),
        "kind": ("type", "event_type"),
        "actors": ("actor", "parties", "who"),
        "place": ("location", "where"),
        "place_country": ("country",),
    },
}


def automatic_mapping(table: str, header: list[str]) -> dict[str, int]:
    """Field -> column index, where a column's name matches a field's or one of its aliases
    (HEADER_ALIASES: "Parties" for promisors)."""
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(normalise_header(name), index)
    mapping = {f: positions[f] for f in fields_of(table) if f in positions}
    taken = set(mapping.values())
    for field_name, aliases in HEADER_ALIASES.get(table, {}).items():
        if field_name in mapping:
            continue
        found = next((positions[a] for a in aliases if a in positions), None)
        if found is not None and found not in taken:
            mapping[field_name] = found
            taken.add(found)
    return mapping


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
    #: how the file writes 03/04/2024, as the user chose it (None: guessed from its dates)
    date_order: DateOrder | None = None

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
    path: str | Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> PreparedFile:
    """A CSV file, or one sheet of an Excel workbook (.xlsx, .xlsm: by default its first
    sheet), read and checked for import; encoding and delimiter are for CSV files only."""
    if is_workbook_path(path):
        decoded = read_xlsx_file(path, sheet)
    else:
        decoded = read_csv_file(path, encoding, delimiter)
    first = next(rows_with_lines(decoded), None)
    if first is None or not any(cell.strip() for cell in first[1]):
        raise CsvProblem(f"{Path(path).name} has no header row.")
    _check_header(first[1])
    lines = decoded.line_breaks() + (not decoded.ends_with_line_break())
    prepared = PreparedFile(Path(path), decoded, first[1], [], max(lines - 1, 0))
    prepared.preview = list(itertools.islice(prepared.rows(), PreparedFile.PREVIEW_ROWS))
    return prepared


def _check_header(header: list[str]) -> None:
    """CsvProblem if two columns have the same name (which one would be meant?)."""
    seen: dict[str, int] = {}
    for number, name in enumerate(header, 1):
        key = normalise_header(name)
        if not key:
            continue
        if key in seen:
            raise CsvProblem(
                f'line 1: column "{name.strip()}" appears twice in the header (columns '
                f"{seen[key]} and {number}); rename or remove one of them."
            )
        seen[key] = number


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

    With problems, or with dry_run, nothing is kept. A dry run writes nothing at all, so it
    never waits for (or takes) the write lock; it counts what would be added, updated and left
    unchanged. progress(done, total) returning False cancels (ImportCancelled is raised,
    nothing is kept). Dates that read two ways (03/04/2024) with no date order given: the
    order is guessed from the file's dates (one 25/03/2024 says day first) and the rows are
    read again in it; a file of year-first dates (our exports) never pays for a guess.
    """
    args = (mapping, dry_run, progress, preset_transform, actor_kind)
    result, ambiguous = _import_once(db, table, prepared, *args)
    if ambiguous and prepared.date_order is None and preset_transform is None:
        guessed = guess_date_order(table, prepared, mapping)
        if guessed is not None:
            again = dataclasses.replace(prepared, date_order=guessed)
            return _import_once(db, table, again, *args)[0]
    return result


def _import_once(
    db: Database,
    table: str,
    prepared: PreparedFile,
    mapping: dict[str, int] | None,
    dry_run: bool,
    progress: Callable[[int, int], bool] | None,
    preset_transform: Callable[[dict], dict] | None,
    actor_kind: str,
) -> tuple[ImportResult, bool]:
    """import_rows in the file's date order: the result, and whether a date read two ways."""
    if table not in BUILDERS:
        raise ValueError(f"unknown table {table!r}; expected one of: {', '.join(EXCHANGE_TABLES)}")
    mapping = automatic_mapping(table, prepared.header) if mapping is None else mapping
    result = ImportResult()
    missing = [f for f in REQUIRED[table] if f not in mapping]
    if missing and preset_transform is None:
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                f"required column missing (the header has: {', '.join(prepared.header)})",
            )
        )
        return result, False
    batch = Batch(db, CLASSES[table], result, dry_run)
    if table == "commitments" and any(f in mapping for f in STATUS_FIELDS):
        batch.recorder = StatusRecorder(db, prepared.path.name, dry_run)
    reading = {"line": 1}  # the line being read, for a problem the csv module raises
    ambiguous = False
    try:
        result.date_order = prepared.date_order
        with _transaction(db, dry_run), _big_cache(db):
            resolver = Resolver(db, actor_kind, dry_run=dry_run, date_order=result.date_order)
            rows = _rows(table, prepared, mapping, preset_transform, batch.recorder is not None)
            _check_and_write(table, rows, resolver, batch, progress, prepared.lines, reading)
            result.new_actors = resolver.new_actors
            ambiguous = resolver.ambiguous_dates
            if result.problems or dry_run:
                raise _Rollback
            log_import(db, table, result.added, result.updated, prepared.path.name)
    except CsvRowProblem as error:  # a row the csv module cannot parse: nothing is kept
        result.problems.append(Problem(error.line, "", error.reason))
    except CsvProblem as error:
        result.problems.append(Problem(reading["line"] + 1, "", str(error)))
    except _Rollback:
        pass
    return result, ambiguous


def _rows(table, prepared, mapping, preset_transform, statuses: bool) -> Iterator[tuple]:
    """The rows to check: by worker processes for a big file (PARALLEL_FROM lines or more),
    else here."""
    decoded = prepared.decoded
    if not parallel_check.can_check_in_parallel(
        prepared.lines, decoded.text, preset_transform, PARALLEL_FROM
    ):
        return _rows_to_check(prepared, mapping, preset_transform)
    setup = parallel_check.Setup(
        table,
        prepared.header,
        mapping,
        preset_transform,
        prepared.date_order,
        decoded.encoding,
        decoded.delimiter,
        decoded.excel,
        statuses,
    )
    return parallel_check.checked_rows(setup, decoded.text)


PARALLEL_FROM = parallel_check.PARALLEL_FROM  # lines from which rows are checked in workers


def guess_date_order(
    table: str, prepared: PreparedFile, mapping: dict[str, int] | None = None
) -> DateOrder | None:
    """The date order the file's date columns show (one 25/03/2025 says day first), read in
    one pass over its rows; None when nothing settles it."""
    mapping = automatic_mapping(table, prepared.header) if mapping is None else mapping
    columns = [i for f, i in mapping.items() if f in DATE_FIELDS]
    if not columns:
        return None
    cells = (row[i] for _line, row in prepared.rows() for i in columns if i < len(row))
    return guess_file_order([cells])


def _check_and_write(table, rows, resolver, batch, progress, lines, reading) -> None:
    """Every row checked and, while none has a problem, written in batches (inside the
    import's transaction; one problem anywhere rolls the whole import back). rows: what
    _rows_to_check or parallel_check.checked_rows gives."""
    result = batch.result
    seen_uuids: dict[str, int] = {}  # (an empty UUID is recorded too, never looked up)
    with contextlib.closing(rows):  # (a cancel or an error stops the worker processes)
        for line, kind, *rest in rows:
            reading["line"] = line
            result.rows += 1
            if result.rows % 500 == 0 and not _report(progress, result.rows, lines):
                raise ImportCancelled
            if kind == parallel_check.PROBLEM:
                result.problems.append(rest[0])
                continue
            if kind == parallel_check.HERE:
                cells = rest[0]
                uuid, keys = cells.get("uuid", "").strip(), None
                batch.covered = batch.covered or frozenset(cells)
            else:
                uuid, keys, record, links, status, others = rest
                batch.covered = batch.covered or keys or frozenset()
            if uuid and uuid in seen_uuids:
                message = f"UUID {uuid} already appears on line {seen_uuids[uuid]}"
                result.problems.append(Problem(line, "uuid", message))
                continue
            seen_uuids[uuid] = line
            if kind == parallel_check.HERE:
                record = _record(table, resolver, cells, line)
                status = _row_status(resolver, cells, line) if batch.recorder else None
            else:
                record = parallel_check.resolve(resolver, line, record, links, others)
            _take(batch, line, uuid, record, status)
    batch.write()
    if result.unlisted:
        last = Problem(line, "", f"and {result.unlisted:,} more problems in later rows")
        result.problems.append(last)


def _take(batch: Batch, line: int, uuid: str, record, status) -> None:
    """A checked row: its record waits to be written, or its problems are noted."""
    result = batch.result
    if isinstance(record, list):
        result.problems += record
        if isinstance(status, Problem):
            result.problems.append(status)
    elif isinstance(status, Problem):
        result.problems.append(status)
    else:
        if status is not None:
            batch.statuses[line] = status
        batch.pending.append((line, uuid, record))
    if len(result.problems) > LISTED_PROBLEMS:  # counted from here on, not listed
        result.unlisted += len(result.problems) - LISTED_PROBLEMS
        del result.problems[LISTED_PROBLEMS:]
    if len(batch.pending) >= WRITE_BATCH:
        batch.write()


def _rows_to_check(prepared: PreparedFile, mapping, preset_transform) -> Iterator[tuple]:
    """The rows of prepared for the writer to check itself, each with its cells (or the
    problem of its shape or cells), as parallel_check.checked_rows gives them."""
    for line, row in prepared.rows():
        cells = row_cells(line, row, prepared.header, mapping, preset_transform)
        if isinstance(cells, Problem):
            yield line, parallel_check.PROBLEM, cells
        else:
            yield line, parallel_check.HERE, cells


LISTED_PROBLEMS = 200  # problems listed one by one; the rest are counted
WRITE_BATCH = 5_000  # checked rows written together


def _record(table: str, resolver: Resolver, cells: dict, line: int):
    """The record the cells describe, or the row's problems (a list): the first the record
    stops at, then every other cell at fault taken one by one (a date, a number)."""
    try:
        return BUILDERS[table](resolver, cells)
    except RowError as error:
        first = Problem(line, error.column, str(error))
    except ValueError as error:
        first = Problem(line, guess_column(str(error)), str(error))
    others = [e for e in cell_problems(resolver, cells) if e.column != first.column]
    return [first, *(Problem(line, e.column, str(e)) for e in others)]


def _row_status(resolver: Resolver, cells: dict, line: int) -> RowStatus | Problem | None:
    """What the row's status cells say (None: nothing), or the row's problem."""
    try:
        date = row_date(resolver, cells, "status_date")
        return read_row_status(cells, date)
    except RowError as error:
        return Problem(line, error.column, str(error))


def _report(progress: Callable[[int, int], bool] | None, done: int, lines: int) -> bool:
    """Tell progress how far the import is (lines bound the rows); False means cancel."""
    return progress is None or progress(min(done, lines), lines)


@contextlib.contextmanager
def _transaction(db: Database, dry_run: bool) -> Iterator[None]:
    """The import's transaction: a write transaction, or for a dry run a read transaction
    (every read sees one state of the file) that is always rolled back."""
    if not dry_run:
        with write_transaction(db):
            yield
        return
    db.conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        db.conn.execute("ROLLBACK")


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


def refuse_database_files(db: Database, path: str | Path) -> None:
    """CsvProblem if path is a file of the database db has open (the file itself, or its
    write-ahead log, shared memory or journal). Compared by os.path.samefile, which only asks
    for the files' status: opening the file here and closing it again would, under POSIX, drop
    every lock this process holds on it."""
    for _number, _schema, file in db.execute("PRAGMA database_list").fetchall():
        if not file:
            continue
        for suffix, what in (
            ("", "the database"),
            ("-wal", "the database's write-ahead log"),
            ("-shm", "the database's shared-memory file"),
            ("-journal", "the database's journal"),
        ):
            try:
                same = os.path.samefile(path, file + suffix)
            except OSError:
                continue
            if same:
                raise CsvProblem(f"{Path(path).name} is {what}, not a CSV file.")
