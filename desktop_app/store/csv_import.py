"""CSV import: every row checked, then all rows written in one transaction, or none.

A row whose UUID is already in the database updates that record (an unchanged row is left as
it is, so importing the same file twice changes nothing). Problems are reported as
`line N, column C: reason`, all of them, before anything is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.domain import gazetteer
from desktop_app.domain.dates import parse_iso_date
from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.store import records
from desktop_app.store.csv_format import MAX_CELL, CsvProblem, read_csv_file, rows_with_lines

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
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportCancelled(Exception):
    pass


class _RowError(ValueError):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


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


# --- cell parsing ---------------------------------------------------------------------------
_AMBIGUOUS = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")


def _date(cells: dict, name: str, required: bool = False) -> str | None:
    text = cells.get(name, "").strip()
    if not text:
        if required:
            raise _RowError(name, "a date is required here")
        return None
    if _AMBIGUOUS.match(text):
        raise _RowError(
            name, f"{text!r} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
        )
    try:
        return parse_iso_date(text).isoformat()
    except ValueError as error:
        raise _RowError(name, str(error)) from None


def _number(
    cells: dict, name: str, low: float | None = None, high: float | None = None
) -> float | None:
    text = cells.get(name, "").strip()
    if not text:
        return None
    try:
        value = (
            float(text.replace(",", "")) if re.match(r"^-?[\d,]+(\.\d+)?$", text) else float(text)
        )
    except ValueError:
        raise _RowError(name, f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise _RowError(name, f"{text!r} is not a finite number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise _RowError(name, f"{text} is outside the range {low:g} to {high:g}")
    return value


def _list(cells: dict, name: str) -> list[str]:
    return [part.strip() for part in cells.get(name, "").split(";") if part.strip()]


class _Resolver:
    """Finds (or creates, inside the import's transaction) the records that cells name."""

    def __init__(self, db: Database, actor_kind: str = "organisation") -> None:
        self.db = db
        self.actor_kind = actor_kind
        self.actor_ids: dict[str, int] = {}
        self.place_ids: dict[tuple, int] = {}
        self.source_ids: dict[str, int] = {}

    def actor(self, text: str, column: str, kind: str | None = None) -> int:
        key = text.strip()
        if key in self.actor_ids:
            return self.actor_ids[key]
        if len(key) == 3 and key.isalpha() and key.isupper():
            if gazetteer.country_by_code(key) is None:
                raise _RowError(column, f"{key!r} is not an ISO 3166-1 alpha-3 country code")
            found = records.state_actor(self.db, key)
        else:
            row = self.db.execute(
                "SELECT id FROM actors WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [key],
            ).fetchone()
            found = (
                row[0]
                if row
                else records.add(self.db, Actor(name=key, kind=kind or self.actor_kind))
            )
        self.actor_ids[key] = found
        return found

    def place(
        self,
        name: str,
        country: str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        admin1: str | None = None,
        precision: str = "exact",
    ) -> int:
        key = (name, country, latitude, longitude)
        if key in self.place_ids:
            return self.place_ids[key]
        row = self.db.execute(
            """SELECT id FROM places WHERE name = ? AND deleted_at IS NULL
               AND country_iso3 IS ? AND latitude IS ? AND longitude IS ? ORDER BY id LIMIT 1""",
            [name, country, latitude, longitude],
        ).fetchone()
        if row is None and country is None and latitude is None:
            row = self.db.execute(
                "SELECT id FROM places WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [name],
            ).fetchone()
        found = (
            row[0]
            if row
            else records.add(
                self.db,
                Place(
                    name=name,
                    country_iso3=country,
                    latitude=latitude,
                    longitude=longitude,
                    admin1=admin1,
                    precision=precision,
                ),
            )
        )
        self.place_ids[key] = found
        return found

    def source(self, url_or_title: str) -> int:
        key = url_or_title.strip()
        if key not in self.source_ids:
            is_url = key.startswith(("http://", "https://"))
            column = "url" if is_url else "title"
            row = self.db.execute(
                f"SELECT id FROM sources WHERE {column} = ? AND deleted_at IS NULL LIMIT 1", [key]
            ).fetchone()
            self.source_ids[key] = (
                row[0]
                if row
                else records.add(
                    self.db,
                    Source(
                        title=key, url=key if is_url else None, publisher=None if is_url else key
                    ),
                )
            )
        return self.source_ids[key]

    def by_uuid(self, cls: type, cells: dict, column: str, required: bool = False) -> int | None:
        value = cells.get(column, "").strip()
        if not value:
            if required:
                raise _RowError(column, "a UUID is required here")
            return None
        found = records.id_for_uuid(self.db, cls, value)
        if found is None:
            what = {Commitment: "commitment", Event: "event"}[cls]
            raise _RowError(
                column, f"no {what} with UUID {value} in the database; import the {what}s first"
            )
        return found


def _country(cells: dict, column: str) -> str | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    country = gazetteer.find_country(text)
    if country is None:
        raise _RowError(column, f"{text!r} is not a known country")
    return country.iso3


# --- builders: cells -> domain record ------------------------------------------------------------
def _build_actor(r: _Resolver, cells: dict) -> Actor:
    default_kind = "state" if cells.get("iso3") else "organisation"
    return Actor(
        name=cells.get("name", ""),
        kind=cells.get("kind") or default_kind,
        iso3=cells.get("iso3") or None,
    )


def _build_place(r: _Resolver, cells: dict) -> Place:
    return Place(
        name=cells.get("name", ""),
        country_iso3=_country(cells, "country"),
        admin1=cells.get("admin1"),
        latitude=_number(cells, "latitude", -90, 90),
        longitude=_number(cells, "longitude", -180, 180),
        precision=cells.get("precision") or "exact",
    )


def _parties(r: _Resolver, cells: dict, columns: dict[str, str]) -> tuple:
    return tuple(
        (r.actor(name, column), role)
        for column, role in columns.items()
        for name in _list(cells, column)
    )


def _build_commitment(r: _Resolver, cells: dict) -> Commitment:
    return Commitment(
        title=cells.get("title", ""),
        made_on=_date(cells, "made_on", required=True),
        category=cells.get("category") or "other",
        description=cells.get("description", ""),
        deadline=_date(cells, "deadline"),
        deadline_precision=cells.get("deadline_precision") or "day",
        parties=_parties(
            r,
            cells,
            {"promisors": "promisor", "beneficiaries": "beneficiary", "guarantors": "guarantor"},
        ),
        place_ids=tuple(r.place(name) for name in _list(cells, "places")),
        origin_event_id=r.by_uuid(Event, cells, "origin_event_uuid"),
    )


def _build_event(r: _Resolver, cells: dict) -> Event:
    latitude = _number(cells, "latitude", -90, 90)
    longitude = _number(cells, "longitude", -180, 180)
    place_name = cells.get("place", "").strip()
    fatalities = _number(cells, "fatalities", 0)
    if fatalities is not None and fatalities != int(fatalities):
        raise _RowError("fatalities", f"{cells['fatalities']!r} is not a whole number")
    return Event(
        date=_date(cells, "date", required=True),
        end_date=_date(cells, "end_date"),
        date_precision=cells.get("date_precision") or "day",
        kind=cells.get("kind", ""),
        title=cells.get("title", ""),
        description=cells.get("description", ""),
        place_id=r.place(
            place_name,
            _country(cells, "place_country"),
            latitude,
            longitude,
            cells.get("admin1") or None,
            cells.get("precision") or "exact",
        )
        if place_name
        else None,
        fatalities=None if fatalities is None else int(fatalities),
        actors=_parties(
            r,
            cells,
            {
                "actors": "actor",
                "targets": "target",
                "hosts": "host",
                "participants": "participant",
            },
        ),
        source_ids=(r.source(cells["source"]),) if cells.get("source", "").strip() else (),
    )


def _build_status_update(r: _Resolver, cells: dict) -> StatusUpdate:
    party = cells.get("party", "").strip()
    return StatusUpdate(
        commitment_id=r.by_uuid(Commitment, cells, "commitment_uuid", required=True),
        date=_date(cells, "date", required=True),
        status=cells.get("status", ""),
        actor_id=r.actor(party, "party") if party else None,
        note=cells.get("note", ""),
        source_id=r.source(cells["source"]) if cells.get("source", "").strip() else None,
        evidence_event_id=r.by_uuid(Event, cells, "evidence_event_uuid"),
    )


def _build_statistic(r: _Resolver, cells: dict) -> Statistic:
    value = _number(cells, "value")
    if value is None:
        raise _RowError("value", "a number is required here")
    return Statistic(
        label=cells.get("label", ""),
        value=value,
        unit=cells.get("unit", ""),
        period_start=_date(cells, "period_start"),
        period_end=_date(cells, "period_end"),
        baseline_value=_number(cells, "baseline_value"),
        baseline_start=_date(cells, "baseline_start"),
        baseline_end=_date(cells, "baseline_end"),
        country_iso3=_country(cells, "country"),
        method_note=cells.get("method_note", ""),
    )


BUILDERS: dict[str, Callable[[_Resolver, dict], object]] = {
    "actors": _build_actor,
    "places": _build_place,
    "commitments": _build_commitment,
    "events": _build_event,
    "status_updates": _build_status_update,
    "statistics": _build_statistic,
}
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
    """A decoded file with its header and the row-level cells, before any database work."""

    path: Path
    encoding: str
    delimiter: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def prepare(
    path: str | Path, encoding: str | None = None, delimiter: str | None = None
) -> PreparedFile:
    decoded = read_csv_file(path, encoding, delimiter)
    all_rows = list(rows_with_lines(decoded))
    if not all_rows or not any(cell.strip() for cell in all_rows[0][1]):
        raise CsvProblem(f"{Path(path).name} has no header row.")
    header = all_rows[0][1]
    body = [(line, row) for line, row in all_rows[1:] if any(c.strip() for c in row)]
    return PreparedFile(Path(path), decoded.encoding, decoded.delimiter, header, body)


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
    try:
        with db.atomic():
            resolver = _Resolver(db, actor_kind)
            total = len(prepared.rows)
            for done, (line, row) in enumerate(prepared.rows, 1):
                if progress is not None and done % 500 == 0 and not progress(done, total):
                    raise ImportCancelled
                problem = _check_shape(line, row, width, prepared.header)
                if problem:
                    result.problems.append(problem)
                    continue
                cells = {f: row[i] for f, i in mapping.items() if i < len(row)}
                if preset_transform is not None:
                    try:
                        cells = preset_transform(cells)
                    except _RowError as error:
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
                    record = BUILDERS[table](resolver, cells)
                    _upsert(db, cls, record, uuid or None, result)
                except _RowError as error:
                    result.problems.append(Problem(line, error.column, str(error)))
                except ValueError as error:
                    result.problems.append(Problem(line, _guess_column(str(error)), str(error)))
                if len(result.problems) >= 200:
                    result.problems.append(Problem(line, "", "too many problems; stopped here"))
                    break
            if result.problems or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return result


class _Rollback(Exception):
    pass


def _check_shape(line: int, row: list[str], width: int, header: list[str]) -> Problem | None:
    if len(row) != width:
        return Problem(line, "", f"has {len(row)} cells but the header has {width}")
    for name, cell in zip(header, row, strict=True):
        if len(cell) > MAX_CELL:
            return Problem(
                line, name, f"the cell holds {len(cell):,} characters; the limit is {MAX_CELL:,}"
            )
    return None


def _upsert(db: Database, cls: type, record, uuid: str | None, result: ImportResult) -> None:
    existing = records.id_for_uuid(db, cls, uuid) if uuid else None
    record.uuid = uuid
    if existing is None:
        records.add(db, record)
        result.added += 1
        return
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
