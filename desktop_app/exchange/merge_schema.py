"""What a merge walks, read from the schema itself rather than listed by hand, so that a table
or a column added by a later migration merges without new code.

A record table has the record columns (id, uuid, created_at, updated_at, deleted_at); its
references are its foreign keys to other record tables. A link table has no uuid and a foreign
key to a record table; its owner is the record its rows are deleted with (ON DELETE CASCADE),
and the link set of an owner is merged as one more field of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

RECORD_COLUMNS = frozenset({"id", "uuid", "created_at", "updated_at", "deleted_at"})
#: the merge's own bookkeeping (migration 0007): never merged itself
MERGE_TABLES = frozenset({"file_identity", "merges", "merge_conflicts", "version_origins"})


@dataclass(frozen=True)
class RecordTable:
    name: str
    fields: tuple[str, ...]  # every column but id, uuid and created_at (updated_at is in)
    references: dict[str, str]  # column -> record table it points at


@dataclass(frozen=True)
class LinkTable:
    name: str
    owner_column: str
    owner_table: str
    references: dict[str, str]  # the other foreign key columns -> record table
    payload: tuple[str, ...]  # plain columns (a role)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.references, *self.payload)


@dataclass(frozen=True)
class MergeSchema:
    tables: tuple[RecordTable, ...]  # referenced tables before the tables pointing at them
    links: tuple[LinkTable, ...]

    def table(self, name: str) -> RecordTable:
        return next(t for t in self.tables if t.name == name)

    def links_of(self, owner: str) -> tuple[LinkTable, ...]:
        return tuple(link for link in self.links if link.owner_table == owner)


def read_merge_schema(db: Database) -> MergeSchema:
    names = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    columns = {name: _columns(db, name) for name in names if name not in MERGE_TABLES}
    record_names = {name for name, cols in columns.items() if set(cols) >= RECORD_COLUMNS}
    tables, links = [], []
    for name, cols in columns.items():
        keys = [k for k in _foreign_keys(db, name) if k[1] in record_names]
        if name in record_names:
            fields = tuple(c for c in cols if c not in ("id", "uuid", "created_at"))
            tables.append(RecordTable(name, fields, {k[0]: k[1] for k in keys}))
        elif keys:
            links.append(_link_table(name, cols, keys))
    return MergeSchema(_dependency_order(tables), tuple(links))


def _columns(db: Database, table: str) -> list[str]:
    """The table's columns but an INTEGER PRIMARY KEY of a table without uuid: a row number
    of that file alone, which the other file's rows must not bring along."""
    info = db.execute(f"PRAGMA table_info({table})").fetchall()
    names = [row[1] for row in info]
    keys = [row for row in info if row[5]]
    if "uuid" not in names and len(keys) == 1 and keys[0][2].upper() == "INTEGER":
        names.remove(keys[0][1])
    return names


def _foreign_keys(db: Database, table: str) -> list[tuple[str, str, str]]:
    """(column, table it points at, on delete) for each single-column foreign key."""
    return [(row[3], row[2], row[6]) for row in db.execute(f"PRAGMA foreign_key_list({table})")]


def _link_table(name: str, cols: list[str], keys: list[tuple[str, str, str]]) -> LinkTable:
    # the owner is the record the link goes with (deleted with it); else the first key
    owner = next((k for k in keys if k[2].upper() == "CASCADE"), keys[0])
    others = {k[0]: k[1] for k in keys if k is not owner}
    payload = tuple(c for c in cols if c != owner[0] and c not in others)
    return LinkTable(name, owner[0], owner[1], others, payload)


def _dependency_order(tables: list[RecordTable]) -> tuple[RecordTable, ...]:
    """Referenced tables first, so that a new record's references exist when it is written."""
    ordered: list[RecordTable] = []
    waiting = sorted(tables, key=lambda t: t.name)
    while waiting:
        done = {t.name for t in ordered}
        ready = [t for t in waiting if set(t.references.values()) - {t.name} <= done]
        if not ready:
            raise ValueError(f"record tables reference each other in a cycle: {waiting}")
        ordered += ready
        waiting = [t for t in waiting if t not in ready]
    return tuple(ordered)
