"""What a fresh process finds in a database file, as JSON on stdout.

Usage: python -m reliability.probe DB [--commitments] [--status] [--csv FILE] [--digest]

It opens the file with plain sqlite3 (as any program opening it after a crash would, so a left
-wal is recovered) and reports: integrity_check, foreign-key problems, row counts (all rows and
live ones), and on request the commitments (title, deleted, numbers of parties and of status
updates), the status-update UUIDs, how many UUIDs of an events CSV are in the events table, and
a digest of the whole content. A file SQLite cannot read is reported with "error", never a
traceback.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sqlite3
import sys
import time
from pathlib import Path

TABLES = ("actors", "places", "sources", "events", "commitments", "status_updates", "statistics")
QUERY_SECONDS = 5.0  # an endless view must not hang the probe: such a query is interrupted


class _Deadline:
    """Interrupts any statement that runs longer than QUERY_SECONDS (SQLite's progress
    handler); `restart` before each statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.until = 0.0
        conn.set_progress_handler(lambda: time.monotonic() > self.until, 10_000)

    def restart(self) -> None:
        self.until = time.monotonic() + QUERY_SECONDS


def inspect(path: Path, options: argparse.Namespace) -> dict:
    report: dict = {"path": str(path)}
    try:
        conn = sqlite3.connect(str(path))
    except sqlite3.Error as error:
        return report | {"error": str(error)}
    deadline = _Deadline(conn)
    try:
        deadline.restart()
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        report["integrity"] = "ok" if rows == ["ok"] else "; ".join(rows[:5])
    except sqlite3.Error as error:  # a damaged file: the counts below may still be readable
        report["integrity"] = report["error"] = str(error)
    try:
        deadline.restart()
        try:
            problems = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        except sqlite3.Error as error:  # e.g. "foreign key mismatch": a table became a view
            problems, report["foreign_key_error"] = -1, str(error)
        report["foreign_key_problems"] = problems
        report["counts"] = {t: _count(deadline, conn, t, "") for t in TABLES}
        report["live"] = {t: _count(deadline, conn, t, " WHERE deleted_at IS NULL") for t in TABLES}
        deadline.restart()
        if options.commitments:
            report["commitments"] = {
                uuid: [title, deleted is not None, parties, updates]
                for uuid, title, deleted, parties, updates in conn.execute(
                    """SELECT uuid, title, deleted_at,
                              (SELECT COUNT(*) FROM commitment_parties p
                               WHERE p.commitment_id = c.id),
                              (SELECT COUNT(*) FROM status_updates s
                               WHERE s.commitment_id = c.id)
                       FROM commitments c"""
                )
            }
        if options.status:
            report["status_uuids"] = [r[0] for r in conn.execute("SELECT uuid FROM status_updates")]
        if options.csv:
            report["csv_uuids_present"] = _csv_uuids_present(conn, Path(options.csv))
        if options.digest:
            digest = hashlib.sha256()
            for line in conn.iterdump():
                digest.update(line.encode())
            report["digest"] = digest.hexdigest()
    except sqlite3.Error as error:
        report["error"] = str(error)
    finally:
        conn.close()
    return report


def _count(deadline: _Deadline, conn: sqlite3.Connection, table: str, where: str) -> int | None:
    deadline.restart()
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}{where}").fetchone()[0]
    except sqlite3.Error:
        return None


def _csv_uuids_present(conn: sqlite3.Connection, csv_path: Path) -> int:
    with csv_path.open(newline="", encoding="utf-8-sig") as handle:
        uuids = [row["uuid"] for row in csv.DictReader(handle)]
    conn.execute("CREATE TEMP TABLE wanted (uuid TEXT PRIMARY KEY)")
    conn.executemany("INSERT OR IGNORE INTO temp.wanted VALUES (?)", [(u,) for u in uuids])
    return conn.execute(
        "SELECT COUNT(*) FROM events WHERE uuid IN (SELECT uuid FROM temp.wanted)"
    ).fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--commitments", action="store_true")
    parser.add_argument("--status", action="store_true")
    parser.add_argument("--csv")
    parser.add_argument("--digest", action="store_true")
    options = parser.parse_args(argv)
    print(json.dumps(inspect(options.db, options)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
