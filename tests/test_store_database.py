"""Opening files: new, migrated with a backup, and refused (left untouched) when not ours."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.store.database import open_database, save_copy, schema_version
from desktop_app.store.errors import NewerSchema, NotOurDatabase, StoreError
from desktop_app.store.schema import SCHEMA_VERSION


def test_new_database_has_schema_wal_and_foreign_keys(db_path):
    db = open_database(db_path)
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"commitments", "events", "status_updates", "commitments_fts"} <= set(db.table_names())
    db.close()


def test_reopening_applies_nothing_and_makes_no_backup(db_path, tmp_path):
    open_database(db_path).close()
    open_database(db_path).close()
    assert not list(tmp_path.glob("*.bak"))


def _assert_refused_untouched(path, error_type, words):
    before = path.read_bytes()
    with pytest.raises(error_type) as caught:
        open_database(path)
    assert words in str(caught.value)
    assert str(caught.value).count(".") >= 1 and "\n" not in str(caught.value)
    assert path.read_bytes() == before


def test_text_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n")
    _assert_refused_untouched(path, NotOurDatabase, "not a SQLite file")


def test_damaged_database_is_refused_and_untouched(db_path, sample_db):
    sample_db.close()
    data = bytearray(db_path.read_bytes())
    # keep the header valid, scribble over the pages that follow it
    data[100 : 4096 * 3] = b"\xff" * (4096 * 3 - 100)
    db_path.write_bytes(bytes(data))
    _assert_refused_untouched(db_path, NotOurDatabase, "damaged")


def test_other_programs_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    _assert_refused_untouched(path, NotOurDatabase, "another program")


def test_newer_schema_is_refused_and_untouched(db_path):
    open_database(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('commitment_tracker', '9999_from_the_future', 'later')"
        )
    conn.close()
    _assert_refused_untouched(db_path, NewerSchema, "newer version")


def test_older_database_is_backed_up_before_migrating(db_path, tmp_path, monkeypatch):
    from desktop_app.store import database as database_module
    from desktop_app.store.schema import migrations

    open_database(db_path).close()
    original = db_path.read_bytes()

    # A second migration, as a future release would add one.
    @migrations(name="0002_test_only_column")
    def _add_column(db):
        db.execute("ALTER TABLE actors ADD COLUMN nickname TEXT")

    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    try:
        db = open_database(db_path)
        assert "nickname" in db.table("actors").columns_dict
        db.close()
    finally:
        migrations._migrations.pop()
    backups = list(tmp_path.glob(f"test.db.v{SCHEMA_VERSION}-*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(actors)")]
    conn.close()
    assert "nickname" not in columns
    assert len(original) > 0


def test_folder_is_refused(tmp_path):
    with pytest.raises(StoreError, match="folder"):
        open_database(tmp_path)


def test_save_copy_writes_a_database_with_the_same_rows(sample_db, tmp_path):
    target = tmp_path / "copy.db"
    save_copy(sample_db, target)
    copy = open_database(target)
    assert copy.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7
    copy.close()


def test_date_queries_on_events_use_the_live_index_and_nothing_slows_inserts_for_nothing(db):
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_live_by_date" in indexes
    assert not {"events_date", "events_kind_date"} & indexes
    plan = db.execute(
        """EXPLAIN QUERY PLAN SELECT date, kind, title FROM events WHERE deleted_at IS NULL
           AND date BETWEEN '2024-01-01' AND '2024-12-31' ORDER BY date LIMIT 10"""
    ).fetchall()
    assert "events_live_by_date" in " ".join(str(row[3]) for row in plan)


def test_the_window_upgrades_an_older_file_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    from desktop_app.store import database as database_module
    from desktop_app.store.sample import write_sample
    from desktop_app.store.schema import migrations
    from desktop_app.ui.main_window import MainWindow

    path = write_sample(tmp_path / "old.db")
    on_gui_thread = []

    @migrations(name="0099_test_only_column")  # as a future release would add one
    def _add_column(db):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        db.execute("ALTER TABLE actors ADD COLUMN nickname TEXT")

    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    try:
        window = MainWindow(path)
        qtbot.addWidget(window)
        assert on_gui_thread == [False]  # the backup and migration ran on a worker
        assert "nickname" in window.db.table("actors").columns_dict
        assert window.commitment_model.rowCount() == 7
    finally:
        migrations._migrations.pop()
    assert len(list(tmp_path.glob(f"old.db.v{SCHEMA_VERSION}-*.bak"))) == 1
