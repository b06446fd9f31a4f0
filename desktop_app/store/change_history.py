"""The change log an analyst can read: every insert, update and soft delete of a record, with
its time, table, record UUID, field, old and new values and the analyst's name.

Entries are written by triggers in the transaction of the change itself, so the log cannot miss
a change that was kept nor keep one that was rolled back. The triggers are TEMP triggers that
the session installs on the window's connection (as it does for undo): the window's edits, and
their undo and redo, are logged row by row, while imports on worker connections write one
"import" entry instead: 200,000 events imported in 25 s with one entry took 58 s logged row by
row (measured on this branch), and a million entries would bury every other one. Whoever
opens the file with another tool writes no entry: the file holds no trigger that needs
anything of this app.

A link made or taken away (a commitment's sources, parties and places, an event's actors and
sources) is logged as a change of its owner's field; a value that points at another record is
logged as that record's UUID, which stays the same when files are merged. The analyst's name
is a connection-level value: a one-row temp table the session fills.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.vocabulary import EXCHANGE_TABLES

if TYPE_CHECKING:
    from sqlite_utils import Database

#: the record tables whose changes are logged field by field: the tables a user edits, which
#: are the ones CSV files carry
HISTORY_TABLES: tuple[str, ...] = EXCHANGE_TABLES
#: link table -> (owner table, owner column, target table, target column, field, role column):
#: a link made or taken away is logged as a change of its owner's field (the target by UUID)
LINK_TABLES: dict[str, tuple[str, str, str, str, str, str | None]] = {
    "commitment_parties": ("commitments", "commitment_id", "actors", "actor_id", "parties", "role"),
    "commitment_places": ("commitments", "commitment_id", "places", "place_id", "places", None),
    "commitment_sources": ("commitments", "commitment_id", "sources", "source_id", "sources", None),
    "event_actors": ("events", "event_id", "actors", "actor_id", "actors", "role"),
    "event_sources": ("events", "event_id", "sources", "source_id", "sources", None),
}
#: columns every record has; not logged field by field (deleted_at is a delete or a restore)
_BOOKKEEPING = ("id", "uuid", "created_at", "updated_at", "deleted_at")
_NOW = "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')"  # the format of records.now_utc
# a random version-4 UUID, as records.new_uuid makes them, so that merged logs never collide
_UUID = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' "
    "|| lower(hex(randomblob(6)))"
)
_ANALYST = "(SELECT name FROM temp.history_analyst)"
_INSERT = (
    "INSERT INTO record_changes (uuid, created_at, updated_at, analyst, table_name, "
    "record_uuid, action, field, old_value, new_value)"
)


def install(conn: sqlite3.Connection) -> None:
    """Create the analyst value and the logging triggers on this connection (idempotent)."""
    _ensure_analyst_table(conn)
    for table in HISTORY_TABLES:
        targets = {row[3]: row[2] for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
        columns = [
            Column(row[1], row[2].upper(), targets.get(row[1]))
            for row in conn.execute(f"PRAGMA table_info({table})")
        ]
        for statement in _trigger_statements(table, columns):
            conn.execute(statement)
    for link in LINK_TABLES:
        for statement in _link_trigger_statements(link):
            conn.execute(statement)


def set_analyst(conn: sqlite3.Connection, name: str) -> None:
    """The name the entries this connection writes from now on carry."""
    _ensure_analyst_table(conn)
    conn.execute("UPDATE temp.history_analyst SET name = ?", [name.strip()])


def analyst(conn: sqlite3.Connection) -> str:
    """The analyst set on this connection ('' when none was)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'history_analyst'"
    ).fetchone()
    return conn.execute(f"SELECT {_ANALYST}").fetchone()[0] if exists else ""


def _ensure_analyst_table(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS history_analyst (name TEXT NOT NULL)")
    if conn.execute("SELECT COUNT(*) FROM temp.history_analyst").fetchone()[0] == 0:
        conn.execute("INSERT INTO temp.history_analyst VALUES ('')")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # its declared type
    target: str | None  # the table it links to, if it is a link

    def shown(self, row: str) -> str:
        return _shown(f"{row}.{self.name}", self.kind, self.target)


def _shown(ref: str, kind: str, target: str | None) -> str:
    """A column's value as logged: compressed bytes are described, not copied, and a link to
    another record is its UUID (ids differ from file to file; UUIDs are the same in all)."""
    if kind == "BLOB":
        return f"CASE WHEN {ref} IS NULL THEN NULL ELSE length({ref}) || ' bytes' END"
    if target is not None:
        return f"(SELECT uuid FROM {target} WHERE id = {ref})"
    return ref


def _whole_row(row: str, columns: list[Column]) -> str:
    """The record's own fields as a JSON object (what an insert adds or a removal takes)."""
    pairs = ", ".join(f"'{c.name}', {c.shown(row)}" for c in columns if c.name not in _BOOKKEEPING)
    return f"json_object({pairs})"


def _trigger_statements(table: str, columns: list[Column]) -> list[str]:
    head = f"{_INSERT} SELECT {_UUID}, {_NOW}, {_NOW}, {_ANALYST}, '{table}'"
    field_rows = "".join(
        f"{head}, new.uuid, 'update', '{c.name}', {c.shown('old')}, {c.shown('new')} "
        f"WHERE old.{c.name} IS NOT new.{c.name};\n"
        for c in columns
        if c.name not in _BOOKKEEPING
    )
    return [
        f"""CREATE TEMP TRIGGER IF NOT EXISTS history_insert_{table} AFTER INSERT ON main.{table}
            BEGIN {head}, new.uuid, 'insert', NULL, NULL, {_whole_row("new", columns)}; END""",
        f"""CREATE TEMP TRIGGER IF NOT EXISTS history_update_{table} AFTER UPDATE ON main.{table}
            BEGIN
            {field_rows}
            {head}, new.uuid, 'delete', 'deleted_at', NULL, new.deleted_at
                WHERE old.deleted_at IS NULL AND new.deleted_at IS NOT NULL;
            {head}, new.uuid, 'restore', 'deleted_at', old.deleted_at, NULL
                WHERE old.deleted_at IS NOT NULL AND new.deleted_at IS NULL;
            END""",
        # rows are only ever removed for good by undoing the change that added them
        f"""CREATE TEMP TRIGGER IF NOT EXISTS history_remove_{table} AFTER DELETE ON main.{table}
            BEGIN {head}, old.uuid, 'remove', NULL, {_whole_row("old", columns)}, NULL; END""",
    ]


def _link_trigger_statements(link: str) -> list[str]:
    owner_table, owner, target_table, target, field, role = LINK_TABLES[link]
    statements = []
    for event, row, action, values in (
        ("INSERT", "new", "link", "NULL, {value}"),
        ("DELETE", "old", "unlink", "{value}, NULL"),
    ):
        value = f"(SELECT uuid FROM {target_table} WHERE id = {row}.{target})"
        name = f"'{field}'" if role is None else f"'{field} (' || {row}.{role} || ')'"
        statements.append(
            f"""CREATE TEMP TRIGGER IF NOT EXISTS history_{action}_{link}
                AFTER {event} ON main.{link} BEGIN
                {_INSERT} SELECT {_UUID}, {_NOW}, {_NOW}, {_ANALYST}, '{owner_table}',
                    (SELECT uuid FROM {owner_table} WHERE id = {row}.{owner}), '{action}',
                    {name}, {values.format(value=value)}; END"""
        )
    return statements


def log_import(db: Database, table: str, added: int, updated: int, file_name: str) -> None:
    """One entry for an import (inside its transaction) instead of one per row."""
    db.execute(
        f"""{_INSERT} VALUES ({_UUID}, {_NOW}, {_NOW}, ?, ?, NULL, 'import', NULL, NULL, ?)""",
        [
            analyst(db.conn),
            table,
            f"{added:,} added, {updated:,} updated from {file_name}",
        ],
    )


def log_file_step(db: Database, what: str) -> None:
    """One entry for a step that put a whole copy of the file back (undoing or redoing an
    import): the copy's own log ends before it, so this says it happened."""
    db.execute(
        f"""{_INSERT} VALUES ({_UUID}, {_NOW}, {_NOW}, ?, 'file', NULL, 'import', NULL, NULL, ?)""",
        [analyst(db.conn), what],
    )


def changes_of(db: Database, uuids: list[str], limit: int = 500) -> list[dict]:
    """The entries about these records, newest first."""
    if not uuids:
        return []
    marks = ", ".join("?" for _ in uuids)
    cursor = db.execute(
        f"""SELECT created_at, analyst, table_name, record_uuid, action, field, old_value,
                   new_value
            FROM record_changes WHERE record_uuid IN ({marks}) AND deleted_at IS NULL
            ORDER BY id DESC LIMIT ?""",
        [*uuids, limit],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


# how a record linked to by UUID is named in the Changes view
_LABELS = {
    "actors": "name",
    "places": "name",
    "sources": "COALESCE(title, url)",
    "events": "date || ' · ' || title",
    "commitments": "title",
}


def labels_of(db: Database, values: set) -> dict[str, str]:
    """{uuid: what a person calls that record} for the values that are UUIDs of records."""
    uuids = [v for v in values if isinstance(v, str) and len(v) == 36 and v.count("-") == 4]
    found: dict[str, str] = {}
    for start in range(0, len(uuids), 500):  # (SQLite's limit on parameters)
        chunk = uuids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for table, label in _LABELS.items():
            rows = db.execute(f"SELECT uuid, {label} FROM {table} WHERE uuid IN ({marks})", chunk)
            found.update({uuid: name for uuid, name in rows})
    return found
