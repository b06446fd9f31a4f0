"""Small random databases for the merge tests: a shared history, then each colleague's own
edits, with stamps drawn from a few seconds so that ties between versions are common.

As in the app, an edit is stamped later than the version it replaces (never earlier, never in
the same second): two files then tie only on versions made apart, which the file id decides."""

from __future__ import annotations

import random
import shutil
import sqlite3
import uuid
from pathlib import Path

from desktop_app.domain.records import Commitment, Event, Place, Source, StatusUpdate
from desktop_app.store import records
from desktop_app.store.database import open_database

STAMPS = [f"2099-05-01T10:00:0{n}+00:00" for n in range(6)]  # later than the clock
RECORD_TABLES = ("actors", "places", "sources", "events", "commitments", "status_updates")
TITLES = ["Open the crossing", "Free the prisoners", "Hold a ceasefire"]
COUNTRIES = ["PAK", "IRN", "AFG"]
PLACES = [("Zahidan", "IRN"), ("Quetta", "PAK"), ("Herat", "AFG")]
URLS = ["https://news.example/a", "https://news.example/b"]
DATES = ["2024-01-10", "2024-02-01", "2024-03-15"]
DEADLINES = ["2024-06-30", "2024-09-30"]  # after every date made
STATUSES = ["in_progress", "stalled", "fulfilled", "broken"]


def make_template(folder: Path) -> Path:
    """An empty database of the current schema, copied for each file of a test."""
    path = folder / "template.db"
    open_database(path).close()
    return path


def copy_file(source: Path, target: Path, rng: random.Random | None = None) -> Path:
    """A copy of a file, as a colleague makes one; with rng, it may get its own file id (a file
    made anew or upgraded has one; a plain copy shares the original's)."""
    shutil.copy(source, target)
    if rng is not None and rng.random() < 0.7:
        conn = sqlite3.connect(target)
        with conn:
            new_id = str(uuid.UUID(int=rng.getrandbits(128)))
            conn.execute("UPDATE file_identity SET file_id = ?", [new_id])
        conn.close()
    return target


def edit_file(path: Path, rng: random.Random, steps: int) -> None:
    """steps random edits; the UUIDs of the records made are drawn from rng too, so that a
    seed gives the same files every time (hypothesis can then shrink and replay a failure)."""
    db = open_database(path)
    # one transaction, not synced to the disk: this is test data (each record is still
    # written through the store, in a savepoint of its own)
    db.execute("PRAGMA synchronous = OFF")
    random_uuid = records.new_uuid
    records.new_uuid = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))
    try:
        with db.conn:
            db.execute("BEGIN")
            for _ in range(steps):
                rng.choice(_STEPS)(db, rng)
                _stamp_new(db, rng)
    finally:
        records.new_uuid = random_uuid
        db.close()


def _stamp_new(db, rng: random.Random) -> None:
    """Records this step made (the store stamps them with the clock) get a stamp of STAMPS."""
    for table in RECORD_TABLES:
        made = db.execute(f"SELECT id FROM {table} WHERE updated_at < ?", [STAMPS[0]]).fetchall()
        for (record_id,) in made:
            stamp = rng.choice(STAMPS)
            db.execute(
                f"UPDATE {table} SET created_at = ?, updated_at = ? WHERE id = ?",
                [stamp, stamp, record_id],
            )


def _later(db, table: str, record_id: int, rng: random.Random) -> str | None:
    """A stamp later than the record's, for an edit of it (None: no later one is left)."""
    current = db.execute(f"SELECT updated_at FROM {table} WHERE id = ?", [record_id]).fetchone()
    later = [s for s in STAMPS if s > current[0]]
    return rng.choice(later) if later else None


def _set_stamp(db, table: str, record_id: int, stamp: str) -> None:
    db.execute(f"UPDATE {table} SET updated_at = ? WHERE id = ?", [stamp, record_id])


def _live(db, table: str) -> list[int]:
    return [r[0] for r in db.execute(f"SELECT id FROM {table} WHERE deleted_at IS NULL")]


def _place(db, rng) -> int:
    name, country = rng.choice(PLACES)
    row = db.execute(
        "SELECT id FROM places WHERE name = ? AND country_iso3 = ? AND deleted_at IS NULL",
        [name, country],
    ).fetchone()
    return row[0] if row else records.add(db, Place(name=name, country_iso3=country))


def _source(db, rng) -> int:
    url = rng.choice(URLS)
    row = db.execute(
        "SELECT id FROM sources WHERE url = ? AND deleted_at IS NULL", [url]
    ).fetchone()
    return row[0] if row else records.add(db, Source(title=f"Report at {url}", url=url))


def _parties(db, rng) -> tuple:
    codes = rng.sample(COUNTRIES, rng.randint(1, 2))
    return tuple(
        (records.state_actor(db, code), rng.choice(["promisor", "beneficiary"])) for code in codes
    )


def add_commitment(db, rng) -> None:
    events = _live(db, "events")
    commitment = Commitment(
        title=rng.choice(TITLES),
        made_on=rng.choice(DATES),
        deadline=rng.choice([None, *DEADLINES]),
        origin_event_id=rng.choice([None, *events]),
        parties=_parties(db, rng),
        place_ids=tuple({_place(db, rng) for _ in range(rng.randint(0, 2))}),
        source_ids=tuple({_source(db, rng) for _ in range(rng.randint(0, 1))}),
    )
    records.add(db, commitment)


def add_event(db, rng) -> None:
    event = Event(
        date=rng.choice(DATES),
        kind=rng.choice(["meeting", "statement"]),
        title=rng.choice(TITLES) + " talks",
        place_id=_place(db, rng),
        actors=((records.state_actor(db, rng.choice(COUNTRIES)), "actor"),),
    )
    records.add(db, event)


def add_status(db, rng) -> None:
    commitments = _live(db, "commitments")
    if not commitments:
        return add_commitment(db, rng)
    update = StatusUpdate(
        commitment_id=rng.choice(commitments),
        date=rng.choice(DATES),
        status=rng.choice(STATUSES),
        actor_id=rng.choice([None, records.state_actor(db, rng.choice(COUNTRIES))]),
        source_id=rng.choice([None, _source(db, rng)]),
    )
    records.add(db, update)


def edit_commitment(db, rng) -> None:
    commitments = _live(db, "commitments")
    if not commitments:
        return add_commitment(db, rng)
    record_id = rng.choice(commitments)
    stamp = _later(db, "commitments", record_id, rng)
    if stamp is None:
        return None
    commitment = records.get(db, Commitment, record_id)
    commitment.deadline = rng.choice([None, *DEADLINES])
    commitment.description = rng.choice(["", "as agreed", "per the communiqué"])
    if rng.random() < 0.5:
        commitment.parties = _parties(db, rng)
    records.update(db, record_id, commitment)
    # a column no dataclass knows (added by a later migration): merged all the same
    quote = rng.choice(["", "we will"])
    db.execute("UPDATE commitments SET quote = ? WHERE id = ?", [quote, record_id])
    _set_stamp(db, "commitments", record_id, stamp)
    return None


def delete_or_restore(db, rng) -> None:
    table = rng.choice(["commitments", "events", "status_updates"])
    ids = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
    if not ids:
        return
    record_id = rng.choice(ids)
    stamp = _later(db, table, record_id, rng)
    if stamp is None:
        return
    deleted = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [record_id]).fetchone()[0]
    db.execute(
        f"UPDATE {table} SET deleted_at = ?, updated_at = ? WHERE id = ?",
        [None if deleted else stamp, stamp, record_id],
    )


def edit_reference(db, rng) -> None:
    """A field of a place or an actor that is not its natural key."""
    places, actors = _live(db, "places"), _live(db, "actors")
    if places and rng.random() < 0.5:
        table, record_id = "places", rng.choice(places)
        sql = "UPDATE places SET admin1 = ? WHERE id = ?"
        values = [rng.choice(["North", "South"]), record_id]
    elif actors:
        table, record_id = "actors", rng.choice(actors)
        sql, values = "UPDATE actors SET name = name || '.' WHERE id = ?", [record_id]
    else:
        return
    stamp = _later(db, table, record_id, rng)
    if stamp is not None:
        db.execute(sql, values)
        _set_stamp(db, table, record_id, stamp)


_STEPS = (add_commitment, add_event, add_status, edit_commitment, delete_or_restore, edit_reference)
