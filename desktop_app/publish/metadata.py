"""The Datasette metadata of a published snapshot: title, source and licence, the description of
every table, view and column, the status definitions, facets, and the canned queries."""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop_app.domain.status import STATUS_INFO, STATUS_RULE
from desktop_app.publish.descriptions import HIDDEN_TABLES, TABLES, VIEWS, columns_of
from desktop_app.publish.snapshot import (
    commitment_rows_sql,
    in_words_sql,
    party_statuses_sql,
)
from desktop_app.store.queries import party_status_sql

#: a canned query's date: the one the reader gives, else today
ASKED_DATE = "COALESCE(NULLIF(:as_of, ''), date('now'))"
_AS_OF_HINT = "as_of: YYYY-MM-DD; empty for the day this copy was made ({day})."

#: facets shown above a table when it opens (the reader can add others)
FACETS: dict[str, list] = {
    "commitments_in_words": ["status", "category", {"array": "party_list"}, "overdue"],
    "party_statuses_in_words": ["status", "party", "role"],
    "status_history_in_words": ["status", "applies_to"],
    "commitments": ["category"],
    "status_updates": ["status"],
    "events": ["kind"],
    "actors": ["kind"],
}

#: the column Datasette shows for a row that another table points to
LABELS = {
    "actors": "name",
    "places": "name",
    "sources": "title",
    "events": "title",
    "commitments": "title",
}


@dataclass(frozen=True)
class Publication:
    """What the reader is told about where the data come from and how it may be used."""

    title: str
    source: str = ""
    source_url: str = ""
    licence: str = ""
    licence_url: str = ""


def _score_sql(status: str) -> str:
    cases = " ".join(
        f"WHEN '{s.value}' THEN {i.compliance}"
        for s, i in STATUS_INFO.items()
        if i.compliance is not None
    )
    return f"(CASE {status} {cases} END)"


def _either(then: str, live: str) -> str:
    """The statuses worked out when the copy was made when the reader gives no date (instant),
    else those worked out for the date given (each time: seconds on a big file)."""
    return f"""SELECT * FROM ({then}) WHERE NULLIF(:as_of, '') IS NULL
UNION ALL
SELECT * FROM ({live}) WHERE NULLIF(:as_of, '') IS NOT NULL"""


def _compliance_sql(day: str) -> str:
    own = party_status_sql("cp.actor_id", "c.id", ":as_of")
    then = f"""SELECT actor_id, {_score_sql("status_code")} AS score FROM party_statuses_in_words
        WHERE role = 'promisor' AND made_on <= '{day}'"""
    live = f"""SELECT cp.actor_id, {_score_sql(own)} AS score
        FROM commitments c JOIN commitment_parties cp ON cp.commitment_id = c.id
        WHERE c.deleted_at IS NULL AND c.made_on <= :as_of AND cp.role = 'promisor'"""
    return f"""SELECT COALESCE(a.iso3, a.name) AS party, a.name AS party_name,
       COUNT(score) AS rated, ROUND(AVG(score), 3) AS score,
       ROUND((AVG(score) + 1) / 2 * 100, 1) AS compliance_percent
FROM ({_either(then, live)}) x
JOIN actors a ON a.id = x.actor_id
GROUP BY x.actor_id HAVING COUNT(score) > 0
ORDER BY compliance_percent DESC, party"""


# great-circle distance in km between a place p and the chosen centre (haversine)
_KM = """(2 * 6371 * asin(sqrt(
    power(sin(radians(p.latitude - centre.latitude) / 2), 2)
    + cos(radians(centre.latitude)) * cos(radians(p.latitude))
      * power(sin(radians(p.longitude - centre.longitude) / 2), 2))))"""

# the places within reach first (thousands), then their events: the distance is worked out
# once a place, not once an event (a million events took 3.7 s, measured)
_EVENTS_NEAR = f"""WITH centre AS (
    SELECT name, latitude, longitude FROM places
    WHERE deleted_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL
      AND name LIKE '%' || :place || '%'
    ORDER BY lower(name) = lower(:place) DESC, length(name) LIMIT 1),
near AS MATERIALIZED (
    SELECT p.id, p.name, ROUND({_KM}, 1) AS km FROM places p, centre
    WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      AND {_KM} <= CAST(COALESCE(NULLIF(:km, ''), 50) AS REAL))
SELECT e.date, e.kind, e.title, near.name AS place, near.km, e.fatalities, e.id AS event_id
FROM near JOIN events e ON e.place_id = near.id
WHERE e.deleted_at IS NULL
ORDER BY near.km, e.date DESC"""

_HISTORY = """SELECT h.date, h.status, h.applies_to, h.note, h.source, h.source_url, h.evidence,
       h.commitment, h.commitment_id
FROM status_history_in_words h JOIN commitments c ON c.id = h.commitment_id
WHERE c.id = CAST(:commitment AS INTEGER) OR c.uuid = :commitment
   OR (:commitment <> '' AND c.title LIKE '%' || :commitment || '%')"""


def canned_queries(day: str) -> dict[str, dict]:
    """The ready-made questions, each with its own page and form; their SQL (long, since the
    status rule is worked out in it) stays folded away until a reader asks to see it."""
    queries = {
        "overdue": {
            "title": "Overdue commitments",
            "description": "Commitments whose deadline has passed while they are still open. "
            "as_of: YYYY-MM-DD; empty for today.",
            "sql": f"""SELECT title, parties, deadline, status, party_statuses, made_on, id
FROM ({in_words_sql(f"({commitment_rows_sql(ASKED_DATE, past_deadline_only=True)})", ASKED_DATE)})
WHERE overdue = 'yes' ORDER BY deadline""",
        },
        "compliance_by_party": {
            "title": "Compliance by party",
            "description": "Each promising party's compliance score: the mean of the scores "
            "of its own statuses on the commitments it promised (fulfilled +1, in progress "
            "and partially fulfilled 0, stalled and broken -1; not yet rated is left out), "
            "shown as (score + 1) / 2 in percent. " + _AS_OF_HINT.format(day=day),
            "sql": _compliance_sql(day),
        },
        "commitment_history": {
            "title": "History of one commitment",
            "description": "Every status update of a commitment, oldest first. commitment: its "
            "id, its uuid or words of its title.",
            "sql": _HISTORY,
        },
        "events_near_place": {
            "title": "Events near a place",
            "description": "Events within km kilometres (50 when empty) of a place, nearest "
            "first. place: (part of) the name of a place that has coordinates.",
            "sql": _EVENTS_NEAR,
        },
        "party_statuses_as_of": {
            "title": "Parties' statuses on a date",
            "description": "Each party's own status on a date. " + _AS_OF_HINT.format(day=day),
            "sql": _either("SELECT * FROM party_statuses_in_words", party_statuses_sql(":as_of")),
        },
    }
    return {name: query | {"hide_sql": True} for name, query in queries.items()}


def _status_definitions_html() -> str:
    items = "".join(
        f"<li><strong>{html.escape(i.label)}</strong>: {html.escape(i.definition)}</li>"
        for i in STATUS_INFO.values()
    )
    rule = "".join(f"<p>{html.escape(p)}</p>" for p in STATUS_RULE)
    return f"<h3>Statuses</h3><ul>{items}</ul>{rule}"


def _table_entry(name: str, description: str) -> dict:
    entry: dict = {"description": description, "columns": columns_of(name)}
    if name in FACETS:
        entry["facets"] = FACETS[name]
    if name in LABELS:
        entry["label_column"] = LABELS[name]
    return entry


def datasette_metadata(database_name: str, publication: Publication, day: str) -> dict:
    """The metadata.json Datasette reads for a snapshot served as database_name, made on day
    (YYYY-MM-DD: the statuses of its tables in words stand on that day)."""
    tables = {name: _table_entry(name, text) for name, (text, _) in (TABLES | VIEWS).items()}
    tables |= {name: {"hidden": True} for name in HIDDEN_TABLES}
    tables["commitments_in_words"]["sort_desc"] = "made_on"
    intro = (
        "<p>Diplomatic commitments: who promised what, where and by when, the events around "
        "them and how each has been kept. Start with <em>commitments_in_words</em>; the "
        f"queries below answer common questions. This is a read-only copy made on {day}: "
        "the statuses in words stand as on that day.</p>"
    )
    metadata: dict = {
        "title": publication.title,
        "description_html": intro + _status_definitions_html(),
        "databases": {
            database_name: {
                "description_html": intro + _status_definitions_html(),
                "tables": tables,
                "queries": canned_queries(day),
            }
        },
    }
    for key, value in (
        ("source", publication.source),
        ("source_url", publication.source_url),
        ("license", publication.licence),
        ("license_url", publication.licence_url),
    ):
        if value:
            metadata[key] = value
    return metadata
