"""Opening a database file safely: refuse what is not ours, back up before migrating.

A file that is not SQLite, is damaged, belongs to another program or was written by a newer
version of the app is inspected read-only and left byte-for-byte untouched; the caller gets a
StoreError whose text is one sentence for the user.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from desktop_app.store.errors import NewerSchema, NotOurDatabase, StoreError
from desktop_app.store.schema import MIGRATION_SET, SCHEMA_VERSION, migration_names, migrations

QUICK_CHECK_LIMIT = 32 * 1024 * 1024
BUSY_TIMEOUT_MS = 5000


def read_only_uri(path: str | Path) -> str:
    """A file: URI opening path read-only; '#', '?' and '%' in the path are escaped."""
    return Path(path).absolute().as_uri() + "?mode=ro"


def connect_existing(path: str | Path) -> Database:
    """A connection to a file this process has already opened (and checked) with open_database.

    Workers use it: it runs no checks and never opens the file outside SQLite. Under POSIX,
    closing any descriptor of a file drops every lock the process holds on it, so an open() and
    close() here would let another process delete the WAL under the window's connection.
    """

    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    return Database(conn)


def open_database(path: str | Path) -> Database:
    """Open (creating or migrating as needed) the database at path, ready for reads and writes."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    existing_version = _inspect_existing(path)
    if existing_version is not None and existing_version < SCHEMA_VERSION:
        backup_before_migration(path, existing_version)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        db = Database(conn)
        if migrations.pending(db):
            migrations.apply(db)
        # written only when it changes: opening must not need the write lock, because worker
        # threads open their own connections while another may be writing
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as error:
        conn.close()
        raise StoreError(f"{path} could not be prepared for use: {error}.") from None
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock at its start (BEGIN IMMEDIATE).

    A long read-then-write transaction that began as a reader cannot wait for another writer
    to finish (SQLite refuses at once, "database is locked"); taking the lock first lets it wait
    its turn like any other write. Nested db.atomic() blocks become savepoints inside it.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def open_existing(path: str | Path) -> Database:
    """Open a database that must already exist (the CLI never creates one by accident)."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path} does not exist.")
    return open_database(path)


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def database_path(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def save_copy(db: Database, target: str | Path) -> None:
    """Write a consistent copy of the open database to target (SQLite's online backup)."""
    target = Path(target)
    try:
        with sqlite3.connect(str(target)) as copy:
            db.conn.backup(copy)
        copy.close()
    except sqlite3.Error as error:
        raise StoreError(f"The copy could not be written to {target}: {error}.") from None


def backup_before_migration(path: Path, from_version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        with sqlite3.connect(str(backup)) as copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return backup


def _inspect_existing(path: Path) -> int | None:
    """Check an existing file read-only; return its schema version (None for a new file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path} cannot be read (permission denied).")
    # The header is read by SQLite, never with open(): see connect_existing.
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    try:
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError:
            raise NotOurDatabase(
                f"{path} is not a Commitment Tracker database (not a SQLite file)."
            ) from None
        # A full page check costs about 1.6 s per GB, so it runs on opening only for smaller
        # files; a bigger one is still read (schema, version) before use, and damage found
        # later fails the transaction at hand. `commitment-tracker check` checks every page.
        if path.stat().st_size <= QUICK_CHECK_LIMIT:
            integrity = conn.execute("PRAGMA quick_check").fetchone()[0]
            if integrity != "ok":
                raise NotOurDatabase(f"{path} is damaged (SQLite reports: {integrity}).")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            }
    except sqlite3.DatabaseError as error:
        raise NotOurDatabase(f"{path} is damaged or not a database ({error}).") from None
    finally:
        conn.close()
    if version > SCHEMA_VERSION or applied - set(migration_names()):
        raise NewerSchema(
            f"{path} was written by a newer version of Commitment Tracker "
            f"(schema {version}, this app knows {SCHEMA_VERSION}); please update the app."
        )
    if tables and not applied:
        raise NotOurDatabase(
            f"{path} is a SQLite database from another program, not a Commitment Tracker one."
        )
    return len(applied)
