"""The database schema as numbered migrations (sqlite-utils Migrations), each atomic.

Never edit a migration that has shipped: add a new one. PRAGMA user_version mirrors the number of
applied migrations so that an older app can recognise a newer file without reading any table.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "commitment_tracker"
migrations = Migrations(MIGRATION_SET)

_RECORD = """
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT"""

_SCHEMA_1 = f"""
CREATE TABLE actors ({_RECORD},
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'state'
        CHECK (kind IN ('state', 'organisation', 'armed_group', 'person')),
    iso3 TEXT
);
CREATE INDEX actors_iso3 ON actors(iso3);

CREATE TABLE places ({_RECORD},
    name TEXT NOT NULL,
    country_iso3 TEXT,
    admin1 TEXT,
    latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180),
    precision TEXT NOT NULL DEFAULT 'exact' CHECK (precision IN ('exact', 'near', 'region'))
);
CREATE INDEX places_name ON places(name);

CREATE TABLE sources ({_RECORD},
    url TEXT,
    title TEXT NOT NULL,
    publisher TEXT,
    published_on TEXT,
    accessed_on TEXT,
    excerpt TEXT
);

CREATE TABLE events ({_RECORD},
    date TEXT NOT NULL,
    end_date TEXT,
    date_precision TEXT NOT NULL DEFAULT 'day'
        CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
        ('meeting', 'visit', 'agreement', 'statement', 'strike', 'attack', 'incident', 'other')),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    place_id INTEGER REFERENCES places(id),
    fatalities INTEGER CHECK (fatalities IS NULL OR fatalities >= 0)
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_kind_date ON events(kind, date);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL DEFAULT 'actor' CHECK (role IN ('actor', 'target', 'host', 'participant')),
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX event_actors_actor ON event_actors(actor_id);

CREATE TABLE event_sources (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (event_id, source_id)
);

CREATE TABLE commitments ({_RECORD},
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'other' CHECK (category IN
        ('security', 'economic', 'diplomatic', 'political', 'humanitarian', 'other')),
    made_on TEXT NOT NULL,
    origin_event_id INTEGER REFERENCES events(id),
    deadline TEXT,
    deadline_precision TEXT NOT NULL DEFAULT 'day'
        CHECK (deadline_precision IN ('day', 'week', 'month', 'year'))
);
CREATE INDEX commitments_deadline ON commitments(deadline);
CREATE INDEX commitments_made_on ON commitments(made_on);

CREATE TABLE commitment_parties (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL DEFAULT 'promisor'
        CHECK (role IN ('promisor', 'beneficiary', 'guarantor')),
    PRIMARY KEY (commitment_id, actor_id)
);
CREATE INDEX commitment_parties_actor ON commitment_parties(actor_id);

CREATE TABLE commitment_places (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    place_id INTEGER NOT NULL REFERENCES places(id),
    PRIMARY KEY (commitment_id, place_id)
);

CREATE TABLE commitment_sources (
    commitment_id INTEGER NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (commitment_id, source_id)
);

CREATE TABLE status_updates ({_RECORD},
    commitment_id INTEGER NOT NULL REFERENCES commitments(id),
    date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('not_rated', 'in_progress', 'stalled',
        'partially_fulfilled', 'fulfilled', 'broken')),
    actor_id INTEGER REFERENCES actors(id),
    note TEXT NOT NULL DEFAULT '',
    source_id INTEGER REFERENCES sources(id),
    evidence_event_id INTEGER REFERENCES events(id)
);
CREATE INDEX status_updates_history ON status_updates(commitment_id, date, id);
CREATE INDEX status_updates_date ON status_updates(date);

CREATE TABLE statistics ({_RECORD},
    label TEXT NOT NULL,
    value REAL NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    period_start TEXT,
    period_end TEXT,
    baseline_value REAL,
    baseline_start TEXT,
    baseline_end TEXT,
    place_id INTEGER REFERENCES places(id),
    country_iso3 TEXT,
    source_id INTEGER REFERENCES sources(id),
    method_note TEXT NOT NULL DEFAULT ''
);
"""


# the columns each full-text index covers (kept in step with its table by triggers)
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "commitments": ("title", "description"),
    "events": ("title", "description"),
    "status_updates": ("note",),
}


@migrations(name="0001_initial_schema")
def _initial_schema(db: Database) -> None:
    db.executescript(_SCHEMA_1)
    for table, columns in FTS_COLUMNS.items():
        db.table(table).enable_fts(list(columns), create_triggers=True)


_EVENT_MONTH_COUNTS = """
-- Events per month and kind, kept by triggers in the same transaction as every change to
-- events, so it cannot disagree with them; the dashboard reads it instead of scanning events.
CREATE TABLE event_month_counts (
    month TEXT NOT NULL,
    kind TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (month, kind)
) WITHOUT ROWID;
INSERT INTO event_month_counts (month, kind, n)
    SELECT substr(date, 1, 7), kind, COUNT(*) FROM events WHERE deleted_at IS NULL
    GROUP BY substr(date, 1, 7), kind;
CREATE TRIGGER event_month_counts_insert AFTER INSERT ON events WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO event_month_counts (month, kind, n) VALUES (substr(new.date, 1, 7), new.kind, 1)
    ON CONFLICT (month, kind) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_month_counts_delete AFTER DELETE ON events WHEN old.deleted_at IS NULL
BEGIN
    UPDATE event_month_counts SET n = n - 1
    WHERE month = substr(old.date, 1, 7) AND kind = old.kind;
END;
CREATE TRIGGER event_month_counts_update_old AFTER UPDATE OF date, kind, deleted_at ON events
WHEN old.deleted_at IS NULL
BEGIN
    UPDATE event_month_counts SET n = n - 1
    WHERE month = substr(old.date, 1, 7) AND kind = old.kind;
END;
CREATE TRIGGER event_month_counts_update_new AFTER UPDATE OF date, kind, deleted_at ON events
WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO event_month_counts (month, kind, n) VALUES (substr(new.date, 1, 7), new.kind, 1)
    ON CONFLICT (month, kind) DO UPDATE SET n = n + 1;
END;
-- Few updates concern one party only; this small index finds them without scanning history.
CREATE INDEX status_updates_party_specific ON status_updates(commitment_id, actor_id)
    WHERE actor_id IS NOT NULL;
"""


@migrations(name="0002_event_month_counts")
def _event_month_counts(db: Database) -> None:
    db.executescript(_EVENT_MONTH_COUNTS)


@migrations(name="0003_live_event_order")
def _live_event_order(db: Database) -> None:
    # The events table lists live events by date; this index holds exactly those, in order,
    # so the table's row order for a million events is read from the index alone.
    db.execute("CREATE INDEX events_live_by_date ON events(date, id) WHERE deleted_at IS NULL")


@migrations(name="0004_fewer_event_indexes")
def _fewer_event_indexes(db: Database) -> None:
    # Every query on events by date concerns live events (events_live_by_date serves them) and
    # counts by kind come from event_month_counts; these two only slowed every insert down
    # (about 10 s for each million imported events).
    db.execute("DROP INDEX IF EXISTS events_date")
    db.execute("DROP INDEX IF EXISTS events_kind_date")


_EMPTY_MONTHS_GO = """
-- A month whose last event is deleted loses its row, so that adding an event and undoing it
-- leaves the table exactly as it was (the undo log of the session compares whole tables).
DELETE FROM event_month_counts WHERE n <= 0;
CREATE TRIGGER event_month_counts_drop_empty AFTER UPDATE OF n ON event_month_counts
WHEN new.n <= 0
BEGIN
    DELETE FROM event_month_counts WHERE month = new.month AND kind = new.kind;
END;
"""


@migrations(name="0005_empty_months_go")
def _empty_months_go(db: Database) -> None:
    db.executescript(_EMPTY_MONTHS_GO)


@migrations(name="0006_commitment_quote")
def _commitment_quote(db: Database) -> None:
    # The exact words of the promise and the source they are quoted from: the evidence a
    # reader checks a rating against.
    db.execute("ALTER TABLE commitments ADD COLUMN quote TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE commitments ADD COLUMN quote_source_id INTEGER REFERENCES sources(id)")


_MERGE_LOG = """
-- Who this file is, for merges: the tie-break between two versions of a record saved in the
-- same second (each file gets its own random id when it is made or upgraded).
CREATE TABLE file_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    file_id TEXT NOT NULL
);
-- One row per merge into this file.
CREATE TABLE merges (
    id INTEGER PRIMARY KEY,
    merged_at TEXT NOT NULL,
    from_file TEXT NOT NULL,
    from_file_id TEXT NOT NULL,
    added INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);
-- The value that lost when both files held a record with different values: nothing a
-- colleague typed is thrown away without a trace. Values are JSON.
CREATE TABLE merge_conflicts (
    id INTEGER PRIMARY KEY,
    merge_id INTEGER NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    record_uuid TEXT NOT NULL,
    record_label TEXT NOT NULL,
    field TEXT NOT NULL,
    kept_value TEXT NOT NULL,
    lost_value TEXT NOT NULL,
    kept_side TEXT NOT NULL CHECK (kept_side IN ('yours', 'theirs')),
    lost_updated_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    UNIQUE (table_name, record_uuid, field, lost_value, lost_updated_at)
);
-- The file a merged-in version of a record was saved in (while its updated_at still matches),
-- so that a tie between versions is broken the same way in whatever order files are merged.
CREATE TABLE version_origins (
    table_name TEXT NOT NULL,
    uuid TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    file_id TEXT NOT NULL,
    PRIMARY KEY (table_name, uuid)
) WITHOUT ROWID;
"""


@migrations(name="0007_merge_log")
def _merge_log(db: Database) -> None:
    db.executescript(_MERGE_LOG)
    db.execute("INSERT INTO file_identity (id, file_id) VALUES (1, ?)", [_first_file_id(db)])


def _first_file_id(db: Database) -> str:
    """A new file's id is random. A file with records gets one drawn from its oldest records,
    so that copies of one older file upgraded apart (or a private upgraded copy made again for
    each merge) share an id, as plain copies of a file do."""
    import uuid

    oldest = [
        row[0]
        for table in ("actors", "places", "sources", "events", "commitments", "status_updates",
                      "statistics")  # the record tables of this version
        for row in db.execute(f"SELECT uuid FROM {table} ORDER BY id LIMIT 1")
    ]  # fmt: skip
    if not oldest:
        return str(uuid.uuid4())
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "commitment-tracker:" + "|".join(oldest)))


_RECORD_CHANGES = f"""
-- The change log an analyst reads (store/change_history.py writes it): created_at is when the
-- change was made. A record like the others (uuid and all), so that merged files keep both logs.
CREATE TABLE record_changes ({_RECORD},
    analyst TEXT NOT NULL DEFAULT '',
    table_name TEXT NOT NULL,
    record_uuid TEXT,
    action TEXT NOT NULL
        CHECK (action IN
            ('insert', 'update', 'delete', 'restore', 'remove', 'link', 'unlink', 'import')),
    field TEXT,
    old_value,
    new_value
);
CREATE INDEX record_changes_record ON record_changes(record_uuid);
"""


@migrations(name="0008_record_changes")
def _record_changes(db: Database) -> None:
    db.executescript(_RECORD_CHANGES)


@migrations(name="0009_source_snapshots")
def _source_snapshots(db: Database) -> None:
    # The whole text of an article a source was made from, zlib-compressed (store/snapshots.py),
    # and the sentences its records came from, as a JSON list: the evidence outlives the link.
    db.execute("ALTER TABLE sources ADD COLUMN snapshot BLOB")
    db.execute("ALTER TABLE sources ADD COLUMN snapshot_sentences TEXT")


@migrations(name="0010_source_citation_indexes")
def _source_citation_indexes(db: Database) -> None:
    # The records citing one source (the Sources tab, a merge of duplicates) are found through
    # these instead of a scan of every status update or event link (3.5 s on half a million
    # status updates). Partial where most rows cite nothing, so that they cost nothing there.
    db.executescript(
        """
        CREATE INDEX commitment_sources_source ON commitment_sources(source_id);
        CREATE INDEX event_sources_source ON event_sources(source_id);
        CREATE INDEX status_updates_source ON status_updates(source_id)
            WHERE source_id IS NOT NULL;
        CREATE INDEX statistics_source ON statistics(source_id) WHERE source_id IS NOT NULL;
        CREATE INDEX commitments_quote_source ON commitments(quote_source_id)
            WHERE quote_source_id IS NOT NULL;
        """
    )


@migrations(name="0011_place_local_names")
def _place_local_names(db: Database) -> None:
    # A place's name in its country's script beside the English one, so that analysts who
    # read Persian, Urdu or Arabic sources find and recognise it; filled from GeoNames'
    # alternate names for the places already recorded (store/local_names.py).
    from desktop_app.store.local_names import fill_local_names

    db.execute("ALTER TABLE places ADD COLUMN local_name TEXT NOT NULL DEFAULT ''")
    fill_local_names(db)


@migrations(name="0012_live_commitments_by_made_on")
def _live_commitments_by_made_on(db: Database) -> None:
    # The commitments table lists live commitments made by the as-of date, by default in the
    # order they were made: this index holds exactly those, so that their ids in that order
    # and their count are read from the index alone (34 ms and 4 ms for 100,000, instead of
    # 160 ms and 110 ms with a look-up of every row for deleted_at). A new as-of date reads
    # them again.
    db.execute(
        "CREATE INDEX commitments_live_by_made_on ON commitments(made_on) WHERE deleted_at IS NULL"
    )


SCHEMA_VERSION = len(migrations._migrations)


def migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]
