"""The whole content of a database, to compare before and after an edit that should leave
nothing behind. Full-text shadow tables are left out (their segments record history even when
the text is back as it was); fts_matches checks what they answer instead. The change log
(record_changes) is left out too: an undo is itself a change it records, by design
(tests/test_change_log.py checks what it records)."""

from __future__ import annotations


def full_dump(db) -> dict[str, list[tuple]]:
    tables = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%_fts%' AND name != 'record_changes' ORDER BY name"
        )
    ]
    return {
        t: sorted(map(tuple, db.execute(f"SELECT * FROM [{t}]").fetchall()), key=repr)
        for t in tables
    }


def fts_matches(db, word: str) -> dict[str, list[int]]:
    """Which rows each full-text index finds for word."""
    return {
        table: sorted(
            r[0]
            for r in db.execute(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", [word])
        )
        for table in ("commitments", "events", "status_updates")
    }
