"""The health report behind `commitment-tracker check`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.store import file_check
from desktop_app.store.database import open_read_only, schema_version
from desktop_app.store.errors import StoreError
from desktop_app.store.queries import table_counts


def health_report(path: str | Path) -> dict:
    """Schema version, integrity check and row counts of the database at path, read only.

    Never raises for a bad file: a file that cannot be opened as ours (empty, not SQLite,
    damaged, altered, newer) or that fails while being read gives healthy False and, in
    "problem", one sentence saying why.
    """
    report: dict = {"path": str(path)}
    try:
        db = open_read_only(path, as_is=True)
    except StoreError as error:
        return report | {"healthy": False, "problem": str(error)}
    try:
        report["schema_version"] = schema_version(db)
        integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
        report["integrity_check"] = "ok" if integrity == ["ok"] else "; ".join(integrity)
        if integrity != ["ok"]:
            # counting rows of a damaged file can fail at any page; the check says it all
            return report | {
                "healthy": False,
                "problem": f"{path} is damaged (SQLite reports: {file_check.report(integrity)}).",
            }
        foreign_key_problems = len(db.execute("PRAGMA foreign_key_check").fetchall())
        report |= {
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
            "healthy": foreign_key_problems == 0,
        }
        if foreign_key_problems:
            report["problem"] = (
                f"{path} has {foreign_key_problems} reference(s) to records that do not exist."
            )
        return report
    except sqlite3.Error as error:
        return report | {"healthy": False, "problem": f"{path} is damaged or unreadable ({error})."}
    finally:
        db.close()
