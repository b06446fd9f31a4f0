"""Merging a colleague's file: the preview's words, what is written, and the files refused."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3

import pytest

from desktop_app.domain.records import Place, Source
from desktop_app.session.merging import merge_from_file, plan_from_file
from desktop_app.store import database as database_module
from desktop_app.store import records
from desktop_app.store.database import open_database
from desktop_app.store.errors import NewerSchema, StoreError
from desktop_app.store.schema import SCHEMA_VERSION, migrations
from tests.builders import commitment, status

LATER = "2030-01-01T00:00:00+00:00"


@pytest.fixture
def shared(tmp_path):
    """mine.db and theirs.db, copies of one file holding one commitment with a status."""
    db = open_database(tmp_path / "mine.db")
    record_id = commitment(db, "Activate joint border markets", deadline="2024-06-30")
    status(db, record_id, "2024-02-01", "in_progress")
    db.close()
    shutil.copy(tmp_path / "mine.db", tmp_path / "theirs.db")
    return tmp_path / "mine.db", tmp_path / "theirs.db"


def _edit(path, sql, params=()):
    db = open_database(path)
    db.execute(sql, list(params))
    db.close()


def test_the_preview_names_new_updated_and_conflicting_values(shared):
    mine, theirs = shared
    _edit(theirs, "UPDATE commitments SET deadline = '2024-09-30', updated_at = ?", [LATER])
    db = open_database(theirs)
    commitment(db, "Reopen the Taftan crossing", parties=("IRN", "PAK"))
    db.close()
    db = open_database(mine)
    plan = plan_from_file(db, theirs)
    # the new commitment and the actor Iran (Pakistan is shared)
    assert (plan.added, plan.updated, len(plan.conflicts)) == (2, 1, 1)
    assert plan.summary() == (
        "2 new, 1 updated, 1 conflict: 'Deadline of Activate joint border markets': "
        "yours 2024-06-30, theirs 2024-09-30 (theirs is newer)."
    )
    assert db.execute("SELECT deadline FROM commitments").fetchone()[0] == "2024-06-30"
    merge_from_file(db, theirs)
    assert db.execute("SELECT deadline FROM commitments WHERE id = 1").fetchone()[0] == "2024-09-30"
    logged = db.execute("SELECT field, kept_value, lost_value, kept_side FROM merge_conflicts")
    assert logged.fetchall() == [("deadline", '"2024-09-30"', '"2024-06-30"', "theirs")]
    db.close()


def test_the_newer_side_wins_either_way_and_the_loser_is_kept(shared):
    mine, theirs = shared
    _edit(mine, "UPDATE commitments SET title = 'Mine, later', updated_at = ?", [LATER])
    _edit(theirs, "UPDATE commitments SET title = 'Theirs, earlier'")
    db = open_database(mine)
    plan = merge_from_file(db, theirs)
    assert plan.updated == 0 and plan.conflicts[0].winner == "yours"
    assert db.execute("SELECT title FROM commitments").fetchone()[0] == "Mine, later"
    lost = db.execute("SELECT lost_value FROM merge_conflicts").fetchone()[0]
    assert json.loads(lost) == "Theirs, earlier"
    db.close()


def test_a_soft_delete_is_a_change_like_any_other(shared):
    mine, theirs = shared
    _edit(theirs, "UPDATE commitments SET deleted_at = ?, updated_at = ?", [LATER, LATER])
    db = open_database(mine)
    merge_from_file(db, theirs)
    assert db.execute("SELECT deleted_at FROM commitments").fetchone()[0] == LATER
    db.close()


def test_status_updates_are_history_so_both_sides_are_kept(shared):
    mine, theirs = shared
    db = open_database(mine)
    status(db, 1, "2024-03-01", "stalled")
    db.close()
    db = open_database(theirs)
    status(db, 1, "2024-04-01", "fulfilled")
    db.close()
    db = open_database(mine)
    merge_from_file(db, theirs)
    history = db.execute("SELECT date, status FROM status_updates ORDER BY date").fetchall()
    assert history == [
        ("2024-02-01", "in_progress"),
        ("2024-03-01", "stalled"),
        ("2024-04-01", "fulfilled"),
    ]
    db.close()


def test_the_same_place_made_on_both_sides_is_not_duplicated(shared):
    mine, theirs = shared
    for path in shared:
        db = open_database(path)
        place_id = records.add(db, Place(name="Zahidan", country_iso3="IRN"))
        db.execute("INSERT INTO commitment_places VALUES (1, ?)", [place_id])
        db.close()
    db = open_database(mine)
    merge_from_file(db, theirs)
    assert db.execute("SELECT COUNT(*) FROM places").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM commitment_places").fetchone()[0] == 1
    db.close()


def test_a_newer_file_is_refused_in_one_sentence_and_mine_is_untouched(shared):
    mine, theirs = shared
    with sqlite3.connect(theirs) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('commitment_tracker', '9999_from_the_future', 'later')"
        )
    conn.close()
    db = open_database(mine)
    with pytest.raises(NewerSchema, match="newer version"):
        merge_from_file(db, theirs)
    assert db.execute("SELECT COUNT(*) FROM merges").fetchone()[0] == 0
    db.close()


def test_the_open_file_itself_is_refused(shared):
    mine, _theirs = shared
    db = open_database(mine)
    with pytest.raises(StoreError, match="being merged into"):
        plan_from_file(db, mine)
    db.close()


def test_an_older_file_is_merged_from_a_migrated_copy_and_left_as_it_was(tmp_path, monkeypatch):
    last = migrations._migrations.pop()  # a file of the version before this one
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION - 1)
    try:
        old = open_database(tmp_path / "old.db")
        commitment(old, "From the old file")
        old.close()
    finally:
        migrations._migrations.append(last)
        monkeypatch.undo()
    digest = hashlib.sha256((tmp_path / "old.db").read_bytes()).hexdigest()
    db = open_database(tmp_path / "mine.db")
    plan = merge_from_file(db, tmp_path / "old.db")
    assert plan.added == 2  # the commitment and its party
    assert db.execute("SELECT title FROM commitments").fetchone()[0] == "From the old file"
    db.close()
    assert hashlib.sha256((tmp_path / "old.db").read_bytes()).hexdigest() == digest


def test_an_older_file_has_the_same_id_in_every_upgraded_copy(tmp_path, monkeypatch):
    from desktop_app.store.database import open_private_copy

    last = migrations._migrations.pop()
    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION - 1)
    try:
        old = open_database(tmp_path / "old.db")
        commitment(old, "From the old file")
        old.close()
    finally:
        migrations._migrations.append(last)
        monkeypatch.undo()
    ids = set()
    for _ in range(2):  # one private copy for each merge: the tie-break must not change
        copy = open_private_copy(tmp_path / "old.db")
        ids.add(copy.execute("SELECT file_id FROM file_identity").fetchone()[0])
        copy.close()
    new_ids = set()
    for name in ("new1.db", "new2.db"):
        db = open_database(tmp_path / name)
        new_ids.add(db.execute("SELECT file_id FROM file_identity").fetchone()[0])
        db.close()
    assert len(ids) == 1 and len(new_ids) == 2


def test_a_column_and_a_link_table_added_later_merge_without_new_code(shared, monkeypatch):
    mine, theirs = shared

    @migrations(name="0099_test_only_priority_and_watchers")
    def _later(db):
        db.execute("ALTER TABLE commitments ADD COLUMN priority INTEGER")
        db.execute(
            """CREATE TABLE commitment_watchers (
               commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
               actor_id INTEGER NOT NULL REFERENCES actors(id),
               PRIMARY KEY (commitment_id, actor_id))"""
        )
        # rows of their own number but no uuid: merged with the record they belong to
        db.execute(
            """CREATE TABLE source_snapshots (id INTEGER PRIMARY KEY,
               source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
               body TEXT NOT NULL)"""
        )

    monkeypatch.setattr(database_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    try:
        db = open_database(theirs)
        iran = records.state_actor(db, "IRN")
        db.execute("UPDATE commitments SET priority = 1, updated_at = ?", [LATER])
        db.execute("INSERT INTO commitment_watchers VALUES (1, ?)", [iran])
        source = records.add(db, Source(title="Joint statement", url="https://example.org/s"))
        db.execute(
            "INSERT INTO source_snapshots (id, source_id, body) VALUES (7, ?, 'text')", [source]
        )
        db.close()
        db = open_database(mine)
        own = records.add(db, Source(title="Own notes"))
        db.execute(
            "INSERT INTO source_snapshots (id, source_id, body) VALUES (7, ?, 'mine')", [own]
        )
        merge_from_file(db, theirs)
        assert db.execute("SELECT priority FROM commitments").fetchone()[0] == 1
        watchers = db.execute(
            """SELECT a.iso3 FROM commitment_watchers w JOIN actors a ON a.id = w.actor_id"""
        ).fetchall()
        assert watchers == [("IRN",)]
        snapshots = db.execute(
            "SELECT s.url, n.body FROM source_snapshots n JOIN sources s ON s.id = n.source_id"
        ).fetchall()
        assert set(snapshots) == {(None, "mine"), ("https://example.org/s", "text")}
        db.close()
    finally:
        migrations._migrations.pop()


def test_a_cancelled_merge_writes_nothing(shared):
    from desktop_app.exchange.merge import MergeCancelled
    from tests.dump import full_dump

    mine, theirs = shared
    _edit(theirs, "UPDATE commitments SET deadline = '2024-09-30', updated_at = ?", [LATER])
    db = open_database(mine)
    before = full_dump(db)
    calls = []

    def cancel_at_the_last_table(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total

    with pytest.raises(MergeCancelled):
        merge_from_file(db, theirs, cancel_at_the_last_table)
    assert full_dump(db) == before
    assert calls[-1][0] == calls[-1][1] and len(calls) == calls[-1][1]
    db.close()


def test_links_to_nothing_in_a_file_written_without_foreign_keys_are_left_out(tmp_path):
    theirs = tmp_path / "theirs.db"
    db = open_database(theirs)
    record_id = commitment(db, "Open the crossing")
    db.close()
    with sqlite3.connect(theirs) as conn:  # foreign keys are off in a plain connection
        conn.execute("INSERT INTO commitment_parties VALUES (?, 999, 'guarantor')", [record_id])
        conn.execute("UPDATE commitments SET origin_event_id = 999")
    conn.close()
    db = open_database(tmp_path / "mine.db")
    plan = merge_from_file(db, theirs)
    assert plan.added == 2  # the commitment and its one real party
    assert db.execute("SELECT origin_event_id FROM commitments").fetchone() == (None,)
    assert db.execute("SELECT COUNT(*) FROM commitment_parties").fetchone()[0] == 1
    db.close()


def test_files_too_large_to_compare_in_memory_are_refused_in_one_sentence(shared, monkeypatch):
    from desktop_app.exchange import merge

    mine, theirs = shared
    monkeypatch.setattr(merge, "MOST_RECORDS", 5)  # each file holds 3: a commitment, its
    db = open_database(mine)  # party and its status
    with pytest.raises(StoreError, match="hold 6 records together; this version merges up to 5"):
        merge_from_file(db, theirs)
    assert db.execute("SELECT COUNT(*) FROM merges").fetchone()[0] == 0
    db.close()
