"""Pages of events and statistics for tables, and the short lists that pickers offer."""

from __future__ import annotations

import json
from array import array
from typing import TYPE_CHECKING

from desktop_app.store.queries import STATISTIC_KNOWN_ON, fts_query, rows_of

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

#: a place's name with its local name beside it: 'Zahidan (زاهدان)'; the one home of that form
#: in SQL (domain.local_names.with_local_name says it in Python)
PLACE_LABEL = """p.name || CASE WHEN p.local_name NOT IN ('', p.name)
                           THEN ' (' || p.local_name || ')' ELSE '' END"""


# the columns of the events table, and where they come from
_EVENT_ROWS = f"""SELECT e.id, e.uuid, e.date, e.end_date, e.kind, e.title, e.fatalities,
               {PLACE_LABEL} AS place,
               (SELECT group_concat(COALESCE(a.iso3, a.name), ', ')
                  FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
                 WHERE ea.event_id = e.id) AS actors
        FROM events e LEFT JOIN places p ON p.id = e.place_id"""

_EVENT_SORT = {
    "date": "e.date",
    "kind": "e.kind",
    "title": "e.title COLLATE NOCASE",
    "place": "place COLLATE NOCASE",
    "actors": "actors COLLATE NOCASE",
    "fatalities": "e.fatalities",
}


def _event_where(text: str, as_of: str | None, places: tuple[int, ...] = ()) -> tuple[str, dict]:
    """Live events (on or before as_of, when given) matching the search text, at one of
    places when some are given (an area chosen on the map)."""
    where, params = "e.deleted_at IS NULL", {}
    if places:  # one JSON parameter: an area may hold thousands of places
        where += " AND e.place_id IN (SELECT value FROM json_each(:places))"
        params["places"] = json.dumps(list(places))
    if as_of:
        where += " AND e.date <= :as_of"
        params["as_of"] = as_of
    if text.strip():
        where += " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :fts)"
        params["fts"] = fts_query(text)
    return where, params


def event_page(
    db: Database,
    text: str = "",
    sort: str = "date",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    as_of: str | None = None,
    places: tuple[int, ...] = (),
) -> list[dict]:
    where, params = _event_where(text, as_of, places)
    direction = "DESC" if descending else "ASC"
    sql = f"""
        {_EVENT_ROWS}
        WHERE {where}
        ORDER BY {_EVENT_SORT.get(sort, "e.date")} {direction}, e.id {direction}
        LIMIT :limit OFFSET :offset
    """
    return list(rows_of(db, sql, params | {"limit": limit, "offset": offset}))


def event_ids(
    db: Database,
    text: str = "",
    sort: str = "date",
    descending: bool = False,
    as_of: str | None = None,
    places: tuple[int, ...] = (),
) -> array:
    """Ids of the events shown, in table order (for deep paging), as a compact array."""
    where, params = _event_where(text, as_of, places)
    direction = "DESC" if descending else "ASC"
    order = _EVENT_SORT.get(sort, "e.date")
    if sort in ("place", "actors"):
        rows = event_page(db, text, sort, descending, limit=-1, as_of=as_of, places=places)
        return array("q", (r["id"] for r in rows))
    sql = f"SELECT e.id FROM events e WHERE {where} ORDER BY {order} {direction}, e.id {direction}"
    return array("q", (r[0] for r in db.execute(sql, params)))


def event_rows(db: Database, ids: list[int]) -> list[dict]:
    """The table rows of these events, in the order of ids."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    sql = f"""
        {_EVENT_ROWS}
        WHERE e.id IN ({marks})
    """
    cursor = db.execute(sql, ids)
    names = [d[0] for d in cursor.description]
    by_id = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    return [by_id[i] for i in ids if i in by_id]


def count_events(
    db: Database, text: str = "", as_of: str | None = None, places: tuple[int, ...] = ()
) -> int:
    where, params = _event_where(text, as_of, places)
    return db.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]


# domain.records.change_percent in SQL: the change from the baseline in percent, when there
# is a non-zero baseline
CHANGE_PERCENT = """CASE WHEN s.baseline_value <> 0
    THEN (s.value - s.baseline_value) * 100.0 / s.baseline_value END"""


def statistic_page(
    db: Database,
    sort: str = "label",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    as_of: str | None = None,
) -> list[dict]:
    """Statistics (known by as_of, when given), in table order."""
    direction = "DESC" if descending else "ASC"
    sql = f"""
        {_STATISTIC_ROWS}
        WHERE s.deleted_at IS NULL AND (:as_of IS NULL OR {STATISTIC_KNOWN_ON} <= :as_of)
        ORDER BY {_statistic_order(sort)} {direction}, s.id {direction}
        LIMIT :limit OFFSET :offset
    """
    return list(rows_of(db, sql, {"limit": limit, "offset": offset, "as_of": as_of}))


def _statistic_order(sort: str) -> str:
    return {"value": "s.value", "period": "s.period_start", "change": "change"}.get(
        sort, "s.label COLLATE NOCASE"
    )


_STATISTIC_ROWS = f"""
    SELECT s.id, s.uuid, s.label, s.value, s.unit, s.period_start, s.period_end,
           s.baseline_value, s.country_iso3 AS country, src.title AS source,
           {CHANGE_PERCENT} AS change,
           COALESCE(s.period_start, '') || ' – ' || COALESCE(s.period_end, '') AS period
    FROM statistics s LEFT JOIN sources src ON src.id = s.source_id"""


def statistic_ids(
    db: Database, sort: str = "label", descending: bool = False, as_of: str | None = None
) -> array:
    """Ids of the statistics shown, in table order (for deep paging), as a compact array."""
    direction = "DESC" if descending else "ASC"
    sql = f"""SELECT id FROM ({_STATISTIC_ROWS}
        WHERE s.deleted_at IS NULL AND (:as_of IS NULL OR {STATISTIC_KNOWN_ON} <= :as_of)
        ORDER BY {_statistic_order(sort)} {direction}, s.id {direction})"""
    return array("q", (r[0] for r in db.execute(sql, {"as_of": as_of})))


def statistic_rows(db: Database, ids: list[int]) -> list[dict]:
    """The table rows of these statistics, in the order of ids (a page: no whole-table read)."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    cursor = db.execute(f"{_STATISTIC_ROWS} WHERE s.id IN ({marks})", ids)
    names = [d[0] for d in cursor.description]
    by_id = {row[0]: dict(zip(names, row, strict=True)) for row in cursor}
    return [by_id[i] for i in ids if i in by_id]


def count_statistics(db: Database, as_of: str | None = None) -> int:
    sql = f"""SELECT COUNT(*) FROM statistics s WHERE s.deleted_at IS NULL
              AND (:as_of IS NULL OR {STATISTIC_KNOWN_ON} <= :as_of)"""
    return db.execute(sql, {"as_of": as_of}).fetchone()[0]


def actor_choices(db: Database) -> list[tuple[int, str, str | None]]:
    """(id, name, iso3) of every live actor, by name."""
    sql = "SELECT id, name, iso3 FROM actors WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"
    return [tuple(r) for r in db.execute(sql).fetchall()]


def party_choices(db: Database) -> list[tuple[int, str]]:
    """Actors that are party to at least one commitment: what the party filter offers."""
    sql = """SELECT DISTINCT a.id, a.name FROM actors a
             JOIN commitment_parties cp ON cp.actor_id = a.id
             WHERE a.deleted_at IS NULL ORDER BY a.name COLLATE NOCASE"""
    return [tuple(r) for r in db.execute(sql).fetchall()]


def commitment_place_choices(db: Database) -> list[tuple[int, str]]:
    """Places that at least one commitment names, with their local names: what the place
    filter offers (and finds by either name)."""
    sql = f"""SELECT DISTINCT p.id, {PLACE_LABEL} FROM places p
             JOIN commitment_places cp ON cp.place_id = p.id
             WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE NOCASE"""
    return [tuple(r) for r in db.execute(sql).fetchall()]


def place_local_names(db: Database) -> dict[int, str]:
    """The local names of live places that have one, by place id."""
    sql = "SELECT id, local_name FROM places WHERE deleted_at IS NULL AND local_name != ''"
    return dict(db.execute(sql).fetchall())


def place_choices(db: Database) -> list[tuple[int, str, str | None]]:
    """(id, name, country iso3) of every live place, by name."""
    sql = """SELECT id, name, country_iso3 FROM places WHERE deleted_at IS NULL
             ORDER BY name COLLATE NOCASE"""
    return [tuple(r) for r in db.execute(sql).fetchall()]


def event_choices(db: Database, limit: int = 500) -> list[tuple[int, str]]:
    """Recent events as (id, 'date · title') for the origin and evidence pickers."""
    sql = """SELECT id, date || ' · ' || title FROM events WHERE deleted_at IS NULL
             ORDER BY date DESC, id DESC LIMIT ?"""
    return [tuple(r) for r in db.execute(sql, [limit]).fetchall()]


def source_choices(db: Database) -> list[tuple[int, str]]:
    """Live sources as (id, label): the web address, or the title of a source without one
    (the label is what a source field shows and reads back)."""
    sql = """SELECT id, COALESCE(url, title) FROM sources WHERE deleted_at IS NULL
             ORDER BY id"""
    return [tuple(r) for r in db.execute(sql).fetchall()]


def commitment_detail(db: Database, commitment_id: int) -> dict | None:
    """Everything the detail panel shows about one commitment except its status history."""
    sql = """
        SELECT c.id, c.uuid, c.title, c.description, c.category, c.made_on, c.deadline,
               c.deadline_precision, e.title AS origin_event, e.date AS origin_date,
               c.quote, q.title AS quote_source_title, q.url AS quote_source_url,
               q.published_on AS quote_source_published_on
        FROM commitments c LEFT JOIN events e ON e.id = c.origin_event_id
        LEFT JOIN sources q ON q.id = c.quote_source_id
        WHERE c.id = :id AND c.deleted_at IS NULL
    """
    found = list(rows_of(db, sql, {"id": commitment_id}))
    if not found:
        return None
    detail = found[0]
    links = {
        "parties": """SELECT a.id, a.name, a.iso3, cp.role FROM commitment_parties cp
                      JOIN actors a ON a.id = cp.actor_id WHERE cp.commitment_id = :id
                      ORDER BY cp.rowid""",
        "places": """SELECT p.name, p.local_name, p.country_iso3, p.latitude, p.longitude
                     FROM commitment_places cp JOIN places p ON p.id = cp.place_id
                     WHERE cp.commitment_id = :id ORDER BY cp.rowid""",
        "sources": """SELECT s.title, s.url, s.publisher, s.published_on FROM commitment_sources cs
                      JOIN sources s ON s.id = cs.source_id WHERE cs.commitment_id = :id
                      ORDER BY cs.rowid""",
    }
    for name, sql in links.items():
        detail[name] = list(rows_of(db, sql, {"id": commitment_id}))
    return detail
