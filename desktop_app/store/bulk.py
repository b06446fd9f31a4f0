"""Fast insertion of many rows at once (benchmark data, large imports): one transaction,
executemany, UUIDs and timestamps filled in. Rows are plain dicts with the table's columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from desktop_app.store.records import RECORD_TABLES, new_uuid, now_utc

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
