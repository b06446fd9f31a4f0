"""The open database file, and the one way the window writes to it.

A Session owns the GUI thread's connection and hands out cheap connections for workers. Every
write is a change: a function run in one write transaction with the change log on, returned with
the statements that reverse it. Reverting a change is itself a change, so undo and redo are the
same operation. Nothing here knows about Qt.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop_app import APP_ID
from desktop_app.domain.drafts import Draft
from desktop_app.session import changes
from desktop_app.session.changes import Change
from desktop_app.session.drafts import resolve
from desktop_app.store import change_history, records
from desktop_app.store.database import (
    connect_existing,
    disk_is_full,
    open_database,
    open_inspected,
    write_transaction,
)
from desktop_app.store.errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desktop_app.store.records import Record

T = TypeVar("T")
COPY_STEP_PAGES = 4096  # a copy reports progress (and can be cancelled) every 16 MB or so


class CopyCancelled(Exception):
    pass


class Session:
    """An open database: reads on `db`, writes through `apply` (or the typed helpers)."""

    def __init__(self, db: Database, path: Path, analyst: str = "") -> None:
        """analyst: the name the change log gives this session's changes."""
        self.db = db
        self.path = path
        self._snapshots: Path | None = None
        self._snapshot_count = 0
        self._seen_version = db.execute("PRAGMA data_version").fetchone()[0]
        # names this session's data in caches shared by every window of the process
        self.token = object()
        self.analyst = analyst
        self._install_logs()

    def _install_logs(self) -> None:
        """The undo log and the analyst's change log on the window's connection."""
        changes.install(self.db.conn)
        change_history.install(self.db.conn)
        change_history.set_analyst(self.db.conn, self.analyst)

    def set_analyst(self, name: str) -> None:
        """Who makes the changes from now on (as the change log records them)."""
        self.analyst = name
        change_history.set_analyst(self.db.conn, name)

    @classmethod
    def open(cls, path: str | Path, analyst: str = "") -> Session:
        """Open (checking, creating or migrating) the file at path."""
        path = Path(path)
        return cls(open_database(path), path, analyst)

    @classmethod
    def open_inspected(cls, path: str | Path, version: int | None, analyst: str = "") -> Session:
        """Open the file at path that inspect_file has just passed (version: its answer)."""
        path = Path(path)
        return cls(open_inspected(path, version), path, analyst)

    def changed_elsewhere(self) -> bool:
        """Whether another connection (a worker, another window, another process) has committed
        to the file since the last call. Cheap: SQLite answers from shared memory."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        changed = version != self._seen_version
        self._seen_version = version
        return changed

    def worker_connection(self) -> Database:
        """A connection for a worker thread: no checks, no file opened outside SQLite. It
        carries the analyst's name (an import logs one entry under it) but logs no row."""
        db = connect_existing(self.path)
        change_history.set_analyst(db.conn, self.analyst)
        return db

    def close(self) -> None:
        self.db.close()
        if self._snapshots is not None:
            shutil.rmtree(self._snapshots, ignore_errors=True)

    # --- whole-file steps (an import): undone from a copy --------------------------------------
    def new_snapshot_path(self) -> Path:
        """Where to keep a copy of the file for undoing a whole-file step (removed at close)."""
        if self._snapshots is None:
            import platformdirs

            cache = Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))
            cache.mkdir(parents=True, exist_ok=True)
            self._snapshots = Path(tempfile.mkdtemp(prefix="undo-", dir=cache))
        self._snapshot_count += 1
        return self._snapshots / f"copy-{self._snapshot_count}.db"

    @staticmethod
    def copy_to(
        db: Database, target: Path, progress: Callable[[int, int], bool] | None = None
    ) -> None:
        """A consistent copy of db's file at target (SQLite's online backup); any connection.

        progress(done, total) in pages may return False to cancel (CopyCancelled); a copy that
        fails or is cancelled leaves no file at target."""

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None and not progress(total - remaining, total):
                raise CopyCancelled

        try:
            copy = sqlite3.connect(target)
            try:
                db.conn.backup(copy, pages=COPY_STEP_PAGES, progress=step)
            finally:
                copy.close()
        except CopyCancelled:
            target.unlink(missing_ok=True)
            raise
        except sqlite3.Error as error:
            target.unlink(missing_ok=True)
            raise StoreError(f"The copy could not be written to {target}: {error}.") from None

    def restore(self, snapshot: Path, logged_as: str = "") -> None:
        """Put a copy's content back into the open file in one step (other connections see it
        as one change); logged_as, when given, goes into the change log after it."""
        try:
            source = sqlite3.connect(snapshot.absolute().as_uri() + "?mode=ro", uri=True)
            try:
                source.backup(self.db.conn)
            finally:
                source.close()
        except sqlite3.Error as error:
            raise StoreError(write_failure(error, self.path)) from None
        self._install_logs()
        if logged_as:
            self.apply(lambda db: change_history.log_file_step(db, logged_as))

    # --- writes ----------------------------------------------------------------------------
    def apply(self, change: Callable[[Database], T]) -> tuple[T, Change]:
        """Run change(db) in one write transaction; return its result and what reverses it.

        On any error nothing is written, and a StoreError says why in one sentence.
        """
        try:
            with write_transaction(self.db):
                mark = changes.start(self.db.conn)
                try:
                    result = change(self.db)
                finally:
                    logged = changes.collect(self.db.conn, mark)
        except sqlite3.Error as error:
            raise StoreError(write_failure(error, self.path)) from None
        return result, logged

    def revert(self, change: Change) -> Change:
        """Undo a change exactly; returns the change that redoes it."""
        _, redo = self.apply(lambda db: changes.replay_reversed(db.conn, change))
        return redo

    def add(self, item: Draft | Record) -> tuple[int, Change]:
        """Add a record (a draft's new actors, places and sources with it)."""
        return self.apply(lambda db: records.add(db, _record(db, item)))

    def update(self, record_id: int, item: Draft | Record) -> Change:
        _, change = self.apply(lambda db: records.update(db, record_id, _record(db, item)))
        return change

    def update_all(self, updates: list[tuple[int, Draft | Record]]) -> Change:
        """Replace several records in one transaction: one change, one step to undo."""

        def write(db: Database) -> None:
            for record_id, item in updates:
                records.update(db, record_id, _record(db, item))

        _, change = self.apply(write)
        return change

    def set_deleted(self, cls: type, record_id: int, deleted: bool = True) -> Change:
        _, change = self.apply(lambda db: records.set_deleted(db, cls, record_id, deleted))
        return change


def _record(db: Database, item: Draft | Record) -> Record:
    return resolve(db, item) if isinstance(item, Draft) else item


def write_failure(error: sqlite3.Error, path: Path | None = None) -> str:
    """One sentence for a write SQLite refused; nothing was written."""
    text = str(error).lower()
    if "i/o" in text and path is not None and disk_is_full(path):
        text = "full"  # on a full disk SQLite may only say 'disk I/O error'
    if "locked" in text or "busy" in text:
        return (
            "Another program is writing to this database, so nothing was saved; "
            "try again in a moment."
        )
    if "full" in text:
        return "The disk is full, so nothing was saved; free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "This database file is read-only, so nothing was saved."
    return f"The change could not be saved ({error}); nothing was written."
