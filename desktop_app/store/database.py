"""Opening a database file safely: refuse what is not ours, back up before migrating.

A file that is not SQLite, is damaged, belongs to another program, was altered by one, or was
written by a newer version of the app is inspected without being written and left byte-for-byte
untouched, with no new -wal or -shm beside it (but for the -shm SQLite must make to read a -wal
that came without one); the caller gets a StoreError whose text is one sentence for the user.

Under POSIX, closing any descriptor of a file drops every lock the process holds on it, so the
database file is never opened here outside SQLite (its header is read through SQLite too), and
its -shm never at all. The -wal is read with open() only to check its header: SQLite locks the
main file and the -shm, not the -wal.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from desktop_app.store import file_check, schema_check
from desktop_app.store.errors import NewerSchema, NotOurDatabase, StoreError
from desktop_app.store.schema import MIGRATION_SET, SCHEMA_VERSION, migration_names, migrations

QUICK_CHECK_LIMIT = 32 * 1024 * 1024
BUSY_TIMEOUT_MS = 5000
BUSY_TIMEOUT_VARIABLE = "COMMITMENT_TRACKER_BUSY_TIMEOUT_MS"


def busy_timeout_ms() -> int:
    """How long a connection waits for another's write lock (an environment variable can
    shorten it, for scripts that would rather fail fast)."""
    try:
        return max(0, int(os.environ[BUSY_TIMEOUT_VARIABLE]))
    except (KeyError, ValueError):
        return BUSY_TIMEOUT_MS


def file_uri(path: str | Path, **options: str) -> str:
    """A file: URI for path with query options; '#', '?' and '%' in the path are escaped."""
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return Path(path).absolute().as_uri() + (f"?{query}" if query else "")


def read_only_uri(path: str | Path) -> str:
    """A file: URI opening path read-only; '#', '?' and '%' in the path are escaped."""
    return file_uri(path, mode="ro")


def connect_existing(path: str | Path) -> Database:
    """A connection to a file this process has already opened (and checked) with open_database.

    Workers use it: it runs no checks and never opens the file outside SQLite. Under POSIX,
    closing any descriptor of a file drops every lock the process holds on it, so an open() and
    close() here would let another process delete the WAL under the window's connection.
    """

    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    return Database(conn)


#: less free space than this and a write that fails is put down to a full disk
FULL_DISK_BYTES = 1024 * 1024


def disk_is_full(path: str | Path) -> bool:
    """Whether the disk holding path has (almost) no room left: SQLite then reports only
    'disk I/O error' when it cannot create its -wal and -shm files."""
    try:
        return shutil.disk_usage(Path(path).absolute().parent).free < FULL_DISK_BYTES
    except OSError:
        return False


def open_database(path: str | Path, check_every_page: bool = False) -> Database:
    """Open (creating or migrating as needed) the database at path, ready for reads and writes.

    check_every_page runs a full page check whatever the file's size (an import does, before it
    writes); otherwise files above QUICK_CHECK_LIMIT get the cheap checks of file_check.
    """
    return open_inspected(path, inspect_to_open(path, check_every_page))


def inspect_to_open(path: str | Path, check_every_page: bool = False) -> int | None:
    """inspect_file, after refusing a folder: what open_database checks before it opens."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    return inspect_file(path, check_every_page)


def inspect_and_upgrade(path: str | Path) -> int | None:
    """inspect_to_open, then for a file of an older version its backup and migrations, on a
    connection of this thread that is closed again; the version the file has now. The window
    runs it on a worker: copying and re-indexing a big file takes seconds."""
    version = inspect_to_open(path)
    if version is not None and version < SCHEMA_VERSION:
        open_inspected(path, version).close()
        return SCHEMA_VERSION
    return version


def open_inspected(path: str | Path, existing_version: int | None) -> Database:
    """open_database for a file inspect_file has just passed (its answer: existing_version).
    The window inspects on a worker thread, where SQLite's reading leaves the GUI thread free,
    then opens here, on the thread that will use the connection."""
    path = Path(path)
    if existing_version is not None and existing_version < SCHEMA_VERSION:
        _back_up_to_upgrade(path, existing_version)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA journal_mode = WAL")
        db = Database(conn)
        _upgrade(db)
        # written only when it changes: opening must not need the write lock, because worker
        # threads open their own connections while another may be writing
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as error:
        conn.close()
        if disk_is_full(path):
            raise StoreError(
                f"The disk holding {path} is full, so the file cannot be opened for writing; "
                "free some space and try again."
            ) from None
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
        # SQLite may have rolled back already (a full disk does): a second ROLLBACK would
        # hide the error that explains it behind "no transaction is active"
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def open_existing(path: str | Path, check_every_page: bool = False) -> Database:
    """Open for writing a database that must already exist (the CLI never creates one by
    accident)."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path} does not exist.")
    return open_database(path, check_every_page)


def open_read_only(path: str | Path, as_is: bool = False) -> Database:
    """Open an existing database for reading only: every check of open_database, and nothing
    written: no migration, no switch to WAL, no new file (an empty one is refused).

    A file of an older version is migrated in a private temporary copy, so that the current
    queries work on it (as_is=True gives the file as it is instead: the health check's way).
    In a folder that cannot be written, where SQLite cannot make the -shm a reader needs, the
    file is read as immutable (nobody can be writing it there). Closing the database takes
    away the -wal and -shm that reading it made, unless another connection is using them.
    """
    path = Path(path)
    version = _existing_version(path)
    source, made_sidecars = _read_connection(path)
    if as_is or version == SCHEMA_VERSION:
        reader = _Reader(source)
        reader.made_sidecars_of = path if made_sidecars else None
        return reader
    return _copy_then_close(path, source, made_sidecars)


def open_private_copy(path: str | Path) -> Database:
    """A private temporary copy of an existing database (checked as open_read_only does),
    migrated to this version: anything may be written to it, nothing reaches the file. An
    import's dry run runs on one. SQLite deletes the copy when it is closed."""
    path = Path(path)
    _existing_version(path)
    return _copy_then_close(path, *_read_connection(path))


def _copy_then_close(path: Path, source, made_sidecars: bool) -> Database:
    """A migrated private copy of what source reads; source is closed, and the -wal and -shm
    its reading made are put away."""
    try:
        return _migrated_copy(path, source)
    finally:
        source.close()
        if made_sidecars:
            _put_away_sidecars(path)


class _Reader(Database):
    """The database open_read_only gives: closing it also puts away the -wal and -shm its
    reading made."""

    made_sidecars_of: Path | None = None

    def close(self) -> None:
        super().close()
        if self.made_sidecars_of is not None:
            _put_away_sidecars(self.made_sidecars_of)


def _put_away_sidecars(path: Path) -> None:
    """Take away the -wal and -shm a read-only connection made, as SQLite does when the last
    connection that can write closes: a read-write connection that has read the file deletes
    them on closing if no other connection has the file open, and leaves them for the others
    otherwise. (A read-only connection never deletes them: without this every check and
    export would leave two files beside the database.) It writes nothing to the file: the
    log it finds holds nothing, or, if someone wrote meanwhile, their committed changes,
    which it checkpoints as their own connection would have."""
    try:
        conn = sqlite3.connect(file_uri(path, mode="rw"), uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        pass  # they stay beside the file, as any reader's do


def _existing_version(path: Path) -> int:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    if not path.exists():
        raise StoreError(f"{path} does not exist.")
    version = inspect_file(path)
    if version is None:
        raise StoreError(f"{path} is empty, not a Commitment Tracker database.")
    if version == 0:
        raise StoreError(f"{path} is an empty SQLite file, not a Commitment Tracker database.")
    return version


def _read_connection(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A read-only connection to a checked file, and whether opening it made the -wal and
    -shm (there were none). Immutable where a reader cannot make the -shm (a read-only folder)
    and no log holds changes it would miss."""
    had_sidecars = any(file_check.sidecar(path, s).exists() for s in ("-wal", "-shm"))
    conn = None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        conn.execute("PRAGMA schema_version").fetchone()
        return conn, not had_sidecars
    except sqlite3.OperationalError as error:
        if conn is not None:
            conn.close()
        # anything but a -wal or -shm that cannot be made (a lock held during a recovery, say)
        # must not be read past
        if not _cannot_make_sidecars(error):
            raise StoreError(f"{path} cannot be read: {error}.") from None
    if file_check.wal_has_frames(path):
        raise _unreadable_log(path)
    try:
        return sqlite3.connect(file_uri(path, mode="ro", immutable="1"), uri=True), False
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be read: {error}.") from None


def _cannot_make_sidecars(error: sqlite3.Error) -> bool:
    """Whether error is what a reader meets where it cannot make the -wal or -shm."""
    return any(words in str(error) for words in ("unable to open", "readonly"))


def _unreadable_log(path: Path) -> StoreError:
    return StoreError(
        f"{path} cannot be read here: its folder cannot be written, and SQLite must write "
        "there to read the changes kept in its -wal file; copy both to a folder you can write to."
    )


def _migrated_copy(path: Path, source: sqlite3.Connection) -> Database:
    # "" is SQLite's private temporary database: on disk if it grows, deleted on close
    copy = sqlite3.connect("", isolation_level=None)
    try:
        source.backup(copy)
        copy.execute("PRAGMA foreign_keys = ON")
        db = Database(copy)
        if migrations.pending(db):
            migrations.apply(db)
        copy.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.Error as error:
        copy.close()
        raise StoreError(f"{path} could not be read into a temporary copy: {error}.") from None
    return db


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def database_path(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def refuse_overwriting(database: str | Path, output: str | Path) -> None:
    """Raise StoreError if writing output would overwrite the database or one of its SQLite
    files (-wal, -shm, -journal), under any name (a link, a relative path, another case on a
    case-insensitive disk). Neither file is opened: stat() and path resolution only."""
    database, output = Path(database), Path(output)
    for own in (database, *(file_check.sidecar(database, s) for s in _SIDECARS)):
        same = own.resolve() == output.resolve()
        if not same and own.exists() and output.exists():
            same = os.path.samefile(own, output)
        if same:
            what = "the database itself" if own == database else f"its {own.name} file"
            raise StoreError(
                f"{output} is {what}; writing there would destroy {database.name}, "
                "so choose another file name."
            )


_SIDECARS = ("-wal", "-shm", "-journal")


def save_copy(db: Database, target: str | Path) -> None:
    """Write a consistent copy of the open database to target (SQLite's online backup);
    never over the database itself or its -wal or -shm (StoreError)."""
    target = Path(target)
    source = database_path(db)
    if source is not None:
        refuse_overwriting(source, target)
    try:
        with sqlite3.connect(str(target)) as copy:
            db.conn.backup(copy)
        copy.close()
    except sqlite3.Error as error:
        raise StoreError(f"The copy could not be written to {target}: {error}.") from None


def _back_up_to_upgrade(path: Path, from_version: int) -> None:
    """The backup an upgrade needs, or a StoreError saying in one sentence why it cannot be
    made (nothing is left behind, and the file is not upgraded)."""
    older = "is from an older version of Commitment Tracker and must be upgraded to open"
    if not os.access(path, os.W_OK):
        raise StoreError(f"{path} {older}, but it is read-only; open a copy you can write to.")
    try:
        backup_before_migration(path, from_version)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(
            f"{path} {older}, but no backup of it could be written beside it ({error}); "
            "open a copy in a folder you can write to."
        ) from None


def _upgrade(db: Database) -> None:
    """Apply the pending migrations. Another process may be upgrading the same file at the
    same moment: if its upgrade is what made ours fail, the file is upgraded all the same."""
    if not migrations.pending(db):
        return
    try:
        migrations.apply(db)
    except sqlite3.Error:
        if migrations.pending(db):
            raise


def backup_before_migration(path: Path, from_version: int) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.v{from_version}-{stamp}.bak")
    partial = backup.with_name(backup.name + "-partial")  # named .bak once whole
    source = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        with sqlite3.connect(str(partial)) as copy:
            source.backup(copy)
        copy.close()
        partial.rename(backup)
    except BaseException:
        partial.unlink(missing_ok=True)  # no half backup left beside the file
        raise
    finally:
        source.close()
    return backup


def inspect_file(path: str | Path, check_every_page: bool = False) -> int | None:
    """Check an existing file without writing anything; return its version (the number of our
    migrations applied; 0 for an empty SQLite file, None when there is no file or it is empty).

    Raises NotOurDatabase or NewerSchema (one sentence) for a file that must not be used. The
    order matters: nothing but sqlite_master is read before the schema is known to be ours
    (a foreign trigger or view must never run), and the -wal is checked before SQLite replays it.
    """
    path = Path(path)
    size = file_check.size_of(path)
    if not size:
        return None
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path} cannot be read (permission denied).")
    page_size = _page_size(path)
    wal = file_check.sidecar(path, "-wal")
    problem = file_check.wal_header_problem(wal, page_size)
    if problem:
        raise NotOurDatabase(
            f"{path} is not opened because {problem}; if the database was copied or moved "
            f"without it, move {wal.name} out of the folder and open the database again."
        )
    # Frames in the -wal may be another file's (a -wal copied, or left, beside the wrong file):
    # they replace whole pages, so a table no longer agrees with its indexes, which only
    # integrity_check compares (quick_check reads each page alone, about 6 times faster).
    pragma = "integrity_check" if file_check.wal_has_frames(path) else "quick_check"
    conn = _inspection_connection(path)
    try:
        version, schema = _check_schema(path, conn)
        if version and (check_every_page or size <= QUICK_CHECK_LIMIT):
            # quick_check: about 1.6 s per GB, so on opening only for smaller files (and
            # before an import, whose cost is of that order anyway)
            integrity = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            if integrity != ["ok"]:
                raise NotOurDatabase(
                    f"{path} is damaged (SQLite reports: {file_check.report(integrity)})."
                )
        elif version:
            tables = [
                name
                for name, (kind, _table, sql) in schema.items()
                if kind == "table" and not (sql or "").startswith("create virtual")
            ]
            damage = file_check.cheap_check(conn, path, tables, pragma)
            if damage:
                raise NotOurDatabase(f"{path} is damaged: {damage}.")
    except sqlite3.OperationalError as error:
        if _cannot_make_sidecars(error):
            raise _unreadable_log(path) from None
        raise NotOurDatabase(f"{path} is damaged or not a database ({error}).") from None
    except sqlite3.DatabaseError as error:
        raise NotOurDatabase(f"{path} is damaged or not a database ({error}).") from None
    finally:
        conn.close()
    return version


def _page_size(path: Path) -> int:
    """The page size in the file's header, read by SQLite without its -wal (immutable: no
    lock taken, no file made) -- and the test that the file is SQLite at all."""
    try:
        conn = sqlite3.connect(file_uri(path, mode="ro", immutable="1"), uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn.execute("PRAGMA page_size").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "not a database" in str(error):
            raise NotOurDatabase(
                f"{path} is not a Commitment Tracker database (not a SQLite file)."
            ) from None
        # a header SQLite can read, describing a file it cannot (cut short, say)
        raise NotOurDatabase(f"{path} is damaged (SQLite reports: {error}).") from None
    finally:
        conn.close()


def _inspection_connection(path: Path) -> sqlite3.Connection:
    """A read-only connection for the checks that leaves no new file beside path.

    With no frames in the -wal (or no -wal), the main file holds everything, and an immutable
    connection reads it making no -wal or -shm (nor needing to: it works in a read-only folder
    too). With frames in the -wal, SQLite must replay them, which needs the -shm: a plain read-only
    connection, sharing it with anyone else reading. (If the -wal came without its -shm, that
    -shm is made and stays, as with any reader.)
    """
    options = (
        {"mode": "ro"} if file_check.wal_has_frames(path) else {"mode": "ro", "immutable": "1"}
    )
    try:
        conn = sqlite3.connect(file_uri(path, **options), uri=True)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
        return conn
    except sqlite3.Error as error:
        raise StoreError(f"{path} cannot be opened: {error}.") from None


def _check_schema(path: Path, conn: sqlite3.Connection) -> tuple[int, dict]:
    """The file's version and schema, once its schema is known to be exactly ours."""
    schema = schema_check.read_schema(conn)
    file_version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not schema:
        if file_version > SCHEMA_VERSION:
            raise _newer(path, file_version)
        return 0, schema
    expected_log = schema_check.expected_schema(tuple(migration_names()[:1]))
    log = schema_check.MIGRATIONS_TABLE
    if schema.get(log) != expected_log[log]:
        if file_version > SCHEMA_VERSION:
            raise _newer(path, file_version)
        raise NotOurDatabase(
            f"{path} is a SQLite database from another program, not a Commitment Tracker one."
        )
    # a plain table (checked just above): reading it runs nothing of the file's
    applied = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {log} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        )
    ]
    known = migration_names()
    if file_version > SCHEMA_VERSION or set(applied) - set(known):
        raise _newer(path, file_version)
    if not applied:
        raise NotOurDatabase(
            f"{path} is a SQLite database from another program, not a Commitment Tracker one."
        )
    if applied != known[: len(applied)]:
        raise NotOurDatabase(
            f"{path} records an impossible upgrade history ({', '.join(applied)}), "
            "so it was altered by another program and is left untouched."
        )
    problems = schema_check.schema_differences(schema, schema_check.expected_schema(tuple(applied)))
    if problems:
        raise NotOurDatabase(
            f"{path} was altered by another program ({schema_check.describe(problems)}), "
            "so Commitment Tracker leaves it untouched."
        )
    return len(applied), schema


def _newer(path: Path, version: int) -> NewerSchema:
    return NewerSchema(
        f"{path} was written by a newer version of Commitment Tracker "
        f"(schema {version}, this app knows {SCHEMA_VERSION}); please update the app."
    )
