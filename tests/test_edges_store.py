"""The edges of the store: the sentence that refuses to write over the database or one of its
files, the size at which opening stops reading every page and the row budget of the cheap
checks, a -wal holding only its header, altered schemas, seeding a new or empty file, finding a
place, single records, the status index's caching and party spans, and the counts the listings
and the health report give. Real SQLite files in tmp_path, changed byte by byte where a test
needs damage."""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct

import pytest

from desktop_app.domain.records import Actor, Commitment, Event, Place, Statistic
from desktop_app.store import database, file_check, listings, records
from desktop_app.store.database import open_database, refuse_overwriting, save_copy
from desktop_app.store.errors import NotOurDatabase, StoreError
from desktop_app.store.health import health_report
from desktop_app.store.references import find_place
from desktop_app.store.sample import open_or_seed, write_sample
from desktop_app.store.status_index import STATUSES, StatusIndex, day_number
from tests import sql_reference
from tests.builders import commitment, status
from tests.test_files_paths import folder_state

PAGE = 4096
QUICK_CHECK_LIMIT = 32 * 1024 * 1024  # files up to 32 MiB have every page checked on opening
ROW_BUDGET = 50_000  # over the limit, tables up to 50,000 rows are checked whole


# --- writing over the database or one of its files ----------------------------------------------
@pytest.mark.parametrize(
    "name, what",
    [
        ("tracker.db", "the database itself"),
        ("tracker.db-wal", "its tracker.db-wal file"),
        ("tracker.db-shm", "its tracker.db-shm file"),
        ("tracker.db-journal", "its tracker.db-journal file"),
    ],
)
def test_writing_over_the_database_or_one_of_its_files_says_which(tmp_path, name, what):
    path = write_sample(tmp_path / "tracker.db")
    output = tmp_path / name
    with pytest.raises(StoreError) as refused:
        refuse_overwriting(path, output)
    assert str(refused.value) == (
        f"{output} is {what}; writing there would destroy tracker.db, so choose another file name."
    )


def test_a_link_to_the_database_is_the_database_itself(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    os.link(path, tmp_path / "hard.db")
    (tmp_path / "soft.db").symlink_to(path)
    for output in (tmp_path / "hard.db", tmp_path / "soft.db"):
        with pytest.raises(StoreError, match="is the database itself; writing there"):
            refuse_overwriting(path, output)


def test_other_files_beside_the_database_may_be_written(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    (tmp_path / "tracker.db.bak").write_bytes(path.read_bytes())
    for name in ("copy.db", "tracker.db.bak", "tracker.db-wal2", "tracker.csv"):
        refuse_overwriting(path, tmp_path / name)  # nothing raised


def test_save_a_copy_over_the_journal_name_is_refused_but_beside_it_is_written(sample_db, tmp_path):
    source = database.database_path(sample_db)
    with pytest.raises(StoreError, match=r"its test\.db-journal file"):
        save_copy(sample_db, source.with_name("test.db-journal"))
    assert not source.with_name("test.db-journal").exists()
    save_copy(sample_db, tmp_path / "copy.db")
    copy = open_database(tmp_path / "copy.db")
    assert copy.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 7
    copy.close()


# --- the size up to which opening reads every page -----------------------------------------------
def _padded(path, size: int):
    """The sample grown with empty pages to size bytes (its header counting them), and a free
    page count beyond them: a full page check and the cheap checks each refuse it, in their own
    words."""
    write_sample(path)
    with path.open("r+b") as handle:
        handle.truncate(size)
        handle.seek(28)  # the header's count of pages
        handle.write(struct.pack(">I", size // PAGE))
        handle.seek(36)  # the header's count of free pages
        handle.write(struct.pack(">I", 100_000))
    return path


def test_a_file_of_exactly_the_limit_has_every_page_checked(tmp_path):
    path = _padded(tmp_path / "tracker.db", QUICK_CHECK_LIMIT)
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert str(refused.value).startswith(f"{path} is damaged (SQLite reports: Main freelist:")
    assert folder_state(tmp_path) == before


def test_a_file_a_page_over_the_limit_gets_the_cheap_checks(tmp_path):
    path = _padded(tmp_path / "tracker.db", QUICK_CHECK_LIMIT + PAGE)
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    pages = QUICK_CHECK_LIMIT // PAGE + 1
    assert str(refused.value) == f"{path} is damaged: it lists 100000 free pages out of {pages}."
    assert folder_state(tmp_path) == before


def test_every_page_is_checked_over_the_limit_when_asked(tmp_path):
    path = _padded(tmp_path / "tracker.db", QUICK_CHECK_LIMIT + PAGE)
    with pytest.raises(NotOurDatabase, match=r"is damaged \(SQLite reports: Main freelist"):
        open_database(path, check_every_page=True)


# --- the cheap checks ----------------------------------------------------------------------------
@pytest.fixture
def big(monkeypatch):
    monkeypatch.setattr(database, "QUICK_CHECK_LIMIT", 0)


def test_a_size_that_is_not_whole_pages_is_refused_by_the_cheap_checks(tmp_path, big):
    path = write_sample(tmp_path / "tracker.db")
    size = path.stat().st_size
    with path.open("ab") as handle:
        handle.write(b"\x00" * 100)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert str(refused.value) == (
        f"{path} is damaged: its size ({size + 100} bytes) is not a whole number of "
        f"{PAGE}-byte pages."
    )


def test_free_pages_up_to_the_page_count_pass_the_cheap_checks(tmp_path, big):
    path = write_sample(tmp_path / "tracker.db")
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[36:40] = struct.pack(">I", pages)  # wrong, but not beyond the pages: not looked at
    path.write_bytes(bytes(data))
    assert file_check.cheap_check(sqlite3.connect(path), path, []) is None
    data[36:40] = struct.pack(">I", pages + 1)
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    try:
        found = file_check.cheap_check(conn, path, [])
    finally:
        conn.close()
    assert found == f"it lists {pages + 1} free pages out of {pages}"


# --- the -wal beside the file --------------------------------------------------------------------
def _wal_header(tmp_path):
    """The 32-byte header of a real -wal of the sample (its pages' size, its checksums)."""
    other = write_sample(tmp_path / "elsewhere" / "tracker.db")
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE commitments SET title = title")
    conn.commit()
    header = other.with_name("tracker.db-wal").read_bytes()[:32]
    conn.close()
    return header


def test_a_wal_holding_only_its_header_is_accepted_and_has_no_frames(tmp_path):
    (tmp_path / "elsewhere").mkdir()
    header = _wal_header(tmp_path)
    path = write_sample(tmp_path / "tracker.db")
    wal = tmp_path / "tracker.db-wal"
    wal.write_bytes(header)
    assert len(header) == file_check.WAL_HEADER_SIZE == 32
    assert not file_check.wal_has_frames(path)
    assert file_check.wal_header_problem(wal, PAGE) is None
    db = open_database(path)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7
    db.close()
    wal.write_bytes(header + b"\x00")
    assert file_check.wal_has_frames(path)


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda h: h[:31], "tracker.db-wal is cut short (31 bytes)"),
        (lambda h: h[:1], "tracker.db-wal is cut short (1 bytes)"),
        (lambda h: b"\x00" * 32, "tracker.db-wal is not a SQLite write-ahead log"),
        (
            lambda h: h[:4] + struct.pack(">I", 3007001) + h[8:],
            "tracker.db-wal has an unknown format (3007001)",
        ),
    ],
)
def test_a_wal_header_that_is_not_this_files_log_is_refused(tmp_path, change, words):
    (tmp_path / "elsewhere").mkdir()
    header = _wal_header(tmp_path)
    shutil.rmtree(tmp_path / "elsewhere")
    path = write_sample(tmp_path / "tracker.db")
    (tmp_path / "tracker.db-wal").write_bytes(change(header))
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert str(refused.value).startswith(f"{path} is not opened because {words}; ")
    assert folder_state(tmp_path) == before


def test_an_empty_wal_is_nothing_to_replay(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    wal = tmp_path / "tracker.db-wal"
    wal.write_bytes(b"")
    assert file_check.wal_header_problem(wal, PAGE) is None
    assert file_check.wal_header_problem(tmp_path / "none-wal", PAGE) is None
    open_database(path).close()


def test_report_lists_the_first_three_lines_and_counts_the_rest():
    lines = ["*** in database main ***", "Page 5: bad", "Page 6: bad", "Page 7: bad", "x"]
    assert file_check.report(lines) == "; Page 5: bad; Page 6: bad; and 2 more"
    assert file_check.report(["ok"]) == "ok"
    assert file_check.report(["a", "b", "c"]) == "a; b; c"


# --- a new, an empty, and an existing file -------------------------------------------------------
def test_a_missing_file_is_created_with_the_sample(tmp_path):
    path = tmp_path / "new" / "folder" / "tracker.db"
    db = open_or_seed(path)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7
    db.close()


def test_an_empty_file_is_seeded_with_the_sample(tmp_path):
    path = tmp_path / "tracker.db"
    path.write_bytes(b"")
    db = open_or_seed(path)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7
    db.close()


def test_an_existing_database_is_opened_as_it_is_not_seeded(tmp_path):
    path = tmp_path / "tracker.db"
    open_database(path).close()  # ours, with no records
    db = open_or_seed(path)
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 0
    db.close()
    db = open_or_seed(write_sample(tmp_path / "sample.db"))
    assert db.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == 7  # not 14
    db.close()


def test_the_sample_is_never_written_over_an_existing_file(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    before = path.read_bytes()
    with pytest.raises(StoreError) as refused:
        write_sample(path)
    assert str(refused.value) == (
        f"{path} already exists; choose a new file name for the sample database."
    )
    assert path.read_bytes() == before
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    write_sample(empty)  # an empty file is no database: the sample goes in
    assert empty.stat().st_size > 0


# --- counts in the listings ----------------------------------------------------------------------
def test_event_counts_follow_the_search_the_date_and_deletions(sample_db):
    total = listings.count_events(sample_db)
    assert total == 7 == len(listings.event_page(sample_db, limit=100))
    assert listings.count_events(sample_db, as_of="2024-01-17") == 2
    assert listings.count_events(sample_db, as_of="2000-01-01") == 0
    new = records.add(
        sample_db, Event(date="2030-01-01", kind="meeting", title="Talks in Zanzibar")
    )
    assert listings.count_events(sample_db) == total + 1
    assert listings.count_events(sample_db, "Zanzibar") == 1
    assert listings.count_events(sample_db, "Zanzibar", as_of="2029-12-31") == 0
    records.set_deleted(sample_db, Event, new, True)
    assert listings.count_events(sample_db) == total
    assert listings.count_events(sample_db, "Zanzibar") == 0


def test_statistic_counts_follow_the_date_and_deletions(db):
    first = records.add(db, Statistic(label="Displaced", value=10, period_end="2024-02-01"))
    records.add(db, Statistic(label="Returned", value=3, period_end="2024-06-01"))
    assert listings.count_statistics(db) == 2
    assert listings.count_statistics(db, "2024-03-01") == 1
    assert listings.count_statistics(db, "2024-01-01") == 0
    records.set_deleted(db, Statistic, first, True)
    assert listings.count_statistics(db) == 1
    assert [r["label"] for r in listings.statistic_page(db)] == ["Returned"]


def test_pickers_list_live_records_by_name(sample_db):
    places = listings.place_choices(sample_db)
    assert [name for _, name, _ in places] == sorted(
        (name for _, name, _ in places), key=str.casefold
    )
    events = listings.event_choices(sample_db, limit=3)
    assert len(events) == 3
    dates = [label.split(" · ")[0] for _, label in events]
    assert dates == sorted(dates, reverse=True)


# --- the health report ---------------------------------------------------------------------------
def test_the_health_report_of_the_sample_counts_its_records(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    report = health_report(path)
    assert report["healthy"] is True and report["integrity_check"] == "ok"
    assert report["foreign_key_problems"] == 0 and "problem" not in report
    assert report["counts"]["commitments"] == 7 and report["counts"]["events"] == 7
    assert report["places"] == sorted(report["places"])
    assert report["parties"] > 0


def test_the_health_report_of_a_file_with_broken_references_says_how_many(tmp_path):
    path = write_sample(tmp_path / "tracker.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE commitment_parties SET actor_id = 999990 + rowid WHERE rowid IN (1, 2)")
    conn.commit()
    conn.close()
    report = health_report(path)
    assert report["healthy"] is False and report["foreign_key_problems"] == 2
    assert report["problem"] == f"{path} has 2 reference(s) to records that do not exist."


# --- the row budget of the cheap checks --------------------------------------------------------
def _actors_table_of(path, rows: int):
    """The sample with exactly `rows` actors, and the actors table's root page scribbled over
    (its indexes, which counting its rows reads, left sound)."""
    write_sample(path)
    conn = sqlite3.connect(path)
    have = conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
    conn.execute(
        """WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO actors (uuid, created_at, updated_at, name, kind)
           SELECT 'filler-' || i, 'x', 'x', 'Filler ' || i, 'organisation' FROM n""",
        [rows - have],
    )
    conn.commit()
    assert conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0] == rows
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'actors'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * PAGE)
        handle.write(bytes(range(256)) * (PAGE // 256))
    return path


def test_a_table_of_exactly_the_row_budget_is_checked_on_opening(tmp_path, big):
    path = _actors_table_of(tmp_path / "tracker.db", ROW_BUDGET)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert str(refused.value).startswith(f"{path} is damaged")


def test_a_table_a_row_over_the_budget_is_left_to_the_full_check(tmp_path, big):
    path = _actors_table_of(tmp_path / "tracker.db", ROW_BUDGET + 1)
    open_database(path).close()  # opening stays cheap: the big table is not read
    with pytest.raises(NotOurDatabase, match=r"is damaged \(SQLite reports: "):
        open_database(path, check_every_page=True)  # what an import does before writing


# --- files another program altered ---------------------------------------------------------------
def _altered(tmp_path, script: str):
    path = write_sample(tmp_path / "tracker.db")
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.close()
    return path


def test_an_extra_table_or_view_is_refused_and_named(tmp_path):
    path = _altered(tmp_path, "CREATE TABLE notes (x); CREATE VIEW recent AS SELECT 1;")
    before = folder_state(tmp_path)
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert str(refused.value) == (
        f"{path} was altered by another program (an extra table notes; an extra view recent), "
        "so Commitment Tracker leaves it untouched."
    )
    assert folder_state(tmp_path) == before


def test_more_than_three_differences_are_counted_not_listed(tmp_path):
    path = _altered(tmp_path, "".join(f"CREATE TABLE extra_{n} (x);" for n in range(1, 6)))
    with pytest.raises(NotOurDatabase) as refused:
        open_database(path)
    assert (
        "(an extra table extra_1; an extra table extra_2; an extra table extra_3; and 2 more)"
        in str(refused.value)
    )


# --- finding a place -----------------------------------------------------------------------------
def test_a_place_named_alone_matches_its_exact_twin_before_an_older_namesake(db):
    older = records.add(db, Place(name="Quetta", country_iso3="PAK", latitude=30.2, longitude=67))
    bare = records.add(db, Place(name="Quetta"))
    assert find_place(db, Place(name="Quetta")) == bare
    assert find_place(
        db, Place(name="Quetta", country_iso3="PAK", latitude=30.2, longitude=67)
    ) == (older)
    records.set_deleted(db, Place, bare, True)
    assert find_place(db, Place(name="Quetta")) == older  # a name alone: the oldest live one


def test_a_place_with_a_country_or_coordinates_matches_only_its_exact_twin(db):
    records.add(db, Place(name="Quetta"))
    assert find_place(db, Place(name="Quetta", country_iso3="PAK")) is None
    assert find_place(db, Place(name="Quetta", latitude=30.2, longitude=67)) is None
    assert find_place(db, Place(name="Panjgur")) is None


# --- the status index ----------------------------------------------------------------------------
def test_a_day_number_is_read_from_a_date_or_the_date_of_a_timestamp():
    assert day_number("2024-01-29") == 20240129
    assert day_number("2024-01-29T23:59:59+00:00") == 20240129


def test_counts_for_a_filter_do_not_stand_in_for_the_unfiltered_counts(db):
    first = commitment(db, "First", "2024-01-10")
    second = commitment(db, "Second", "2024-01-12", parties=("IRN",))
    status(db, first, "2024-02-01", "fulfilled")
    status(db, second, "2024-02-01", "broken")
    index = StatusIndex.load(db)
    days = ["2024-01-31", "2024-03-01"]
    only_first = index.positions_of([first])
    filtered = index.counts_over_days(days, only_first)
    whole = index.counts_over_days(days)
    again = index.counts_over_days(days, only_first)
    named = [dict(zip(STATUSES, row.tolist(), strict=True)) for row in whole]
    assert named[0]["not_rated"] == 2 and named[1]["fulfilled"] == named[1]["broken"] == 1
    assert filtered.sum(axis=1).tolist() == [1, 1] and (again == filtered).all()
    assert (whole == StatusIndex.load(db).counts_over_days(days)).all()


def test_a_party_with_no_update_of_its_own_yet_is_not_rated_then_agrees(db):
    """Two promisors, each with an update of its own on a different day: before the first
    promisor's update it stands not rated, whatever it says later."""

    made = commitment(db, "Reopen the crossing", "2024-01-01", parties=("PAK", "IRN"))
    status(db, made, "2024-01-10", "in_progress", party="IRN")
    status(db, made, "2024-01-20", "in_progress", party="PAK")
    index = StatusIndex.load(db)
    seen = {}
    for day in ("2024-01-05", "2024-01-10", "2024-01-15", "2024-01-20", "2024-01-25"):
        code = int(index.statuses_on(day)[0])
        seen[day] = STATUSES[code]
        assert seen[day] == sql_reference.statuses_as_of(db, day)[made], day
    assert seen["2024-01-25"] == "in_progress"
    assert seen["2024-01-15"] != "in_progress"  # PAK has said nothing yet


# --- single records -------------------------------------------------------------------------------
def test_a_record_that_is_gone_cannot_be_read_or_updated(db):
    missing = 999
    with pytest.raises(StoreError) as unread:
        records.get(db, Event, missing)
    assert str(unread.value) == "That record (id 999) no longer exists."
    with pytest.raises(StoreError) as unwritten:
        records.update(db, missing, Event(date="2024-01-01", kind="meeting", title="Talks"))
    assert str(unwritten.value) == "That record (id 999) no longer exists."
    assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == 0


def test_a_uuid_is_kept_when_given_and_made_when_not(db):
    given = Event(date="2024-01-01", kind="meeting", title="Talks", uuid="u-given")
    made = Event(date="2024-01-02", kind="meeting", title="More talks")
    first, second = records.add(db, given), records.add(db, made)
    assert given.uuid == "u-given" and len(made.uuid) == 36 and made.uuid != given.uuid
    assert records.id_for_uuid(db, Event, "u-given") == first
    assert records.id_for_uuid(db, Event, made.uuid) == second
    records.set_deleted(db, Event, first, True)
    assert records.id_for_uuid(db, Event, "u-given") == first  # deleted ones are found too
    assert records.id_for_uuid(db, Event, "u-unknown") is None


def test_deleting_and_restoring_marks_and_clears_the_record(db):
    event = records.add(db, Event(date="2024-01-01", kind="meeting", title="Talks"))
    records.set_deleted(db, Event, event, True)
    assert db.execute("SELECT deleted_at FROM events").fetchone()[0] is not None
    assert listings.count_events(db) == 0
    records.set_deleted(db, Event, event, False)
    assert db.execute("SELECT deleted_at FROM events").fetchone()[0] is None
    assert listings.count_events(db) == 1


def test_a_state_actor_is_found_by_its_code_written_any_way(db):
    pakistan = records.state_actor(db, "PAK")
    assert records.state_actor(db, " pak ") == pakistan
    assert db.execute("SELECT name, kind, iso3 FROM actors").fetchall() == [
        ("Pakistan", "state", "PAK")
    ]
    with pytest.raises(StoreError) as refused:
        records.state_actor(db, "XYZ")
    assert str(refused.value) == "'XYZ' is not an ISO 3166-1 alpha-3 country code."
    records.set_deleted(db, Actor, pakistan, True)
    assert records.state_actor(db, "PAK") != pakistan  # a deleted one is not brought back


def test_an_update_replaces_the_links_in_their_new_order(db):
    pak, irn, afg = (records.state_actor(db, c) for c in ("PAK", "IRN", "AFG"))
    made = records.add(
        db,
        Commitment(
            title="Talks", made_on="2024-01-01", parties=((pak, "promisor"), (irn, "promisor"))
        ),
    )
    changed = records.get(db, Commitment, made)
    changed.parties = ((afg, "guarantor"), (pak, "promisor"))
    records.update(db, made, changed)
    assert records.get(db, Commitment, made).parties == ((afg, "guarantor"), (pak, "promisor"))
