"""Fast insertion of many rows at once: benchmark data, and the new records of a large import.

Both run inside a transaction the caller holds. For the records of an import, the per-row
triggers that keep the full-text index and the monthly event counts are paused while a batch is
inserted, and the batch is indexed and counted in two set-based statements instead: the same
result (tests compare it with the per-row path), many times faster. The triggers are dropped
and recreated inside the caller's transaction, so a failure or a rollback leaves them in place.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from desktop_app.store.records import (
    RECORD_TABLES,
    TABLE_OF,
    Record,
    link_rows,
    new_uuid,
    now_utc,
    record_columns,
)
from desktop_app.store.schema import FTS_COLUMNS

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


def insert_rows(db: Database, table: str, rows: Iterable[dict], batch: int = 20_000) -> int:
    """Insert rows into table; records get a UUID and timestamps. Returns the number inserted."""
    stamp = now_utc()
    count = 0
    chunk: list[dict] = []
    with db.atomic():
        for row in rows:
            if table in RECORD_TABLES:
                row = {"uuid": new_uuid(), "created_at": stamp, "updated_at": stamp} | row
            chunk.append(row)
            if len(chunk) >= batch:
                count += _flush(db, table, chunk)
                chunk = []
        count += _flush(db, table, chunk)
    return count


def _flush(db: Database, table: str, chunk: list[dict]) -> int:
    if not chunk:
        return 0
    names = list(chunk[0])
    sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
    db.conn.executemany(sql, [[row[n] for n in names] for row in chunk])
    return len(chunk)


# --- the new records of an import ----------------------------------------------------------------
_MONTH_COUNTS_TRIGGER = "event_month_counts_insert"


def add_records(db: Database, records: list[Record]) -> None:
    """Insert new records of one type, with their links, in one go (inside the caller's
    transaction). Each record's uuid is set (a new one when it has none)."""
    if not records:
        return
    cls = type(records[0])
    table = TABLE_OF[cls]
    stamp = now_utc()
    first = db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}").fetchone()[0]
    names = ["id", "uuid", "created_at", "updated_at", *record_columns(cls)]
    values = []
    for number, record in enumerate(records):
        record.uuid = record.uuid or new_uuid()
        fields = [getattr(record, name) for name in names[4:]]
        values.append([first + number, record.uuid, stamp, stamp, *fields])
    last = first + len(records) - 1
    with _paused_insert_triggers(db, table):
        db.conn.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            values,
        )
        for sql, rows in link_rows(cls, zip(range(first, last + 1), records, strict=True)):
            db.conn.executemany(sql, rows)
        _index_and_count(db, table, first, last)


def _index_and_count(db: Database, table: str, first: int, last: int) -> None:
    """What the paused triggers would have done for the rows with ids first..last."""
    span = {"first": first, "last": last}
    if table in FTS_COLUMNS:
        columns = ", ".join(FTS_COLUMNS[table])
        db.execute(
            f"""INSERT INTO {table}_fts (rowid, {columns})
                SELECT id, {columns} FROM {table} WHERE id BETWEEN :first AND :last""",
            span,
        )
    if table == "events":
        db.execute(
            """INSERT INTO event_month_counts (month, kind, n)
               SELECT substr(date, 1, 7), kind, COUNT(*) FROM events
               WHERE id BETWEEN :first AND :last AND deleted_at IS NULL
               GROUP BY substr(date, 1, 7), kind
               ON CONFLICT (month, kind) DO UPDATE SET n = n + excluded.n""",
            span,
        )


@contextlib.contextmanager
def _paused_insert_triggers(db: Database, table: str) -> Iterator[None]:
    names = [f"{table}_ai"] if table in FTS_COLUMNS else []
    names += [_MONTH_COUNTS_TRIGGER] if table == "events" else []
    marks = ", ".join("?" for _ in names)
    saved = db.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
        names,
    ).fetchall()
    if len(saved) != len(names):  # not the schema this code knows: keep the per-row triggers
        raise RuntimeError(f"the insert triggers of {table} are not the expected ones")
    for name, _sql in saved:
        db.execute(f"DROP TRIGGER {name}")
    try:
        yield
    finally:
        # the DROPs were inside the caller's transaction: if SQLite has already rolled it back
        # (a full disk), the triggers are back and creating them again would hide the reason
        if db.conn.in_transaction:
            for _name, sql in saved:
                db.execute(sql)


def is_empty(db: Database, cls: type) -> bool:
    """Whether cls's table has no rows at all (deleted ones included)."""
    return db.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {TABLE_OF[cls]})").fetchone()[0] == 1


def uuids_present(db: Database, cls: type, uuids: list[str]) -> dict[str, int]:
    """uuid -> id of those of uuids already in cls's table (deleted ones included)."""
    table = TABLE_OF[cls]
    found: dict[str, int] = {}
    for start in range(0, len(uuids), 900):
        part = uuids[start : start + 900]
        marks = ", ".join("?" for _ in part)
        rows = db.execute(f"SELECT uuid, id FROM {table} WHERE uuid IN ({marks})", part)
        found.update(dict(rows.fetchall()))
    return found
