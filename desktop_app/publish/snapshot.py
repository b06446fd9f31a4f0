"""The copy of an analyst's database that Datasette serves: a consistent snapshot taken with
SQLite's backup API, plus views in words and the status definitions, which only the copy holds.

The analyst's file is only ever read, through the store's checked read-only opening (an older
file is migrated in a private copy first); nothing here opens it with Python's open(), whose
closing would drop SQLite's locks on it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.domain.dates import today_iso
from desktop_app.domain.status import STATUS_INFO
from desktop_app.store.database import open_read_only, save_copy
from desktop_app.store.queries import (
    OVERDUE,
    party_status_sql,
    party_statuses_text_sql,
    status_as_of_sql,
    status_label_sql,
)

#: the overdue column of the friendly view is decided on the day it is read
TODAY = "date('now')"
#: the statuses of the commitments as of the day the copy was made (under the friendly view)
STATUSES_TABLE = "commitment_statuses_then"


def _parties_sql(aggregate: str, only_promisors: bool = False) -> str:
    role = " AND cp.role = 'promisor'" if only_promisors else ""
    return f"""(SELECT {aggregate} FROM (
        SELECT COALESCE(a.iso3, a.name) AS code FROM commitment_parties cp
        JOIN actors a ON a.id = cp.actor_id
        WHERE cp.commitment_id = c.id{role} ORDER BY cp.rowid))"""


def commitment_rows_sql(as_of: str, past_deadline_only: bool = False) -> str:
    """Live commitments with their parties, status code and parties' statuses in words, as of
    the SQL expression as_of (past_deadline_only: those whose deadline is before it, the only
    ones that can be overdue, so that no status is worked out for the others)."""
    late = f" AND c.deadline < {as_of}" if past_deadline_only else ""
    return f"""
    SELECT c.id, c.uuid, c.title, c.category, c.made_on, c.deadline, c.description, c.quote,
           {_parties_sql("group_concat(code, ', ')")} AS parties,
           {_parties_sql("json_group_array(code)")} AS party_list,
           {_parties_sql("group_concat(code, ', ')", only_promisors=True)} AS promisors,
           {status_as_of_sql("c.id", as_of)} AS status,
           {party_statuses_text_sql("c.id", as_of)} AS party_statuses
    FROM commitments c WHERE c.deleted_at IS NULL{late}"""


def in_words_sql(rows: str, as_of: str) -> str:
    """Rows of commitment_rows_sql (a table or a subquery) in words, with whether each is
    overdue on the SQL expression as_of."""
    return f"""
SELECT id, title, category, made_on, deadline, parties, party_list, promisors,
       {status_label_sql("status")} AS status, party_statuses,
       CASE WHEN {OVERDUE.replace(":as_of", as_of)} THEN 'yes' ELSE 'no' END AS overdue,
       description, quote, uuid
FROM {rows}"""


def party_statuses_sql(as_of: str) -> str:
    """Each party of each live commitment with its own status on the SQL expression as_of."""
    own = party_status_sql("cp.actor_id", "c.id", as_of)
    return f"""
SELECT c.id AS commitment_id, c.title AS commitment, COALESCE(a.iso3, a.name) AS party,
       a.name AS party_name, cp.role, {status_label_sql("own")} AS status,
       own AS status_code, c.made_on, c.deadline, a.id AS actor_id
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


#: the app's own bookkeeping, not for readers: the change log (it names the analysts) and what
#: merges keep (the file's identity, past merges, the values they set aside)
UNPUBLISHED_TABLES = (
    "record_changes",
    "file_identity",
    "merges",
    "merge_conflicts",
    "version_origins",
)


def _add_reader_aids(conn: sqlite3.Connection, as_of: str) -> None:
    """The tables and views in words and the status definitions, in one transaction on the
    copy. Statuses are worked out once, as of the day the copy is made (a reader's page or
    facet would otherwise work out every commitment's status again: seconds on a big file);
    whether a commitment is overdue is decided when it is read, against that day's date."""
    day = {"as_of": as_of}
    with conn:
        for table in UNPUBLISHED_TABLES:  # the copy is the reader's; the file keeps them
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute(f"CREATE TABLE {STATUSES_TABLE} AS {commitment_rows_sql(':as_of')}", day)
        conn.execute(f"CREATE INDEX {STATUSES_TABLE}_made_on ON {STATUSES_TABLE}(made_on)")
        view = in_words_sql(STATUSES_TABLE, TODAY)
        conn.execute(f"CREATE VIEW commitments_in_words AS {view}")
        parties = party_statuses_sql(":as_of")
        conn.execute(f"CREATE TABLE party_statuses_in_words AS {parties}", day)
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


def write_snapshot(database: str | Path, target: str | Path, as_of: str | None = None) -> Path:
    """Copy the database at `database` to `target` (a new file) and add the reader aids there,
    with statuses as of as_of (default: today).

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
        _add_reader_aids(conn, as_of or today_iso())
    finally:
        conn.close()
    return target
