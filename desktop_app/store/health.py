"""The health report behind `commitment-tracker check`."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store.database import open_existing, schema_version
from desktop_app.store.queries import table_counts


def health_report(path: str | Path) -> dict:
    """Schema version, integrity check and row counts of the database at path.

    Raises StoreError (with a one-sentence reason) when the file cannot be opened as ours.
    """
    db = open_existing(path)
    try:
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        foreign_key_problems = len(db.execute("PRAGMA foreign_key_check").fetchall())
        return {
            "path": str(path),
            "schema_version": schema_version(db),
            "integrity_check": "ok" if integrity == ["ok"] else "; ".join(integrity),
            "foreign_key_problems": foreign_key_problems,
            "counts": table_counts(db),
            "parties": db.execute(
                "SELECT COUNT(DISTINCT actor_id) FROM commitment_parties"
            ).fetchone()[0],
            "places": [
                r[0]
                for r in db.execute(
                    "SELECT name FROM places WHERE deleted_at IS NULL ORDER BY name LIMIT 100"
                )
            ],
            "healthy": integrity == ["ok"] and foreign_key_problems == 0,
        }
    finally:
        db.close()
