"""The session: every write is one transaction, and undo leaves the file exactly as it was."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.drafts import Draft, NewPlace, NewSource, NewState
from desktop_app.domain.records import Commitment, Event, Place, Source, StatusUpdate
from desktop_app.session import Session
from desktop_app.store import records
from desktop_app.store.errors import StoreError
from desktop_app.store.sample import load_sample
from tests.dump import fts_matches, full_dump


@pytest.fixture
def session(db_path):
    opened = Session.open(db_path)
    load_sample(opened.db)
    yield opened
    opened.close()


def _new_commitment_draft() -> Draft:
    return Draft(
        Commitment(title="Reopen the Taftan crossing", made_on="2024-03-01", category="economic"),
        actors=((NewState("AFG"), "promisor"), (NewState("IRN"), "beneficiary")),
        places=(NewPlace(Place(name="Taftan", country_iso3="PAK")),),
    )


def test_a_new_commitment_with_new_party_and_place_is_undone_without_a_trace(session):
    before = full_dump(session.db)
    commitment_id, undo = session.add(_new_commitment_draft())
    stored = records.get(session.db, Commitment, commitment_id)
    afghanistan = session.db.execute("SELECT id FROM actors WHERE iso3 = 'AFG'").fetchone()
    assert afghanistan is not None and (afghanistan[0], "promisor") in stored.parties
    assert fts_matches(session.db, "Taftan")["commitments"] == [commitment_id]
    redo = session.revert(undo)
    assert full_dump(session.db) == before
    assert fts_matches(session.db, "Taftan")["commitments"] == []
    session.revert(redo)
    again = records.get(session.db, Commitment, commitment_id)
    assert again == stored  # same id, same UUID, same links


def test_a_status_update_with_a_new_source_is_undone_with_its_source(session):
    commitment_id = session.db.execute("SELECT MIN(id) FROM commitments").fetchone()[0]
    before = full_dump(session.db)
    _, undo = session.add(
        Draft(
            StatusUpdate(commitment_id=commitment_id, date="2024-05-01", status="stalled"),
            source=NewSource(Source(title="example.org", url="https://example.org/a")),
        )
    )
    assert (
        session.db.execute(
            "SELECT COUNT(*) FROM sources WHERE url = 'https://example.org/a'"
        ).fetchone()[0]
        == 1
    )
    session.revert(undo)
    assert full_dump(session.db) == before


def test_an_edit_and_a_delete_are_undone_exactly(session):
    event_id = session.db.execute("SELECT MIN(id) FROM events").fetchone()[0]
    before = full_dump(session.db)
    original = records.get(session.db, Event, event_id)
    changed = Draft(
        Event(date=original.date, kind="meeting", title="Renamed meeting"),
        actors=((NewState("CHN"), "participant"),),
        places=(NewPlace(Place(name="Gwadar", country_iso3="PAK")),),
    )
    undo_edit = session.update(event_id, changed)
    assert records.get(session.db, Event, event_id).title == "Renamed meeting"
    undo_delete = session.set_deleted(Event, event_id)
    session.revert(undo_delete)
    session.revert(undo_edit)
    assert full_dump(session.db) == before


def test_a_refused_change_writes_nothing(session):
    before = full_dump(session.db)
    draft = Draft(
        Commitment(title="Bad party", made_on="2024-03-01"),
        actors=((NewState("AFG"), "promisor"), (NewState("XXX"), "promisor")),
    )
    with pytest.raises(StoreError):
        session.add(draft)
    assert full_dump(session.db) == before


def test_a_write_locked_by_another_program_is_one_sentence_and_writes_nothing(session, db_path):
    session.db.conn.execute("PRAGMA busy_timeout = 50")
    before = full_dump(session.db)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="Another program is writing"):
            session.add(_new_commitment_draft())
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert full_dump(session.db) == before


def test_the_change_log_stays_on_this_connection(session, db_path):
    # the triggers are temporary: another connection writes without logging, and the file
    # itself holds no trigger of ours beyond its schema
    assert (
        session.db.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'log_%'"
        ).fetchone()[0]
        == 0
    )
    worker = session.worker_connection()
    try:
        records.add(worker, Place(name="Quetta"))
    finally:
        worker.close()
    assert session.db.execute("SELECT COUNT(*) FROM temp.change_log").fetchone()[0] == 0


def test_a_whole_file_step_is_undone_from_a_copy_and_redone(session):
    before = full_dump(session.db)
    copy_before = session.new_snapshot_path()
    worker = session.worker_connection()
    try:  # another connection copies, then writes, as an import on a worker does
        Session.copy_to(worker, copy_before)
        records.add(worker, Place(name="Imported place"))
    finally:
        worker.close()
    after = full_dump(session.db)
    copy_after = session.new_snapshot_path()
    Session.copy_to(session.db, copy_after)
    session.restore(copy_before)
    assert full_dump(session.db) == before
    session.restore(copy_after)
    assert full_dump(session.db) == after
    folder = copy_before.parent
    session.close()
    assert not folder.exists()
    session.db = Session.open(session.path).db  # the fixture closes it again
