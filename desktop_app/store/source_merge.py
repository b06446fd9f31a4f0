"""Merging duplicate sources: live sources with the same web address become the oldest of them.

Everything that cited a duplicate cites the kept source instead (a record citing both keeps one
link), the kept source takes the details it lacked from its duplicates (publisher, dates,
excerpt, snapshot) and the duplicates are soft-deleted. Run inside one session change, so that
one undo puts every link back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.store.records import now_utc

if TYPE_CHECKING:
    from sqlite_utils import Database

# details a kept source takes from a duplicate when it has none of its own
_FILLED = ("publisher", "published_on", "accessed_on", "excerpt", "snapshot", "snapshot_sentences")


def duplicate_groups(db: Database) -> list[list[int]]:
    """Ids of the live sources sharing a web address, oldest first, one list per address.
    Addresses are compared as written, but for surrounding spaces and a trailing slash."""
    groups: dict[str, list[int]] = {}
    rows = db.execute(
        "SELECT id, url FROM sources WHERE deleted_at IS NULL AND url IS NOT NULL ORDER BY id"
    )
    for source_id, url in rows:
        groups.setdefault(url.strip().rstrip("/"), []).append(source_id)
    return [ids for ids in groups.values() if len(ids) > 1]


def merge_duplicates(db: Database) -> int:
    """Merge every group of duplicate sources (in the caller's transaction); returns how many
    sources were merged into another."""
    merged = 0
    for kept, *duplicates in duplicate_groups(db):
        for duplicate in duplicates:
            merge_into(db, kept, duplicate)
            merged += 1
    return merged


def merge_into(db: Database, kept: int, duplicate: int) -> None:
    """Repoint everything citing duplicate to kept, fill kept's gaps, soft-delete duplicate."""
    for link, owner in (("commitment_sources", "commitment_id"), ("event_sources", "event_id")):
        # a record citing both keeps its link to the kept source (in its place in the list)
        db.execute(
            f"""DELETE FROM {link} WHERE source_id = :dup AND {owner} IN (
                    SELECT {owner} FROM {link} WHERE source_id = :kept)""",
            {"dup": duplicate, "kept": kept},
        )
        db.execute(f"UPDATE {link} SET source_id = ? WHERE source_id = ?", [kept, duplicate])
    for table, column in (
        ("status_updates", "source_id"),
        ("statistics", "source_id"),
        ("commitments", "quote_source_id"),
    ):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", [kept, duplicate])
    fills = ", ".join(
        f"{name} = COALESCE({name}, (SELECT {name} FROM sources WHERE id = :dup))"
        for name in _FILLED
    )
    db.execute(f"UPDATE sources SET {fills} WHERE id = :kept", {"dup": duplicate, "kept": kept})
    db.execute(
        "UPDATE sources SET deleted_at = :now, updated_at = :now WHERE id = :dup",
        {"dup": duplicate, "now": now_utc()},
    )
