"""Is a file's schema exactly the one our migrations make? Checked before anything runs on it.

A file of ours that another program altered can do harm the moment we use it: a foreign trigger
runs inside our writes (deleting rows we never touched), a view in place of a table runs its own
query on every read (a recursive one never ends), a changed CHECK or an extra column lets rows in
that the app cannot show. So the file's sqlite_master (the only thing read before this check) is
compared with the schema our migrations make at the file's version, built in memory once per
version and cached.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from sqlite_utils import Database

from desktop_app.store.schema import migrations

# ANALYZE (run by hand, or by a future PRAGMA optimize) adds these; they only guide the planner.
ALLOWED_EXTRA = frozenset({"sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})

MIGRATIONS_TABLE = "_sqlite_migrations"

_TOKEN = re.compile(
    r"""'(?:[^']|'')*'        # a string literal, kept as written
      | "(?:[^"]|"")*"        # identifiers, however quoted
      | \[[^\]]*\]
      | `(?:[^`]|``)*`
      | --[^\n]*              # comments go
      | /\*.*?(?:\*/|$)
      | \w+
      | \S""",
    re.VERBOSE | re.DOTALL,
)

Entry = tuple[str, str, str | None]  # type, table it belongs to, normalised sql


def normalise_sql(sql: str | None) -> str | None:
    """SQL with layout, comments, identifier quotes and keyword case taken out, literals kept.

    Files made by another release of sqlite-utils or SQLite may lay the same statement out
    differently; they must still match. A different meaning (another CHECK, column or trigger
    body) does not.
    """
    if sql is None:
        return None
    tokens = []
    for token in _TOKEN.findall(sql):
        if token.startswith(("--", "/*")):
            continue
        if token[0] in '"[`':
            token = token[1:-1]
        if token[0] != "'":
            token = token.lower()
        tokens.append(token)
    return " ".join(tokens)


def read_schema(conn: sqlite3.Connection) -> dict[str, Entry]:
    """The schema of the file on conn, by object name (reads sqlite_master only)."""
    return {
        name: (kind, table, normalise_sql(sql))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
    }


@lru_cache(maxsize=16)
def expected_schema(applied: tuple[str, ...]) -> dict[str, Entry]:
    """The schema our migrations make when exactly `applied` (a prefix of them) have run."""
    names = [m.name for m in migrations._migrations]
    if list(applied) != names[: len(applied)]:
        raise ValueError(f"not a prefix of our migrations: {applied}")
    db = Database(memory=True)
    try:
        if applied:
            later = names[len(applied) :]
            migrations.apply(db, stop_before=later[0] if later else None)
        return read_schema(db.conn)
    finally:
        db.close()


def schema_differences(found: dict[str, Entry], expected: dict[str, Entry]) -> list[str]:
    """What is different, in words ("an extra trigger evil on events"); empty when nothing is.

    An extra index is a difference too: an index can be UNIQUE (making our writes fail) or be
    built on an expression calling a function this app does not have (making every write to its
    table fail), and our migrations never leave one behind. The user is told its name, so it can
    be dropped if it was theirs.
    """
    replaced, changed, extra, missing = [], [], [], []
    for name, (kind, table, sql) in sorted(expected.items()):
        if name not in found:
            missing.append(f"the {kind} {name} is missing")
            continue
        found_kind, found_table, found_sql = found[name]
        if found_kind != kind:
            replaced.append(f"{name} is a {found_kind}, not a {kind}")
        elif found_table != table or found_sql != sql:
            changed.append(f"the {kind} {name} has a changed definition")
    for name, (kind, table, _sql) in sorted(found.items()):
        if name in expected or (kind == "table" and name in ALLOWED_EXTRA):
            continue
        on = f" on {table}" if kind in ("index", "trigger") else ""
        extra.append(f"an extra {kind} {name}{on}")
    # the most telling first: a table replaced by a view also loses its indexes and triggers
    return replaced + changed + extra + missing


def describe(problems: list[str], limit: int = 3) -> str:
    """The first few differences, for one sentence."""
    text = "; ".join(problems[:limit])
    if len(problems) > limit:
        text += f"; and {len(problems) - limit} more"
    return text
