"""Exact undo for the window's writes: every row a change touches is logged, as the statement that
reverses it, by temporary triggers on the window's own connection (SQLite's "undo/redo" recipe).

Reverting a change runs its statements in reverse order in one transaction and logs them in turn,
which gives the change that redoes it. Because whole rows are restored (ids, UUIDs, timestamps),
an undone edit leaves the file exactly as it was: the actors, places and sources the edit created
go with it. Tables kept by triggers (full-text indexes, monthly event counts) are not logged:
their own triggers follow the replayed rows.

The triggers live in the connection's temp schema, so the file itself never holds them, and other
connections (workers, other processes) do not log anything.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

# every table the user's edits write; derived tables are left to their triggers
LOGGED_TABLES: tuple[str, ...] = (
    "actors",
    "places",
    "sources",
    "events",
    "event_actors",
    "event_sources",
    "commitments",
    "commitment_parties",
    "commitment_places",
    "commitment_sources",
    "status_updates",
    "statistics",
)


@dataclass(frozen=True)
class Change:
    """The statements that reverse one change, in the order they were logged."""

    statements: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.statements)


def install(conn: sqlite3.Connection) -> None:
    """Create the log and its triggers on this connection (idempotent)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS change_log (seq INTEGER PRIMARY KEY, sql TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS change_logging (active INTEGER NOT NULL)")
    if conn.execute("SELECT COUNT(*) FROM temp.change_logging").fetchone()[0] == 0:
        conn.execute("INSERT INTO temp.change_logging VALUES (0)")
    for table in LOGGED_TABLES:
        columns = [row[1] for row in conn.execute(f"PRAGMA main.table_info({table})")]
        for statement in _trigger_statements(table, columns):
            conn.execute(statement)


def _trigger_statements(table: str, columns: list[str]) -> list[str]:
    when = "WHEN (SELECT active FROM temp.change_logging)"
    log = "INSERT INTO change_log (sql) VALUES"  # (no schema prefix inside a trigger)
    restore_values = " || ',' || ".join(f"quote(old.{c})" for c in columns)
    assignments = " || ', ' || ".join(f"'{c} = ' || quote(old.{c})" for c in columns)
    names = ", ".join(columns)
    return [
        f"""CREATE TEMP TRIGGER IF NOT EXISTS log_insert_{table} AFTER INSERT ON main.{table}
            {when} BEGIN
            {log} ('DELETE FROM main.{table} WHERE rowid = ' || new.rowid); END""",
        f"""CREATE TEMP TRIGGER IF NOT EXISTS log_update_{table} AFTER UPDATE ON main.{table}
            {when} BEGIN
            {log} ('UPDATE main.{table} SET ' || {assignments} || ' WHERE rowid = ' || old.rowid);
            END""",
        f"""CREATE TEMP TRIGGER IF NOT EXISTS log_delete_{table} AFTER DELETE ON main.{table}
            {when} BEGIN
            {log} ('INSERT INTO main.{table} (rowid, {names}) VALUES (' || old.rowid || ','
                   || {restore_values} || ')'); END""",
    ]


def start(conn: sqlite3.Connection) -> int:
    """Switch logging on inside the caller's transaction; returns the mark to collect from."""
    conn.execute("UPDATE temp.change_logging SET active = 1")
    return conn.execute("SELECT COALESCE(MAX(seq), 0) FROM temp.change_log").fetchone()[0]


def collect(conn: sqlite3.Connection, mark: int) -> Change:
    """Switch logging off and take what was logged since mark (still inside the transaction)."""
    conn.execute("UPDATE temp.change_logging SET active = 0")
    statements = tuple(
        r[0]
        for r in conn.execute("SELECT sql FROM temp.change_log WHERE seq > ? ORDER BY seq", [mark])
    )
    conn.execute("DELETE FROM temp.change_log WHERE seq > ?", [mark])
    return Change(statements)


def replay_reversed(conn: sqlite3.Connection, change: Change) -> None:
    """Run a change's reversing statements, last first (inside the caller's transaction)."""
    for statement in reversed(change.statements):
        conn.execute(statement)
