"""Writing and reading single records, each write in one transaction.

Deletion is soft (deleted_at is set) so that it can be undone and so that merged or re-imported
databases keep stable identities.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import uuid as uuid_module
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.store.errors import StoreError

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

Record = Actor | Place | Source | Event | Commitment | StatusUpdate | Statistic
R = TypeVar("R", Actor, Place, Source, Event, Commitment, StatusUpdate, Statistic)

TABLE_OF: dict[type, str] = {
    Actor: "actors",
    Place: "places",
    Source: "sources",
    Event: "events",
    Commitment: "commitments",
    StatusUpdate: "status_updates",
    Statistic: "statistics",
}

RECORD_TABLES: tuple[str, ...] = tuple(TABLE_OF.values())

# field name -> (link table, owner column, other column, role column or None)
LINKS: dict[type, dict[str, tuple[str, str, str, str | None]]] = {
    Event: {
        "actors": ("event_actors", "event_id", "actor_id", "role"),
        "source_ids": ("event_sources", "event_id", "source_id", None),
    },
    Commitment: {
        "parties": ("commitment_parties", "commitment_id", "actor_id", "role"),
        "place_ids": ("commitment_places", "commitment_id", "place_id", None),
        "source_ids": ("commitment_sources", "commitment_id", "source_id", None),
    },
}


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_uuid() -> str:
    return str(uuid_module.uuid4())


@functools.cache
def record_columns(cls: type) -> tuple[str, ...]:
    """The table columns a record type writes itself (not its links, not its uuid)."""
    links = LINKS.get(cls, {})
    return tuple(
        f.name for f in dataclasses.fields(cls) if f.name not in links and f.name != "uuid"
    )


def _columns(record: Record) -> dict:
    return {name: getattr(record, name) for name in record_columns(type(record))}


def add(db: Database, record: Record) -> int:
    """Insert record (and its links) in one transaction; return its id. Assigns a UUID if absent."""
    table = TABLE_OF[type(record)]
    stamp = now_utc()
    row = _columns(record) | {
        "uuid": record.uuid or new_uuid(),
        "created_at": stamp,
        "updated_at": stamp,
    }
    with db.atomic():
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))
        record_id = cursor.lastrowid
        _write_links(db, record, record_id)
    record.uuid = row["uuid"]
    return record_id


def update(db: Database, record_id: int, record: Record) -> None:
    """Replace the stored fields (and links) of record_id with those of record."""
    table = TABLE_OF[type(record)]
    row = _columns(record) | {"updated_at": now_utc()}
    assignments = ", ".join(f"{name} = ?" for name in row)
    with db.atomic():
        cursor = db.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), record_id]
        )
        if cursor.rowcount != 1:
            raise StoreError(f"That record (id {record_id}) no longer exists.")
        _write_links(db, record, record_id, replace=True)


def get(db: Database, cls: type[R], record_id: int) -> R:
    """Read one record, links included, as its domain dataclass."""
    table = TABLE_OF[cls]
    links = LINKS.get(cls, {})
    names = [f.name for f in dataclasses.fields(cls) if f.name not in links]
    row = db.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row is None:
        raise StoreError(f"That record (id {record_id}) no longer exists.")
    values = dict(zip(names, row, strict=True))
    for field_name, (link_table, owner, other, role) in links.items():
        selected = f"{other}, {role}" if role else other
        rows = db.execute(
            f"SELECT {selected} FROM {link_table} WHERE {owner} = ? ORDER BY rowid", [record_id]
        ).fetchall()
        values[field_name] = tuple(tuple(r) if role else r[0] for r in rows)
    return cls(**values)


def set_deleted(db: Database, cls: type, record_id: int, deleted: bool) -> None:
    """Soft-delete (or restore) a record."""
    table = TABLE_OF[cls]
    stamp = now_utc()
    with db.atomic():
        db.execute(
            f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
            [stamp if deleted else None, stamp, record_id],
        )


def id_for_uuid(db: Database, cls: type, uuid: str) -> int | None:
    row = db.execute(f"SELECT id FROM {TABLE_OF[cls]} WHERE uuid = ?", [uuid]).fetchone()
    return row[0] if row else None


def state_actor(db: Database, iso3: str) -> int:
    """The id of the state actor with this ISO 3166-1 alpha-3 code, created if missing."""
    import pycountry

    code = iso3.strip().upper()
    row = db.execute(
        "SELECT id FROM actors WHERE iso3 = ? AND kind = 'state' AND deleted_at IS NULL", [code]
    ).fetchone()
    if row:
        return row[0]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        raise StoreError(f"{iso3!r} is not an ISO 3166-1 alpha-3 country code.")
    name = getattr(country, "common_name", None) or country.name
    return add(db, Actor(name=name, kind="state", iso3=code))


def link_rows(cls: type, owners: Iterable[tuple[int, Record]]) -> list[tuple[str, list]]:
    """(INSERT statement, rows) per link table for these (record id, record) pairs."""
    owners = list(owners)
    result = []
    for field_name, (link_table, owner, other, role) in LINKS.get(cls, {}).items():
        if role:
            sql = f"INSERT INTO {link_table} ({owner}, {other}, {role}) VALUES (?, ?, ?)"
            rows = [
                (i, target, r) for i, record in owners for target, r in getattr(record, field_name)
            ]
        else:
            sql = f"INSERT INTO {link_table} ({owner}, {other}) VALUES (?, ?)"
            rows = [(i, target) for i, record in owners for target in getattr(record, field_name)]
        result.append((sql, rows))
    return result


def _write_links(db: Database, record: Record, record_id: int, replace: bool = False) -> None:
    """Write the record's links. With replace, only what differs from the stored links is
    written (the change log then names the sources, parties and places actually added or
    taken away), unless the order of the links changed: then they are all written again."""
    tables = list(LINKS.get(type(record), {}).values())
    for (link_table, owner, other, role), (sql, rows) in zip(
        tables, link_rows(type(record), [(record_id, record)]), strict=True
    ):
        if not replace:
            db.conn.executemany(sql, rows)
            continue
        columns = [owner, other, role] if role else [owner, other]
        stored = [
            tuple(r)
            for r in db.execute(
                f"SELECT {', '.join(columns)} FROM {link_table} WHERE {owner} = ? ORDER BY rowid",
                [record_id],
            )
        ]
        wanted = [tuple(r) for r in rows]
        kept = [r for r in stored if r in wanted]
        if wanted[: len(kept)] != kept:  # reordered, or added before a kept link
            db.execute(f"DELETE FROM {link_table} WHERE {owner} = ?", [record_id])
            db.conn.executemany(sql, wanted)
            continue
        match = " AND ".join(f"{name} = ?" for name in columns)
        gone = [r for r in stored if r not in wanted]
        db.conn.executemany(f"DELETE FROM {link_table} WHERE {match}", gone)
        db.conn.executemany(sql, wanted[len(kept) :])
