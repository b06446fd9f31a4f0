"""Rows without a UUID matched to the records they describe, by what a person would call the
same record: a commitment by its title, parties and date made; an event by its date, kind,
title and place. Importing a colleague's spreadsheet twice then finds every row present the
second time (updated where it changed) instead of adding it again.

Titles are compared without regard to case or surrounding spaces. Only live records match.
Records of other tables are matched by name already (actors, places, sources) or always carry
a UUID in our exports (status updates, statistics).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.records import Commitment, Event

if TYPE_CHECKING:
    from sqlite_utils import Database

CHUNK = 500  # values per IN (...) list

#: what a match means, for the sentences of a conflict
DESCRIBED_BY = {Commitment: "title, parties and date made", Event: "date, kind, title and place"}


def key_of(record) -> tuple | None:
    """The natural key of a commitment or an event (None for other records)."""
    if isinstance(record, Commitment):
        parties = frozenset(actor_id for actor_id, _role in record.parties)
        return (record.title.strip().casefold(), record.made_on, parties)
    if isinstance(record, Event):
        return (record.date, record.kind, record.title.strip().casefold(), record.place_id)
    return None


def existing_by_key(db: Database, cls: type, keys: list[tuple]) -> dict[tuple, list[tuple]]:
    """For each key given, the live records that have it: key -> [(id, uuid), ...]."""
    if cls is Commitment:
        found = _commitments(db, sorted({key[1] for key in keys}))
    elif cls is Event:
        found = _events(db, sorted({key[0] for key in keys}))
    else:
        return {}
    wanted = set(keys)
    matches: dict[tuple, list[tuple]] = {}
    for key, record_id, uuid in found:
        if key in wanted:
            matches.setdefault(key, []).append((record_id, uuid))
    return matches


def _rows_where_in(db: Database, sql: str, values: list) -> list[tuple]:
    """Rows of sql (which ends in "IN ") for each chunk of values, all together."""
    rows = []
    for start in range(0, len(values), CHUNK):
        part = values[start : start + CHUNK]
        rows += db.execute(f"{sql}({', '.join('?' * len(part))})", part).fetchall()
    return rows


def _commitments(db: Database, dates: list[str]) -> list[tuple]:
    rows = _rows_where_in(
        db,
        """SELECT id, uuid, title, made_on FROM commitments
           WHERE deleted_at IS NULL AND made_on IN """,
        dates,
    )
    parties: dict[int, set[int]] = {record_id: set() for record_id, *_ in rows}
    sql = "SELECT commitment_id, actor_id FROM commitment_parties WHERE commitment_id IN "
    for commitment_id, actor_id in _rows_where_in(db, sql, list(parties)):
        parties[commitment_id].add(actor_id)
    return [
        ((title.strip().casefold(), made_on, frozenset(parties[record_id])), record_id, uuid)
        for record_id, uuid, title, made_on in rows
    ]


def _events(db: Database, dates: list[str]) -> list[tuple]:
    rows = _rows_where_in(
        db,
        """SELECT id, uuid, date, kind, title, place_id FROM events
           WHERE deleted_at IS NULL AND date IN """,
        dates,
    )
    return [
        ((date, kind, title.strip().casefold(), place_id), record_id, uuid)
        for record_id, uuid, date, kind, title, place_id in rows
    ]


def reference_key(table: str, row: dict) -> tuple | None:
    """What makes two actors, places or sources the same for a merge, read from a row of
    their table: a state by its ISO code, another actor by its kind and name, a place by its
    name and country, a source by its URL. None when the row has no natural key (a source
    without a URL, a record of another table): it is matched by UUID only."""
    if table == "actors":
        if row.get("kind") == "state" and row.get("iso3"):
            return ("state", row["iso3"].strip().upper())
        return (row.get("kind"), (row.get("name") or "").strip().casefold())
    if table == "places":
        return ((row.get("name") or "").strip().casefold(), row.get("country_iso3"))
    if table == "sources" and (row.get("url") or "").strip():
        return (row["url"].strip(),)
    return None
