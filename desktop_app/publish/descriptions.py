"""What every table, view and column of a published snapshot means, in words for a reader who
has never seen the app (Datasette shows them above each table and in each column's menu).

A test checks that every column the snapshot shows has a description here, so a new column
of a migration cannot be published without one.
"""

from __future__ import annotations

from desktop_app.publish.snapshot import STATUSES_TABLE
from desktop_app.store.records import RECORD_TABLES

#: columns every record table has (store/schema.py _RECORD)
RECORD_COLUMNS: dict[str, str] = {
    "id": "Row number in this file (another copy of the data may number it differently).",
    "uuid": "Identifier of the record, the same in every copy of the data (used for merging).",
    "created_at": "When the record was entered (UTC).",
    "updated_at": "When the record was last changed (UTC).",
    "deleted_at": "When the record was deleted (UTC); empty for a live record. Deleted records "
    "are kept so that copies can be merged; the friendly views leave them out.",
}

_DATE = "YYYY-MM-DD (YYYY-MM or YYYY when only the month or year is known)."

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "commitments": (
        "What was promised, by whom, when and by when: one row per commitment. Its status is "
        "not stored here but worked out from status_updates (see commitments_in_words).",
        {
            "title": "Short name of the commitment.",
            "description": "What was promised, in more detail.",
            "category": "security, economic, diplomatic, political, humanitarian or other.",
            "made_on": f"The day the commitment was made, {_DATE}",
            "origin_event_id": "The event (meeting, agreement, statement) where it was made.",
            "deadline": f"The date it was to be kept by, if one was given, {_DATE}",
            "deadline_precision": "How exactly the deadline is known: day, week, month or year.",
            "quote": "The exact words of the promise, as reported.",
            "quote_source_id": "The source the quote is taken from.",
        },
    ),
    "commitment_parties": (
        "Who takes part in each commitment and in which role.",
        {
            "commitment_id": "The commitment.",
            "actor_id": "The state, organisation, armed group or person.",
            "role": "promisor (made the promise), beneficiary or guarantor.",
        },
    ),
    "commitment_places": (
        "The places each commitment concerns.",
        {"commitment_id": "The commitment.", "place_id": "The place."},
    ),
    "commitment_sources": (
        "The sources that report each commitment.",
        {"commitment_id": "The commitment.", "source_id": "The source."},
    ),
    "status_updates": (
        "The dated history of each commitment's status: an update is for the whole commitment "
        "or for one of its parties. See the status definitions on the database page.",
        {
            "commitment_id": "The commitment the update is about.",
            "date": f"The day from which the status holds, {_DATE}",
            "status": "not_rated, in_progress, stalled, partially_fulfilled, fulfilled or broken.",
            "actor_id": "The party the update is for; empty when it is for the whole commitment.",
            "note": "Why the status was given.",
            "source_id": "The source the judgement rests on.",
            "evidence_event_id": "The event that shows it.",
        },
    ),
    "events": (
        "Things that happened around the commitments: meetings, visits, agreements, "
        "statements, strikes, attacks, incidents.",
        {
            "date": f"The day it happened (or began), {_DATE}",
            "end_date": "The day it ended, for an event of several days.",
            "date_precision": "How exactly the date is known: day, week, month or year.",
            "kind": "meeting, visit, agreement, statement, strike, attack, incident or other.",
            "title": "Short name of the event.",
            "description": "What happened.",
            "place_id": "Where it happened.",
            "fatalities": "People killed, as reported; empty when not known.",
        },
    ),
    "event_actors": (
        "Who took part in each event and how.",
        {
            "event_id": "The event.",
            "actor_id": "The state, organisation, armed group or person.",
            "role": "actor, target, host or participant.",
        },
    ),
    "event_sources": (
        "The sources that report each event.",
        {"event_id": "The event.", "source_id": "The source."},
    ),
    "actors": (
        "States, organisations, armed groups and people that make commitments or take part in "
        "events.",
        {
            "name": "Name of the actor.",
            "kind": "state, organisation, armed_group or person.",
            "iso3": "ISO 3166-1 alpha-3 code of a state (PAK, IRN...).",
        },
    ),
    "places": (
        "Places that commitments, events and statistics refer to.",
        {
            "name": "Name of the place.",
            "local_name": "Its name in its country's script (Persian, Urdu, Arabic...), if known.",
            "country_iso3": "ISO 3166-1 alpha-3 code of its country.",
            "admin1": "First-level administrative division (province, state).",
            "latitude": "Latitude in degrees (WGS 84).",
            "longitude": "Longitude in degrees (WGS 84).",
            "precision": "exact, near (approximate) or region (a whole area).",
        },
    ),
    "sources": (
        "Articles, statements and reports the records rest on.",
        {
            "url": "Where the source can be read.",
            "title": "Its title.",
            "publisher": "Who published it.",
            "published_on": "The day it was published.",
            "accessed_on": "The day it was read.",
            "excerpt": "The passage that matters.",
            "snapshot": "The article's whole text as it was read, compressed (zlib), kept in "
            "case the link dies.",
            "snapshot_sentences": "The sentences of that text the records were taken from.",
        },
    ),
    "statistics": (
        "Figures reported by sources (trade volumes, casualties, crossings...), with the "
        "period they cover and a baseline to compare with.",
        {
            "label": "What is counted.",
            "value": "The reported figure.",
            "unit": "Its unit.",
            "period_start": "First day of the period the figure covers.",
            "period_end": "Last day of that period.",
            "baseline_value": "The figure it is compared with.",
            "baseline_start": "First day of the baseline's period.",
            "baseline_end": "Last day of the baseline's period.",
            "place_id": "The place it is about.",
            "country_iso3": "The country it is about (ISO 3166-1 alpha-3).",
            "source_id": "The source that reports it.",
            "method_note": "How the figure was obtained or worked out.",
        },
    ),
    "status_definitions": (
        "What each status means (added to this published copy only).",
        {
            "code": "The status as stored in status_updates.",
            "label": "The status in words.",
            "definition": "What it means.",
            "compliance_score": "Its score in the compliance measure (-1 to +1); empty when "
            "the status does not count.",
            "closed": "1 when a commitment in this status can no longer be overdue.",
        },
    ),
}

_AS_OF_THEN = "as it stood on the day this copy was made (the database page says which day)"

VIEWS: dict[str, tuple[str, dict[str, str]]] = {
    "commitments_in_words": (
        f"Every live commitment with its parties and its status {_AS_OF_THEN}: the table to "
        "start from.",
        {
            "id": "Row number of the commitment in the commitments table.",
            "title": "Short name of the commitment.",
            "category": "security, economic, diplomatic, political, humanitarian or other.",
            "made_on": "The day it was made.",
            "deadline": "The date it was to be kept by, if any.",
            "parties": "Its parties (ISO code of a state, else the name), in the order listed.",
            "party_list": "The same parties as a list (for the party facet).",
            "promisors": "The parties that made the promise.",
            "status": "Its status: the one its promisors share, or Mixed when they differ.",
            "party_statuses": "Each party's own status, when they differ; empty otherwise.",
            "overdue": "yes when the deadline has passed (today) and the commitment is still open.",
            "description": "What was promised, in more detail.",
            "quote": "The exact words of the promise, as reported.",
            "uuid": RECORD_COLUMNS["uuid"],
        },
    ),
    "party_statuses_in_words": (
        f"Each party of each live commitment with its own status {_AS_OF_THEN}.",
        {
            "commitment_id": "Row number of the commitment in the commitments table.",
            "commitment": "Short name of the commitment.",
            "party": "The party: ISO code of a state, else the name.",
            "party_name": "The party's full name.",
            "role": "promisor, beneficiary or guarantor.",
            "status": "The party's own status.",
            "status_code": "The same status as stored (see status_definitions).",
            "made_on": "The day the commitment was made.",
            "deadline": "The commitment's deadline, if any.",
            "actor_id": "Row number of the party in the actors table.",
        },
    ),
    "status_history_in_words": (
        "Every live status update, with its commitment, party, source and evidence in words.",
        {
            "commitment_id": "Row number of the commitment in the commitments table.",
            "commitment": "Short name of the commitment.",
            "date": "The day from which the status holds.",
            "status": "The status given.",
            "applies_to": "The party it is for, or 'whole commitment'.",
            "note": "Why the status was given.",
            "source": "The source the judgement rests on.",
            "source_url": "Where that source can be read.",
            "evidence": "The event that shows it.",
        },
    ),
}

#: tables a reader has no use for: bookkeeping of the app (full-text tables Datasette hides)
HIDDEN_TABLES = ("_sqlite_migrations", "event_month_counts", STATUSES_TABLE)


def columns_of(name: str) -> dict[str, str]:
    """The column descriptions of a table or view (a record table's shared columns too)."""
    if name in VIEWS:
        return VIEWS[name][1]
    columns = TABLES[name][1]
    return (RECORD_COLUMNS | columns) if name in RECORD_TABLES else columns
