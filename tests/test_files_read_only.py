"""Read-only commands write nothing: an empty file stays empty, a refused file gets no -wal or
-shm beside it, and a sound file in a folder nobody may write to can still be read."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.cli import run_cli
from desktop_app.store.database import open_database, open_private_copy, open_read_only
from desktop_app.store.errors import NewerSchema, NotOurDatabase
from desktop_app.store.sample import write_sample
from desktop_app.store.schema import SCHEMA_VERSION, migrations
from tests.test_files_paths import folder_state, make_newer

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _commands(path, tmp_path, csv):
    return {
        "check": ["check", "--db", str(path)],
        "export": ["export", "--db", str(path), "--table", "events", "-o", str(tmp_path / "o.csv")],
        "export to stdout": ["export", "--db", str(path), "--table", "actors"],
        "dry run": ["import", "--db", str(path), "--table", "events", "--dry-run", str(csv)],
        "render": ["render", "--db", str(path), "--chart", "events", "-o", str(tmp_path / "o.png")],
    }


@pytest.fixture
def events_csv(tmp_path_factory):
    csv = tmp_path_factory.mktemp("input") / "events.csv"
    csv.write_text("date,kind,title\n2024-05-01,meeting,Talks in Doha\n")
    return csv


def test_a_zero_byte_file_stays_zero_bytes_under_every_read_only_command(
    tmp_path, capsys, events_csv
):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    for name, argv in _commands(path, tmp_path, events_csv).items():
        assert run_cli(argv) == 2, name
        captured = capsys.readouterr()
        assert "empty.db is empty, not a Commitment Tracker database." in captured.err, name
        assert captured.err.count("\n") == 1, name
        assert [p.name for p in tmp_path.iterdir()] == ["empty.db"], name
        assert path.stat().st_size == 0, name
        if name == "check":
            report = json.loads(captured.out)
            assert report["healthy"] is False and "is empty" in report["problem"]


def test_refusing_a_newer_wal_mode_file_leaves_nothing_beside_it(tmp_path, capsys, events_csv):
    path = tmp_path / "newer.db"
    make_newer(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    before = folder_state(tmp_path)
    assert not [name for name in before if name.endswith(("-wal", "-shm"))]
    for opener in (open_database, open_read_only, open_private_copy):
        with pytest.raises(NewerSchema):
            opener(path)
        assert folder_state(tmp_path) == before, opener.__name__
    for name, argv in _commands(path, tmp_path, events_csv).items():
        assert run_cli(argv) == 2, name
        assert "newer version" in capsys.readouterr().err, name
        assert folder_state(tmp_path) == before, name


def test_refusing_a_damaged_or_foreign_file_leaves_nothing_beside_it(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    damaged = tmp_path / "damaged.db"
    write_sample(damaged)
    data = bytearray(damaged.read_bytes())
    data[4096 * 5 : 4096 * 8] = b"\xa5" * (4096 * 3)
    damaged.write_bytes(bytes(data))
    before = folder_state(tmp_path)
    for path in (other, damaged):
        for opener in (open_database, open_read_only):
            with pytest.raises(NotOurDatabase):
                opener(path)
            assert folder_state(tmp_path) == before, (path.name, opener.__name__)


def test_read_only_opening_writes_nothing_and_does_not_migrate_an_older_file(tmp_path):
    path = tmp_path / "old.db"
    from sqlite_utils import Database

    old = Database(path)
    old.execute("PRAGMA journal_mode = WAL")
    migrations.apply(old, stop_before="0003_live_event_order")
    old.execute("PRAGMA user_version = 2")
    old.execute(
        "INSERT INTO events (uuid, created_at, updated_at, date, kind, title) "
        "VALUES ('e1', 'x', 'x', '2024-01-02', 'meeting', 'An old event')"
    )
    old.close()
    before = folder_state(tmp_path)
    db = open_read_only(path)
    try:  # a migrated private copy: today's queries work on it
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "events_live_by_date" in indexes
        assert db.execute("SELECT title FROM events").fetchone()[0] == "An old event"
    finally:
        db.close()
    as_is = open_read_only(path, as_is=True)
    assert as_is.execute("PRAGMA user_version").fetchone()[0] == 2
    as_is.close()
    # nothing was written, and no backup was made as a migration of the file would
    assert {k: v for k, v in folder_state(tmp_path).items() if k in before} == before
    assert not list(tmp_path.glob("*.bak"))


@contextmanager
def read_only_folder(tmp_path):
    """A folder holding a sample database that the reader cannot write to, and a function that
    runs a reader there: in this process (the folder is chmod 0o555), or, when the tests run
    as root (whom no mode stops), in a forked child that has become the user nobody, in a
    folder of its own under the system temporary folder (tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp()) if AS_ROOT else tmp_path / "shared"
    folder.mkdir(exist_ok=True)
    write_sample(folder / "tracker.db")

    def run(reader):
        if not AS_ROOT:
            folder.chmod(0o555)
            try:
                return _outcome(reader)
            finally:
                folder.chmod(0o755)
        folder.chmod(0o755)  # owned by root: nobody may read it, not write to it
        for child in folder.iterdir():
            child.chmod(0o644)
        return _as_nobody(reader)

    try:
        yield folder, folder / "tracker.db", run
    finally:
        if AS_ROOT:
            shutil.rmtree(folder)


def _as_nobody(reader):
    readable, writable = os.pipe()
    with warnings.catch_warnings():  # Python 3.12 warns of fork with threads; the child
        warnings.simplefilter("ignore", DeprecationWarning)  # only reads and exits
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(readable)
        try:
            os.setgid(65534)
            os.setuid(65534)
            result = _outcome(reader)
        except BaseException as error:
            result = f"raised {type(error).__name__}: {error}"
        os.write(writable, result.encode())
        os._exit(0)
    os.close(writable)
    with os.fdopen(readable) as pipe:
        result = pipe.read()
    os.waitpid(pid, 0)
    return result


def _outcome(reader) -> str:
    """What reader returned, or the exception it raised, as text."""
    try:
        return repr(reader())
    except Exception as error:
        return f"raised {type(error).__name__}: {error}"


def _count_commitments(path):
    def reader():
        db = open_read_only(path)
        try:
            return db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
        finally:
            db.close()

    return reader


def test_a_sound_file_in_a_read_only_folder_can_be_read(tmp_path):
    with read_only_folder(tmp_path) as (folder, path, run):
        assert run(_count_commitments(path)) == "7"
        assert sorted(p.name for p in folder.iterdir()) == ["tracker.db"]


def test_changes_in_a_wal_that_cannot_be_read_are_refused_not_skipped(tmp_path):
    with read_only_folder(tmp_path) as (folder, path, run):
        # the files as a writer that crashed leaves them: a change only in the -wal, no -shm
        shutil.copyfile(path, tmp_path / "main-before")
        writer = sqlite3.connect(path)
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE commitments SET title = 'changed in the log'")
        writer.commit()
        shutil.copyfile(folder / "tracker.db-wal", tmp_path / "log")
        writer.close()
        shutil.copyfile(tmp_path / "main-before", path)
        shutil.copyfile(tmp_path / "log", folder / "tracker.db-wal")
        (folder / "tracker.db-shm").unlink(missing_ok=True)
        result = run(_count_commitments(path))
        assert result.startswith("raised StoreError") and "-wal" in result, result


def test_reading_leaves_no_wal_or_shm_behind_unless_another_connection_uses_them(
    tmp_path, capsys, events_csv
):
    path = tmp_path / "tracker.db"
    write_sample(path)
    before = folder_state(tmp_path)
    for name, argv in _commands(path, tmp_path, events_csv).items():
        assert run_cli(argv) == 0, name
        (tmp_path / "o.csv").unlink(missing_ok=True)
        (tmp_path / "o.png").unlink(missing_ok=True)
        assert folder_state(tmp_path) == before, name
    capsys.readouterr()
    # another program has the file open and has written to it: its -wal is its own
    other = sqlite3.connect(path)
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("UPDATE actors SET name = name || ' (edited)'")
    other.commit()
    log = (tmp_path / "tracker.db-wal").read_bytes()
    db = open_read_only(path)
    assert db.execute("SELECT name FROM actors").fetchone()[0].endswith("(edited)")
    db.close()
    assert (tmp_path / "tracker.db-wal").read_bytes() == log
    other.execute("UPDATE actors SET name = 'after the reader closed' WHERE id = 1")
    other.commit()
    other.close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM actors WHERE id = 1").fetchone()[0] == (
        "after the reader closed"
    )
    conn.close()


def test_an_older_file_that_cannot_be_backed_up_is_refused_in_a_sentence(tmp_path, monkeypatch):
    from desktop_app.store import database as database_module

    with read_only_folder(tmp_path) as (folder, path, run):

        @migrations(name="0099_test_only_column")  # the file is now one version behind
        def _add_column(db):
            db.execute("ALTER TABLE actors ADD COLUMN nickname TEXT")

        monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
        try:
            outcome = run(lambda: open_database(path).close())
        finally:
            migrations._migrations.pop()
        left = sorted(child.name for child in folder.iterdir())
    # a sentence, not sqlite3's "unable to open database file" escaping as a crash
    assert outcome.startswith("raised StoreError: ") and "must be upgraded" in outcome
    assert left == ["tracker.db"]  # no backup, whole or partial, and no -wal or -shm
