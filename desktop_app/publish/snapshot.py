"""The copy of an analyst's database that Datasette serves: a consistent snapshot taken with
SQLite's backup API, plus views in words and the status definitions, which only the copy holds.

The analyst's file is only ever read, through the store's checked read-only opening (an older
file is migrated in a private copy first); nothing here opens it with Python's open(), whose
closing would drop SQLite's locks on it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.status import STATUS_INFO
from desktop_app.store.database import open_read_only, save_copy
from desktop_app.store.queries import (
    OVERDUE,
    party_status_sql,
    party_statuses_text_sql,
    status_as_of_sql,
    status_label_sql,
)

#: the friendly views show the state of things on the day they are read
TODAY = "date('now')"


def _parties_sql(aggregate: str, only_promisors: bool = False) -> str:
    role = " AND cp.role = 'promisor'" if only_promisors else ""
    return f"""(SELECT {aggregate} FROM (
        SELECT COALESCE(a.iso3, a.name) AS code FROM commitment_parties cp
        JOIN actors a ON a.id = cp.actor_id
        WHERE cp.commitment_id = c.id{role} ORDER BY cp.rowid))"""


def commitments_in_words_sql(as_of: str = TODAY) -> str:
    """Live commitments with parties and statuses in words, as of the SQL expression as_of
    (the canned queries pass their own date)."""
    return f"""
SELECT id, title, category, made_on, deadline, parties, party_list, promisors,
       {status_label_sql("status")} AS status, party_statuses,
       CASE WHEN {OVERDUE.replace(":as_of", as_of)} THEN 'yes' ELSE 'no' END AS overdue,
       description, quote, uuid
FROM (
    SELECT c.id, c.uuid, c.title, c.category, c.made_on, c.deadline, c.description, c.quote,
           {_parties_sql("group_concat(code, ', ')")} AS parties,
           {_parties_sql("json_group_array(code)")} AS party_list,
           {_parties_sql("group_concat(code, ', ')", only_promisors=True)} AS promisors,
           {status_as_of_sql("c.id", as_of)} AS status,
           {party_statuses_text_sql("c.id", as_of)} AS party_statuses
    FROM commitments c WHERE c.deleted_at IS NULL)"""


def party_statuses_in_words_sql(as_of: str = TODAY) -> str:
    own = party_status_sql("cp.actor_id", "c.id", as_of)
    return f"""
SELECT c.id AS commitment_id, c.title AS commitment, COALESCE(a.iso3, a.name) AS party,
       a.name AS party_name, cp.role, {status_label_sql("own")} AS status, c.deadline
FROM (SELECT cp.commitment_id, cp.actor_id, cp.role, cp.rowid AS listed, {own} AS own
      FROM commitment_parties cp JOIN commitments c ON c.id = cp.commitment_id
      WHERE c.deleted_at IS NULL) cp
JOIN commitments c ON c.id = cp.commitment_id
JOIN actors a ON a.id = cp.actor_id
ORDER BY c.id, cp.listed"""


STATUS_HISTORY_IN_WORDS = f"""
SELECT s.commitment_id, c.title AS commitment, s.date, {status_label_sql("s.status")} AS status,
       COALESCE(a.name, 'whole commitment') AS applies_to, s.note,
       src.title AS source, src.url AS source_url, e.title AS evidence
FROM status_updates s
JOIN commitments c ON c.id = s.commitment_id AND c.deleted_at IS NULL
LEFT JOIN actors a ON a.id = s.actor_id
LEFT JOIN sources src ON src.id = s.source_id
LEFT JOIN events e ON e.id = s.evidence_event_id
WHERE s.deleted_at IS NULL
ORDER BY s.commitment_id, s.date, s.actor_id IS NOT NULL, s.created_at"""


def _add_reader_aids(conn: sqlite3.Connection) -> None:
    """The views in words and the status definitions, in one transaction on the copy."""
    with conn:
        conn.execute(f"CREATE VIEW commitments_in_words AS {commitments_in_words_sql()}")
        conn.execute(f"CREATE VIEW party_statuses_in_words AS {party_statuses_in_words_sql()}")
        conn.execute(f"CREATE VIEW status_history_in_words AS {STATUS_HISTORY_IN_WORDS}")
        conn.execute(
            "CREATE TABLE status_definitions (code TEXT PRIMARY KEY, label TEXT, "
            "definition TEXT, compliance_score INTEGER, closed INTEGER)"
        )
        conn.executemany(
            "INSERT INTO status_definitions VALUES (?, ?, ?, ?, ?)",
            [
                (s.value, i.label, i.definition, i.compliance, int(i.closed))
                for s, i in STATUS_INFO.items()
            ],
        )


def write_snapshot(database: str | Path, target: str | Path) -> Path:
    """Copy the database at `database` to `target` (a new file) and add the reader aids there.

    Raises StoreError (one sentence) for a file that cannot be used, as opening it would.
    """
    target = Path(target)
    source = open_read_only(database)
    try:
        save_copy(source, target)
    finally:
        source.close()
    conn = sqlite3.connect(target)
    try:
        # Datasette opens the copy as immutable: it must not depend on a -wal beside it
        conn.execute("PRAGMA journal_mode=DELETE")
        _add_reader_aids(conn)
    finally:
        conn.close()
    return target
