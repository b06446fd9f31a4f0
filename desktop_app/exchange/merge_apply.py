"""Writing a merge plan (exchange/merge.py) into the open file, inside the caller's transaction
(the session's): renamed references, their new and winning records with their links, the
versions' origins, and the losing values in the conflicts log."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from desktop_app.exchange.merge_schema import MergeSchema, RecordTable, read_merge_schema
from desktop_app.store.records import now_utc

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desktop_app.exchange.merge import MergePlan, RecordChange


def apply_plan(db: Database, plan: MergePlan) -> int:
    """Write plan into db (the caller holds the transaction); returns the merge's log id."""
    schema = read_merge_schema(db)
    for table, old, new in plan.renames:
        db.execute(f"UPDATE {table} SET uuid = ? WHERE uuid = ?", [new, old])
        db.execute(
            "UPDATE version_origins SET uuid = ? WHERE table_name = ? AND uuid = ?",
            [new, table, old],
        )
    ids = _Ids(db)
    by_table: dict[str, list[RecordChange]] = {}
    for change in plan.changes:
        by_table.setdefault(change.table, []).append(change)
    for table in schema.tables:
        changes = by_table.get(table.name, [])
        _write_records(db, table, changes, ids)
        _write_links(db, schema, table, changes, ids)
    for table, uuid, stamp in plan.created_at:
        db.execute(f"UPDATE {table} SET created_at = ? WHERE uuid = ?", [stamp, uuid])
    db.conn.executemany(
        """INSERT INTO version_origins (table_name, uuid, updated_at, file_id) VALUES (?, ?, ?, ?)
           ON CONFLICT (table_name, uuid) DO UPDATE SET
           updated_at = excluded.updated_at, file_id = excluded.file_id""",
        [(c.table, c.uuid, c.values["updated_at"], c.origin) for c in plan.changes] + plan.origins,
    )
    return _log(db, plan)


class _Ids:
    """Record ids of the file by table and UUID, read when first needed."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.known: dict[str, dict[str, int]] = {}

    def of(self, table: str) -> dict[str, int]:
        if table not in self.known:
            self.known[table] = dict(self.db.execute(f"SELECT uuid, id FROM {table}").fetchall())
        return self.known[table]


def _write_records(db: Database, table: RecordTable, changes: list, ids: _Ids) -> None:
    own = ids.of(table.name)
    later: list[tuple[str, str, str]] = []  # a reference to a record of the same table
    for change in changes:
        row = {}
        for name in table.fields:
            value = change.values[name]
            if name in table.references and value is not None:
                target = table.references[name]
                if target == table.name and value not in own:
                    later.append((name, value, change.uuid))
                    value = None
                else:
                    value = ids.of(target)[value]
            row[name] = value
        if change.is_new:
            row = {"uuid": change.uuid, "created_at": change.created_at} | row
            names, marks = ", ".join(row), ", ".join("?" * len(row))
            cursor = db.execute(
                f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(row.values())
            )
            own[change.uuid] = cursor.lastrowid
        else:
            assignments = ", ".join(f"{name} = ?" for name in row)
            db.execute(
                f"UPDATE {table.name} SET {assignments} WHERE uuid = ?",
                [*row.values(), change.uuid],
            )
    for name, target_uuid, uuid in later:
        db.execute(f"UPDATE {table.name} SET {name} = ? WHERE uuid = ?", [own[target_uuid], uuid])


def _write_links(
    db: Database, schema: MergeSchema, table: RecordTable, changes: list, ids: _Ids
) -> None:
    """The links of every record written: theirs, replacing yours."""
    for link in schema.links_of(table.name):
        targets = list(link.references.values())
        columns = (link.owner_column, *link.columns)
        insert = (
            f"INSERT INTO {link.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})"
        )
        for change in changes:
            owner_id = ids.of(table.name)[change.uuid]
            db.execute(f"DELETE FROM {link.name} WHERE {link.owner_column} = ?", [owner_id])
            rows = [
                (
                    owner_id,
                    *(
                        ids.of(targets[i])[v] if i < len(targets) and v is not None else v
                        for i, v in enumerate(values)
                    ),
                )
                for values in change.values[link.name]
            ]
            db.conn.executemany(insert, rows)


def _log(db: Database, plan: MergePlan) -> int:
    cursor = db.execute(
        """INSERT INTO merges (merged_at, from_file, from_file_id, added, updated, conflicts)
           VALUES (?, ?, ?, ?, ?, ?)""",
        [
            now_utc(),
            plan.theirs_path,
            plan.theirs_file_id,
            plan.added,
            plan.updated,
            len(plan.conflicts),
        ],
    )
    merge_id = cursor.lastrowid
    rows = []
    for c in plan.conflicts:
        kept, lost = (c.theirs, c.yours) if c.winner == "theirs" else (c.yours, c.theirs)
        rows.append(
            (merge_id, c.table, c.uuid, c.label, c.field, _json(kept), _json(lost), c.winner,
             c.lost_updated_at, c.reason)
        )  # fmt: skip
    # a conflict met again (the same file merged twice) is logged once
    db.conn.executemany(
        """INSERT OR IGNORE INTO merge_conflicts (merge_id, table_name, record_uuid,
           record_label, field, kept_value, lost_value, kept_side, lost_updated_at, reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        rows,
    )
    return merge_id


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
