"""The session at its edges: New from article with two meetings, only a statistic, an early
deadline; drafts that clear a place or repeat a party; noticing another connection's commit;
copies with progress; the sentences for refused writes."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from desktop_app.domain.drafts import Draft, NewPlace, NewSource, NewState
from desktop_app.domain.records import Commitment, Event, Place, Source, Statistic
from desktop_app.extract.extractor import Candidate
from desktop_app.session import Change, Session, write_failure
from desktop_app.session.article import ArticlePlan, ChosenCandidate
from desktop_app.session.session import COPY_STEP_PAGES, CopyCancelled
from desktop_app.store import records
from desktop_app.store.errors import StoreError
from tests.dump import full_dump

PUBLISHED = "2024-05-15"


@pytest.fixture
def session(db_path):
    opened = Session.open(db_path)
    yield opened
    opened.close()


def rows(db, sql, params=()):
    return [tuple(r) for r in db.execute(sql, params).fetchall()]


def place(name, country=None, lat=None, lon=None, role="mentioned", precision="exact"):
    return {
        "name": name,
        "country": country,
        "lat": lat,
        "lon": lon,
        "precision": precision,
        "role": role,
    }


def event_candidate(title, kind, places=(), date=PUBLISHED):
    return Candidate(
        kind="event",
        sentence=f"{title}.",
        title=title,
        parties=[],
        places=list(places),
        date=date,
        event_kind=kind,
    )


def commitment_candidate(title, places=(), precision="day"):
    return Candidate(
        kind="commitment",
        sentence=f"They agreed to {title.lower()}.",
        title=title,
        parties=[],
        places=list(places),
        deadline_precision=precision,
    )


def statistic_candidate():
    return Candidate(
        kind="statistic",
        sentence="Militants carried out 1,240 attacks in the first six months of 2023.",
        title="1,240 attacks",
        parties=[],
        places=[],
        value=1240.0,
        unit="attacks",
        period_start="2023-01-01",
        period_end="2023-06-30",
        baseline_value=992,
    )


def chosen(candidate, title=None, parties=("PAK",), date=None, category="other"):
    return ChosenCandidate(candidate, title or candidate.title, list(parties), date, category)


def plan(*picked, title="Dawn"):
    return ArticlePlan(
        chosen=list(picked),
        source=Source(title=title, url="https://example.org/a", published_on=PUBLISHED),
        published=PUBLISHED,
    )


def write(session, article_plan):
    added, change = session.apply(article_plan.write)
    return added, change


def actor_codes(db, table, owner, owner_id):
    return [
        r[0]
        for r in db.execute(
            f"SELECT a.iso3 FROM {table} l JOIN actors a ON a.id = l.actor_id "
            f"WHERE l.{owner} = ? ORDER BY l.rowid",
            [owner_id],
        )
    ]


# --- New from article --------------------------------------------------------------------------


def test_two_ticked_meetings_the_commitments_come_from_the_first(session):
    talks = event_candidate("Talks in Doha", "meeting")
    signing = event_candidate("Signing in Muscat", "agreement", date="2024-05-14")
    attack = event_candidate("Gunmen attacked a bus", "attack")
    added, change = write(
        session,
        plan(
            chosen(attack),
            chosen(talks, parties=("PAK", "IRN")),
            chosen(signing, date="2024-05-13"),
            chosen(commitment_candidate("Open two border markets")),
            chosen(commitment_candidate("Build a pipeline")),
        ),
    )
    assert added == 2 and change
    events = rows(session.db, "SELECT id, title, kind, date FROM events ORDER BY id")
    assert [e[1:] for e in events] == [
        ("Gunmen attacked a bus", "attack", PUBLISHED),
        ("Talks in Doha", "meeting", PUBLISHED),
        ("Signing in Muscat", "agreement", "2024-05-13"),  # the date typed over it wins
    ]
    origins = rows(session.db, "SELECT DISTINCT origin_event_id FROM commitments")
    assert origins == [(events[1][0],)]  # the first meeting, not the attack, not the signing
    assert actor_codes(session.db, "event_actors", "event_id", events[1][0]) == ["PAK", "IRN"]
    roles = rows(session.db, "SELECT DISTINCT role FROM event_actors")
    assert roles == [("participant",)]
    # nothing was reported: no "Talks reported by" meeting
    assert len(events) == 3


def test_a_signing_alone_is_the_origin(session):
    signing = event_candidate("Signing in Muscat", "agreement")
    write(session, plan(chosen(signing), chosen(commitment_candidate("Open the road"))))
    origin = rows(
        session.db,
        "SELECT e.title FROM commitments c JOIN events e ON e.id = c.origin_event_id",
    )
    assert origin == [("Signing in Muscat",)]


def test_commitments_without_a_ticked_meeting_come_from_the_talks_reported(session):
    venue = place("Doha", "QAT", 25.2855, 51.531, role="venue")
    herat = place("Herat", "AFG", 34.348, 62.199)
    commitment = commitment_candidate("Reopen the consulate", places=[herat, venue])
    added, _ = write(
        session,
        plan(chosen(commitment, parties=("AFG", "IRN"), category="diplomatic"), title="Dawn"),
    )
    assert added == 1
    (event_id, title, kind, date, place_name) = rows(
        session.db,
        """SELECT e.id, e.title, e.kind, e.date, p.name
           FROM events e LEFT JOIN places p ON p.id = e.place_id""",
    )[0]
    assert (title, kind, date, place_name) == (
        "Talks reported by Dawn",
        "meeting",
        PUBLISHED,
        "Doha",
    )
    assert actor_codes(session.db, "event_actors", "event_id", event_id) == ["AFG", "IRN"]
    commitment_id = session.db.execute("SELECT id FROM commitments").fetchone()[0]
    stored = records.get(session.db, Commitment, commitment_id)
    assert stored.origin_event_id == event_id
    assert stored.category == "diplomatic" and stored.made_on == PUBLISHED
    assert stored.description == "They agreed to reopen the consulate."
    # the venue is where the talks were, not a place of the commitment
    assert {r[0] for r in rows(session.db, "SELECT name FROM places")} == {"Herat", "Doha"}
    place_names = [
        session.db.execute("SELECT name FROM places WHERE id = ?", [p]).fetchone()[0]
        for p in stored.place_ids
    ]
    assert place_names == ["Herat"]
    assert actor_codes(session.db, "commitment_parties", "commitment_id", commitment_id) == [
        "AFG",
        "IRN",
    ]
    assert rows(session.db, "SELECT DISTINCT role FROM commitment_parties") == [("promisor",)]


def test_the_reported_talks_take_the_venue_not_another_place(session):
    herat = place("Herat", "AFG", 34.348, 62.199)
    venue = place("Doha", "QAT", 25.2855, 51.531, role="venue")
    write(
        session,
        plan(
            chosen(commitment_candidate("Reopen the consulate", places=[herat])),
            chosen(commitment_candidate("Open the road", places=[herat, venue])),
        ),
    )
    assert rows(session.db, "SELECT p.name FROM events e JOIN places p ON p.id = e.place_id") == [
        ("Doha",)
    ]


def test_reported_talks_without_a_venue_have_no_place(session):
    herat = place("Herat", "AFG", 34.348, 62.199)
    write(session, plan(chosen(commitment_candidate("Reopen the consulate", places=[herat]))))
    assert rows(session.db, "SELECT place_id FROM events") == [(None,)]


def test_an_article_with_only_a_statistic_adds_it_and_its_source_and_no_event(session):
    added, _ = write(
        session, plan(chosen(statistic_candidate(), title="Attacks, first half of 2023"))
    )
    assert added == 0
    assert rows(session.db, "SELECT COUNT(*) FROM events") == [(0,)]
    assert rows(session.db, "SELECT COUNT(*) FROM commitments") == [(0,)]
    source_id = session.db.execute("SELECT id FROM sources").fetchone()[0]
    statistic_id = session.db.execute("SELECT id FROM statistics").fetchone()[0]
    stored = records.get(session.db, Statistic, statistic_id)
    assert (stored.label, stored.value, stored.unit) == (
        "Attacks, first half of 2023",
        1240,
        "attacks",
    )
    assert (stored.period_start, stored.period_end) == ("2023-01-01", "2023-06-30")
    assert (stored.baseline_value, stored.country_iso3, stored.source_id) == (992, "PAK", source_id)
    assert stored.method_note.startswith("Militants carried out 1,240 attacks")


def test_a_statistic_without_party_or_unit(session):
    candidate = statistic_candidate()
    candidate.unit = None
    write(session, plan(chosen(candidate, parties=())))
    statistic_id = session.db.execute("SELECT id FROM statistics").fetchone()[0]
    stored = records.get(session.db, Statistic, statistic_id)
    assert (stored.unit, stored.country_iso3) == ("", None)


def test_an_article_with_only_an_event_adds_no_talks(session):
    added, _ = write(session, plan(chosen(event_candidate("Gunmen attacked a bus", "attack"))))
    assert added == 0
    assert rows(session.db, "SELECT title FROM events") == [("Gunmen attacked a bus",)]


def test_a_deadline_before_the_publication_is_dropped_and_on_it_kept(session):
    write(
        session,
        plan(
            chosen(commitment_candidate("Before"), date="2024-05-14"),
            chosen(commitment_candidate("Same day", precision="month"), date=PUBLISHED),
            chosen(commitment_candidate("Later"), date="2024-06-30"),
            chosen(commitment_candidate("None")),
        ),
    )
    assert rows(
        session.db, "SELECT title, deadline, deadline_precision FROM commitments ORDER BY id"
    ) == [
        ("Before", None, "day"),
        ("Same day", PUBLISHED, "month"),
        ("Later", "2024-06-30", "day"),
        ("None", None, "day"),
    ]


def test_an_event_gets_its_first_place_that_is_not_the_venue(session):
    venue = place("Doha", "QAT", 25.2855, 51.531, role="venue")
    quetta = place("Quetta", "PAK", 30.1841, 67.0014)
    gwadar = place("Gwadar", "PAK", 25.1216, 62.3254)
    write(
        session,
        plan(
            chosen(event_candidate("Gunmen attacked two towns", "attack", [venue, quetta, gwadar])),
            chosen(event_candidate("Talks", "meeting", [venue])),  # only the venue: that one
            chosen(event_candidate("Nowhere", "incident")),
        ),
    )
    assert rows(
        session.db,
        """SELECT e.title, p.name, p.latitude, p.precision
           FROM events e LEFT JOIN places p ON p.id = e.place_id ORDER BY e.id""",
    ) == [
        ("Gunmen attacked two towns", "Quetta", 30.1841, "exact"),
        ("Talks", "Doha", 25.2855, "exact"),
        ("Nowhere", None, None, None),
    ]
    # only the places used were added, each once
    assert rows(session.db, "SELECT COUNT(*) FROM places") == [(2,)]


def test_places_are_found_before_they_are_created_and_parties_named_once(session):
    umm = place("Umm Sarit", precision="near")
    write(
        session,
        plan(
            chosen(commitment_candidate("Open corridors", places=[umm, umm]), parties=("SDN",)),
            chosen(commitment_candidate("Open roads", places=[umm]), parties=("SDN", "SDN")),
        ),
    )
    assert rows(session.db, "SELECT name, precision FROM places") == [("Umm Sarit", "near")]
    links = rows(session.db, "SELECT commitment_id, place_id FROM commitment_places")
    assert len(links) == 2
    assert rows(session.db, "SELECT COUNT(*) FROM commitment_parties") == [(2,)]
    assert rows(session.db, "SELECT COUNT(*) FROM actors") == [(1,)]


def test_an_article_is_undone_as_one_change(session):
    before = full_dump(session.db)
    _, change = write(
        session,
        plan(
            chosen(event_candidate("Talks in Doha", "meeting")),
            chosen(commitment_candidate("Open two border markets")),
            chosen(statistic_candidate()),
        ),
    )
    session.revert(change)
    assert full_dump(session.db) == before


# --- drafts ----------------------------------------------------------------------------------


def test_an_edit_that_clears_a_place_writes_null_and_undo_brings_it_back(session):
    event_id, _ = session.add(
        Draft(
            Event(date="2024-01-01", kind="meeting", title="Talks"),
            places=(NewPlace(Place(name="Gwadar", country_iso3="PAK")),),
        )
    )
    place_id = records.get(session.db, Event, event_id).place_id
    assert place_id is not None
    undo = session.update(
        event_id, Draft(Event(date="2024-01-01", kind="meeting", title="Talks"), places=())
    )
    assert records.get(session.db, Event, event_id).place_id is None
    session.revert(undo)
    assert records.get(session.db, Event, event_id).place_id == place_id


def test_a_statistic_draft_takes_its_first_place_and_a_new_source(session):
    gwadar = session.add(Place(name="Gwadar", country_iso3="PAK"))[0]
    statistic_id, _ = session.add(
        Draft(
            Statistic(label="Attacks", value=3),
            places=(gwadar, NewPlace(Place(name="Turbat")), gwadar),
            source=NewSource(Source(title="Dawn")),
        )
    )
    stored = records.get(session.db, Statistic, statistic_id)
    assert stored.place_id == gwadar
    source_title = session.db.execute(
        "SELECT title FROM sources WHERE id = ?", [stored.source_id]
    ).fetchone()[0]
    assert source_title == "Dawn"
    other_source = session.add(Source(title="Reuters"))[0]
    session.update(statistic_id, Draft(Statistic(label="Attacks", value=3), source=other_source))
    assert records.get(session.db, Statistic, statistic_id).source_id == other_source


def test_a_commitment_names_a_party_once_its_first_role_winning(session):
    commitment_id, _ = session.add(
        Draft(
            Commitment(title="Open the road", made_on="2024-01-01"),
            actors=(
                (NewState("PAK"), "promisor"),
                (NewState("IRN"), "beneficiary"),
                (NewState("PAK"), "guarantor"),
            ),
            places=(NewPlace(Place(name="Taftan")), NewPlace(Place(name="Taftan"))),
        )
    )
    stored = records.get(session.db, Commitment, commitment_id)
    pakistan = records.state_actor(session.db, "PAK")
    iran = records.state_actor(session.db, "IRN")
    assert stored.parties == ((pakistan, "promisor"), (iran, "beneficiary"))
    assert len(stored.place_ids) == 1


def test_an_event_may_give_an_actor_several_roles_but_each_once(session):
    event_id, _ = session.add(
        Draft(
            Event(date="2024-01-01", kind="meeting", title="Talks"),
            actors=(
                (NewState("PAK"), "host"),
                (NewState("PAK"), "participant"),
                (NewState("PAK"), "host"),
            ),
        )
    )
    code = records.state_actor(session.db, "PAK")
    assert records.get(session.db, Event, event_id).actors == (
        (code, "host"),
        (code, "participant"),
    )


def test_a_draft_without_references_keeps_the_records_own_links(session):
    pakistan = records.state_actor(session.db, "PAK")
    commitment_id, _ = session.add(
        Draft(Commitment(title="Open", made_on="2024-01-01", parties=((pakistan, "promisor"),)))
    )
    assert records.get(session.db, Commitment, commitment_id).parties == ((pakistan, "promisor"),)


# --- noticing other writers ------------------------------------------------------------------


def test_changed_elsewhere_notices_another_connections_commit_once(session, db_path):
    assert session.changed_elsewhere() is False
    assert session.changed_elsewhere() is False
    session.add(Place(name="Own write"))  # the session's own writes are not "elsewhere"
    assert session.changed_elsewhere() is False
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute(
            "INSERT INTO places (name, uuid, created_at, updated_at) "
            "VALUES ('Other', 'u-1', '2024-01-01', '2024-01-01')"
        )
    finally:
        other.close()
    assert session.changed_elsewhere() is True
    assert session.changed_elsewhere() is False
    worker = session.worker_connection()
    try:
        records.add(worker, Place(name="From a worker"))
    finally:
        worker.close()
    assert session.changed_elsewhere() is True
    assert session.changed_elsewhere() is False


# --- copies ----------------------------------------------------------------------------------


def _big_file(path) -> Database:
    """A database of small pages, so that a copy takes several steps."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA page_size = 512")
    conn.execute("CREATE TABLE blobs (data BLOB)")
    conn.execute("INSERT INTO blobs VALUES (randomblob(?))", [COPY_STEP_PAGES * 512 * 2 + 5000])
    return Database(conn)


def test_a_copy_reports_its_progress_up_to_the_total(tmp_path):
    source = _big_file(tmp_path / "big.db")
    seen = []
    try:
        total_pages = source.execute("PRAGMA page_count").fetchone()[0]
        Session.copy_to(
            source, tmp_path / "copy.db", lambda done, total: seen.append((done, total)) or True
        )
    finally:
        source.close()
    assert len(seen) >= 3
    assert all(total == total_pages for _, total in seen)
    done = [d for d, _ in seen]
    # a step every 4096 pages: every 16 MB of the app's 4 KiB pages
    assert done == sorted(done) and done[0] == 4096 == COPY_STEP_PAGES
    assert done[1] == 8192
    assert done[-1] == total_pages
    assert all(d <= total_pages for d in done)
    copy = sqlite3.connect(tmp_path / "copy.db")
    try:
        assert copy.execute("SELECT length(data) FROM blobs").fetchone()[0] > COPY_STEP_PAGES
    finally:
        copy.close()


def test_a_cancelled_copy_leaves_no_file(tmp_path):
    source = _big_file(tmp_path / "big.db")
    calls = []
    try:
        with pytest.raises(CopyCancelled):
            Session.copy_to(source, tmp_path / "copy.db", lambda d, t: calls.append(d) and False)
    finally:
        source.close()
    assert calls == [4096]
    assert not (tmp_path / "copy.db").exists()


def test_a_copy_that_cannot_be_written_says_where(session, tmp_path):
    target = tmp_path / "no such folder" / "copy.db"
    with pytest.raises(StoreError) as raised:
        Session.copy_to(session.db, target)
    assert str(raised.value).startswith(f"The copy could not be written to {target}: ")
    assert not target.exists()


def test_snapshots_live_in_a_new_cache_folder_and_go_at_close(db_path, tmp_path, monkeypatch):
    cache = tmp_path / "fresh" / "home" / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    opened = Session.open(db_path)
    first = opened.new_snapshot_path()
    second = opened.new_snapshot_path()
    assert (first.name, second.name) == ("copy-1.db", "copy-2.db")
    assert first.parent == second.parent and first.parent.is_dir()
    assert cache in first.parents and first.parent.name.startswith("undo-")
    opened.close()
    assert not first.parent.exists()


def test_a_snapshot_that_cannot_be_read_is_refused_in_a_sentence(session, tmp_path):
    with pytest.raises(StoreError) as raised:
        session.restore(tmp_path / "missing.db")
    assert "nothing was written" in str(raised.value)


# --- refused writes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message, sentence",
    [
        ("database is locked", "Another program is writing to this database"),
        ("database table is locked", "Another program is writing to this database"),
        ("database is busy", "Another program is writing to this database"),
        ("database or disk is full", "The disk is full, so nothing was saved"),
        ("attempt to write a readonly database", "This database file is read-only"),
        ("read-only file system", "This database file is read-only"),
        ("disk I/O error", "The change could not be saved (disk I/O error); nothing was written."),
        ("no such table: x", "The change could not be saved (no such table: x)"),
    ],
)
def test_a_refused_write_is_one_sentence(message, sentence, tmp_path):
    error = sqlite3.OperationalError(message)
    assert write_failure(error).startswith(sentence)
    # a disk with room: an I/O error is not put down to a full disk
    assert write_failure(error, tmp_path / "x.db").startswith(sentence)


def test_a_change_is_true_only_with_statements(session):
    assert not Change(())
    assert Change(("DELETE FROM main.places WHERE rowid = 1",))
    _, change = session.apply(lambda db: None)
    assert change == Change(())
    _, change = session.apply(lambda db: records.add(db, Place(name="Quetta")))
    assert len(change.statements) == 1 and change.statements[0].startswith("DELETE FROM")


def test_an_event_without_a_date_is_dated_by_the_article_and_a_place_without_precision_exact(
    session,
):
    gwadar = place("Gwadar", "PAK", 25.1216, 62.3254, precision=None)
    write(session, plan(chosen(event_candidate("Talks", "meeting", [gwadar], date=None))))
    assert rows(
        session.db,
        "SELECT e.date, p.precision FROM events e JOIN places p ON p.id = e.place_id",
    ) == [(PUBLISHED, "exact")]


def test_a_meeting_ticked_after_the_commitments_is_still_their_origin(session):
    write(
        session,
        plan(
            chosen(commitment_candidate("Open the road")),
            chosen(statistic_candidate()),
            chosen(event_candidate("Talks in Doha", "meeting")),
        ),
    )
    assert rows(session.db, "SELECT title FROM events") == [("Talks in Doha",)]
    assert rows(
        session.db,
        "SELECT e.title FROM commitments c JOIN events e ON e.id = c.origin_event_id",
    ) == [("Talks in Doha",)]
