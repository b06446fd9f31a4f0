"""What the map shows, read from the store: the places of live commitments with each one's
status as of a date (from the status index), and the events counted per place and kind in SQL.

The map follows the filter bar: commitments as the tables filter them; events by the filter's
search text, party, places and date range (status, category and "overdue" concern commitments
only). Everything is "as known on the as-of date": no commitment made and no event dated later.
Places without coordinates are not on the map.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.domain.vocabulary import EVENT_KINDS, PLACE_PRECISIONS
from desktop_app.store.queries import CommitmentFilter, fts_query, matching_ids
from desktop_app.store.status_index import NOT_MADE, STATUSES, StatusIndex

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

# the column order of the map's counts: the vocabulary's (one home for both lists)
PRECISIONS = PLACE_PRECISIONS


@dataclass
class Place:
    place_id: int
    name: str
    country_iso3: str | None
    longitude: float
    latitude: float
    precision: str


@dataclass
class CommitmentPlaces:
    """One row per (commitment, place) pair on the map."""

    commitment_id: np.ndarray  # int64
    place_id: np.ndarray  # int64
    status: np.ndarray  # index into STATUSES
    titles: dict[int, str] = field(default_factory=dict)  # commitment id -> title


@dataclass
class EventPlaces:
    """Live events counted per place: one row per place, a column per kind."""

    place_id: np.ndarray  # int64
    counts: np.ndarray  # (places, len(EVENT_KINDS)) int64
    fatalities: np.ndarray  # float64, NaN where no event there gave a number

    @property
    def totals(self) -> np.ndarray:
        return self.counts.sum(axis=1) if len(self.place_id) else np.zeros(0, dtype=np.int64)


@dataclass
class MapData:
    as_of: str
    places: dict[int, Place]  # every place a marker stands on
    commitments: CommitmentPlaces
    events: EventPlaces


def map_data(db: Database, as_of: str, flt: CommitmentFilter | None, index: StatusIndex) -> MapData:
    """Everything the map draws for one filter and as-of date; index is the status index of
    the current data (kept by the caller between calls)."""
    flt = flt or CommitmentFilter()
    commitments = commitment_places(db, as_of, flt, index)
    events = event_places(db, as_of, flt)
    wanted = set(commitments.place_id.tolist()) | set(events.place_id.tolist())
    return MapData(as_of, places_by_id(db, wanted), commitments, events)


def commitment_places(
    db: Database, as_of: str, flt: CommitmentFilter, index: StatusIndex
) -> CommitmentPlaces:
    """The located places of the live commitments made by as_of that the filter lets through,
    with each commitment's (headline) status on as_of from the status index."""
    rows = db.execute(
        """SELECT cp.commitment_id, cp.place_id, c.title
           FROM commitment_places cp
           JOIN commitments c ON c.id = cp.commitment_id
           JOIN places p ON p.id = cp.place_id
           WHERE c.deleted_at IS NULL AND c.made_on <= :as_of AND p.deleted_at IS NULL
             AND p.latitude IS NOT NULL AND p.longitude IS NOT NULL
           ORDER BY cp.commitment_id, cp.place_id""",
        {"as_of": as_of},
    ).fetchall()
    if rows and not flt.is_empty():
        kept = set(matching_ids(db, as_of, flt))
        rows = [row for row in rows if row[0] in kept]
    commitment_id = np.array([r[0] for r in rows], dtype=np.int64)
    place_id = np.array([r[1] for r in rows], dtype=np.int64)
    statuses = index.statuses_on(as_of)
    positions = np.searchsorted(index.ids, commitment_id)
    positions = np.minimum(positions, max(len(index.ids) - 1, 0))
    known = len(index.ids) > 0 and np.all(index.ids[positions] == commitment_id)
    if len(commitment_id) and not known:
        raise ValueError("the status index is older than the data it is asked about")
    status = statuses[positions] if len(commitment_id) else np.zeros(0, dtype=np.int64)
    made = status != NOT_MADE
    return CommitmentPlaces(
        commitment_id[made],
        place_id[made],
        status[made],
        {r[0]: r[2] for r in rows},
    )


def _event_conditions(as_of: str, flt: CommitmentFilter) -> tuple[list[str], dict]:
    where = ["e.deleted_at IS NULL", "e.date <= :as_of", "e.place_id IS NOT NULL"]
    params: dict = {"as_of": as_of}
    if flt.text.strip():
        where.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)")
        params["fts"] = fts_query(flt.text)
    if flt.party_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM event_actors ea "
            "WHERE ea.event_id = e.id AND ea.actor_id = :party_id)"
        )
        params["party_id"] = flt.party_id
    places = [*flt.place_ids, *([flt.place_id] if flt.place_id is not None else [])]
    if places:
        where.append("e.place_id IN (SELECT value FROM json_each(:places))")
        params["places"] = json.dumps(places)
    if flt.made_from:
        where.append("e.date >= :made_from")
        params["made_from"] = flt.made_from
    if flt.made_to:
        where.append("e.date <= :made_to")
        params["made_to"] = flt.made_to
    return where, params


def event_places(db: Database, as_of: str, flt: CommitmentFilter) -> EventPlaces:
    """Live events dated on or before as_of at a located place, counted per place and kind
    in SQL: one row per place (a column per kind), never a row per event in Python."""
    where, params = _event_conditions(as_of, flt)
    by_kind = ", ".join(f"SUM(e.kind = '{kind}')" for kind in EVENT_KINDS)
    # NOT INDEXED: most events are usually on or before the as-of date, and reading the table
    # in its own order is four times quicker than visiting a million rows through the date index
    cursor = db.execute(
        f"""SELECT e.place_id, SUM(e.fatalities) IS NULL, COALESCE(SUM(e.fatalities), 0),
                   {by_kind}
            FROM events e NOT INDEXED WHERE {" AND ".join(where)}
            GROUP BY e.place_id""",
        params,
    )
    table = np.array(cursor.fetchall(), dtype=np.float64).reshape(-1, 3 + len(EVENT_KINDS))
    place_id = table[:, 0].astype(np.int64)
    keep = np.isin(place_id, np.fromiter(_located_ids(db), dtype=np.int64))
    table = table[keep]
    fatalities = np.where(table[:, 1] == 1, np.nan, table[:, 2])
    return EventPlaces(place_id[keep], table[:, 3:].astype(np.int64), fatalities)


def _located_ids(db: Database) -> list[int]:
    """The live places with coordinates (the only ones the map can show)."""
    return [
        row[0]
        for row in db.execute(
            """SELECT id FROM places WHERE deleted_at IS NULL
               AND latitude IS NOT NULL AND longitude IS NOT NULL"""
        )
    ]


_PLACE_COLUMNS = "id, name, country_iso3, longitude, latitude, precision"
_LOCATED = "deleted_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL"


def places_by_id(db: Database, place_ids) -> dict[int, Place]:
    """The live, located places among place_ids."""
    wanted = set(place_ids)
    if len(wanted) > 2000:  # most places: one pass over the table beats many lookups
        rows = db.execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE {_LOCATED}")
        return {row[0]: Place(*row) for row in rows if row[0] in wanted}
    rows = db.execute(
        f"""SELECT {_PLACE_COLUMNS} FROM places
            WHERE id IN (SELECT value FROM json_each(?)) AND {_LOCATED}""",
        [json.dumps(sorted(wanted))],
    )
    return {row[0]: Place(*row) for row in rows}


def status_name(code: int) -> str:
    return STATUSES[int(code)]
