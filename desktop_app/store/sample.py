"""The sample database: the founding Pakistan-Iran example, loaded from resources/sample."""

from __future__ import annotations

import json
from pathlib import Path

from sqlite_utils import Database

from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.resources import resource
from desktop_app.store import records
from desktop_app.store.database import open_database
from desktop_app.store.errors import StoreError

SAMPLE_FILE = ("sample", "founding_example.json")


def load_sample(db: Database) -> None:
    """Add the sample records to db in one transaction."""
    data = json.loads(resource(*SAMPLE_FILE).read_text(encoding="utf-8"))
    ids: dict[str, int] = {}

    def plain(item: dict, *drop: str) -> dict:
        return {k: v for k, v in item.items() if k not in ("key", *drop)}

    with db.atomic():
        for item in data["actors"]:
            ids[item["key"]] = records.add(db, Actor(**plain(item)))
        for item in data["places"]:
            ids[item["key"]] = records.add(db, Place(**plain(item)))
        for item in data["sources"]:
            ids[item["key"]] = records.add(db, Source(**plain(item)))
        for item in data["events"]:
            event = Event(
                **plain(item, "place", "actors", "sources"),
                place_id=ids.get(item.get("place", "")),
                actors=tuple((ids[a], role) for a, role in item["actors"]),
                source_ids=tuple(ids[s] for s in item["sources"]),
            )
            ids[item["key"]] = records.add(db, event)
        for item in data["commitments"]:
            commitment = Commitment(
                **plain(
                    item, "origin_event", "parties", "places", "sources", "updates", "quote_source"
                ),
                origin_event_id=ids[item["origin_event"]],
                parties=tuple((ids[a], role) for a, role in item["parties"]),
                place_ids=tuple(ids[p] for p in item.get("places", [])),
                source_ids=tuple(ids[s] for s in item["sources"]),
                quote_source_id=ids.get(item.get("quote_source", "")),
            )
            commitment_id = records.add(db, commitment)
            for update in item["updates"]:
                records.add(
                    db,
                    StatusUpdate(
                        commitment_id=commitment_id,
                        date=update["date"],
                        status=update["status"],
                        actor_id=ids.get(update.get("party") or ""),
                        note=update["note"],
                        source_id=ids[update["source"]],
                        evidence_event_id=ids.get(update.get("evidence") or ""),
                    ),
                )
        for item in data["statistics"]:
            records.add(
                db,
                Statistic(**plain(item, "source"), source_id=ids[item["source"]]),
            )


def write_sample(path: str | Path) -> Path:
    """Create a new database file at path holding the sample data."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise StoreError(f"{path} already exists; choose a new file name for the sample database.")
    db = open_database(path)
    try:
        load_sample(db)
    finally:
        db.close()
    return path


def open_or_seed(path: str | Path) -> Database:
    """Open the database at path; a brand-new file is seeded with the sample data first."""
    path = Path(path)
    is_new = not path.exists() or path.stat().st_size == 0
    if is_new:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    if is_new:
        load_sample(db)
    return db
