"""The content of a database as a person sees it, independent of ids: every live record of
every table keyed by UUID, with its links expressed as the UUIDs of the records they point at.

Two databases with equal content hold the same records with the same links, whatever ids
SQLite gave them. What is not content: ids, created_at / updated_at stamps, deleted records,
status updates of a deleted commitment (they are deleted with it), and links to deleted records
(no export lists them, as no export lists the records themselves).
"""

from __future__ import annotations

from desktop_app.store.records import RECORD_TABLES

# link table -> (owner table, owner column, target table, target column, role column or None)
LINK_TABLES = {
    "event_actors": ("events", "event_id", "actors", "actor_id", "role"),
    "event_sources": ("events", "event_id", "sources", "source_id", None),
    "commitment_parties": ("commitments", "commitment_id", "actors", "actor_id", "role"),
    "commitment_places": ("commitments", "commitment_id", "places", "place_id", None),
    "commitment_sources": ("commitments", "commitment_id", "sources", "source_id", None),
}
NOT_CONTENT = ("id", "uuid", "created_at", "updated_at", "deleted_at")


def live_uuids(db) -> dict[str, dict[int, str]]:
    """table -> {id: uuid} of its live records."""
    live = {
        table: dict(db.execute(f"SELECT id, uuid FROM {table} WHERE deleted_at IS NULL"))
        for table in RECORD_TABLES
    }
    orphans = db.execute(
        """SELECT s.id FROM status_updates s JOIN commitments c ON c.id = s.commitment_id
           WHERE c.deleted_at IS NOT NULL"""
    )
    for (update_id,) in orphans:
        live["status_updates"].pop(update_id, None)
    return live


def content(db) -> dict[str, dict[str, dict]]:
    """table -> {uuid: {column: value, link column: target UUID, link table: sorted links}}."""
    live = live_uuids(db)
    result: dict[str, dict[str, dict]] = {}
    for table in RECORD_TABLES:
        references = {
            row[3]: row[2] for row in db.execute(f"PRAGMA foreign_key_list({table})")
        }  # column -> table it points at
        cursor = db.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        records = {}
        for row in cursor:
            values = dict(zip(names, row, strict=True))
            if values["id"] not in live[table]:
                continue
            record = {}
            for name, value in values.items():
                if name in NOT_CONTENT:
                    continue
                if name in references:
                    value = live[references[name]].get(value)  # None: no link, or to the deleted
                record[name] = value
            records[values["uuid"]] = record
        result[table] = records
    for link, (owner, owner_column, target, target_column, role) in LINK_TABLES.items():
        for records in result[owner].values():
            records[link] = []
        selected = f"{owner_column}, {target_column}" + (f", {role}" if role else "")
        for row in db.execute(f"SELECT {selected} FROM {link}"):
            owner_uuid = live[owner].get(row[0])
            target_uuid = live[target].get(row[1])
            if owner_uuid is None or target_uuid is None:
                continue
            result[owner][owner_uuid][link].append((target_uuid, row[2]) if role else target_uuid)
        for records in result[owner].values():
            records[link].sort()
    return result


def link_counts(db) -> dict[str, int]:
    """How many links of each kind the content holds (live records to live records)."""
    counts: dict[str, int] = {}
    data = content(db)
    for link, (owner, *_rest) in LINK_TABLES.items():
        counts[link] = sum(len(r[link]) for r in data[owner].values())
    single = {
        "commitments": ("origin_event_id",),
        "events": ("place_id",),
        "status_updates": ("actor_id", "source_id", "evidence_event_id"),
        "statistics": ("place_id", "source_id"),
    }
    for table, columns in single.items():
        for column in columns:
            counts[f"{table}.{column}"] = sum(
                1 for r in data[table].values() if r[column] is not None
            )
    return counts
