"""Small random databases for the merge tests: a shared history, then each colleague's own
edits, with stamps drawn from a few seconds so that ties between versions are common."""

from __future__ import annotations

import random
import shutil
import uuid
from pathlib import Path

from desktop_app.domain.records import Commitment, Event, Place, Source, StatusUpdate
from desktop_app.store import records
from desktop_app.store.database import open_database

STAMPS = [f"2024-05-01T10:00:0{n}+00:00" for n in range(4)]
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
        db = open_database(target)
        db.execute(
            "UPDATE file_identity SET file_id = ?", [str(uuid.UUID(int=rng.getrandbits(128)))]
        )
        db.close()
    return target


def edit_file(path: Path, rng: random.Random, steps: int) -> None:
    db = open_database(path)
    try:
        for _ in range(steps):
            rng.choice(_STEPS)(db, rng)
    finally:
        db.close()


def _stamp(db, table: str, record_id: int, rng: random.Random) -> None:
    db.execute(f"UPDATE {table} SET updated_at = ? WHERE id = ?", [rng.choice(STAMPS), record_id])


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
    _stamp(db, "commitments", records.add(db, commitment), rng)


def add_event(db, rng) -> None:
    event = Event(
        date=rng.choice(DATES),
        kind=rng.choice(["meeting", "statement"]),
        title=rng.choice(TITLES) + " talks",
        place_id=_place(db, rng),
        actors=((records.state_actor(db, rng.choice(COUNTRIES)), "actor"),),
    )
    _stamp(db, "events", records.add(db, event), rng)


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
    _stamp(db, "status_updates", records.add(db, update), rng)


def edit_commitment(db, rng) -> None:
    commitments = _live(db, "commitments")
    if not commitments:
        return add_commitment(db, rng)
    record_id = rng.choice(commitments)
    commitment = records.get(db, Commitment, record_id)
    commitment.deadline = rng.choice([None, *DEADLINES])
    commitment.description = rng.choice(["", "as agreed", "per the communiqué"])
    if rng.random() < 0.5:
        commitment.parties = _parties(db, rng)
    records.update(db, record_id, commitment)
    # a column no dataclass knows (added by a later migration): merged all the same
    db.execute(
        "UPDATE commitments SET quote = ? WHERE id = ?", [rng.choice(["", "we will"]), record_id]
    )
    _stamp(db, "commitments", record_id, rng)


def delete_or_restore(db, rng) -> None:
    table = rng.choice(["commitments", "events", "status_updates"])
    ids = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
    if not ids:
        return None
    record_id = rng.choice(ids)
    deleted = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [record_id]).fetchone()[0]
    db.execute(
        f"UPDATE {table} SET deleted_at = ? WHERE id = ?",
        [None if deleted else "2024-05-02T00:00:00+00:00", record_id],
    )
    _stamp(db, table, record_id, rng)
    return None


def edit_reference(db, rng) -> None:
    """A field of a place or an actor that is not its natural key."""
    places, actors = _live(db, "places"), _live(db, "actors")
    if places and rng.random() < 0.5:
        record_id = rng.choice(places)
        db.execute(
            "UPDATE places SET admin1 = ? WHERE id = ?", [rng.choice(["North", "South"]), record_id]
        )
        _stamp(db, "places", record_id, rng)
    elif actors:
        record_id = rng.choice(actors)
        db.execute("UPDATE actors SET name = name || '.' WHERE id = ?", [record_id])
        _stamp(db, "actors", record_id, rng)


_STEPS = (add_commitment, add_event, add_status, edit_commitment, delete_or_restore, edit_reference)
