"""Read queries the app needs, each answered in SQL (no Python loops over all rows).

"As of" everywhere means: the state of the record on that date, judged from the status history.
A commitment's status is never stored; it follows the rule of domain/status.py, said here once
in SQL (status_as_of_sql, party_status_sql): each party stands at the latest update on or
before the date that is for the whole commitment or for it (on one day, its own update first,
then the later entered, then the later status in the list, then the greater UUID), and the
commitment stands where its promisors agree, or "mixed". Without updates for one party, that is
simply the latest whole-commitment update ("not_rated" when there is none).
"""

from __future__ import annotations

import json
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.status import (
    OPEN_STATUSES,
    STATUS_INFO,
    STATUS_ORDER,
    Status,
    compliance_percent,
)
from desktop_app.store.records import RECORD_TABLES

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

_RANK = "CASE {x} " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(STATUS_ORDER))
_RANK += " END"


def _latest_status_sql(commitment: str, as_of: str, party: str | None) -> str:
    """The status of the update that stands on as_of for the whole commitment (party None)
    or for one party: the latest dated that applies; on its day, the one no other applicable
    update beats in (for this party alone, entered later, later status in the list, greater
    UUID). Never the row id, which an import hands out in file order. (Said as "no other beats
    it" rather than as a sort, because the index then gives the latest day with no sorting.)"""

    def applies(x: str) -> str:
        if party is None:
            return f"{x}.actor_id IS NULL"
        return f"({x}.actor_id IS NULL OR {x}.actor_id = {party})"

    def key(x: str) -> str:
        return (
            f"({x}.actor_id IS NOT NULL, {x}.created_at, {_RANK.format(x=x + '.status')}, {x}.uuid)"
        )

    return f"""COALESCE((
    SELECT s.status FROM status_updates s
    WHERE s.commitment_id = {commitment} AND s.deleted_at IS NULL AND s.date <= {as_of}
      AND {applies("s")} AND NOT EXISTS (
        SELECT 1 FROM status_updates t
        WHERE t.commitment_id = s.commitment_id AND t.date = s.date
          AND t.id <> s.id  -- not itself (cheap: the id is in the index)
          AND t.deleted_at IS NULL AND {applies("t")} AND {key("t")} > {key("s")})
    ORDER BY s.date DESC LIMIT 1), 'not_rated')"""


def whole_status_sql(commitment: str = "c.id", as_of: str = ":as_of") -> str:
    """The status of the whole-commitment update of commitment that stands on as_of (SQL
    expressions), or 'not_rated'."""
    return _latest_status_sql(commitment, as_of, None)


def party_status_sql(party: str, commitment: str = "c.id", as_of: str = ":as_of") -> str:
    """The party's own status on as_of: the update for the whole commitment or for the party
    that stands then, its own first on the same day."""
    return _latest_status_sql(commitment, as_of, party)


def has_party_updates_sql(commitment: str = "c.id") -> str:
    """Whether some live update of commitment is for one party only (the partial index
    status_updates_party_specific answers it; few commitments have one)."""
    return f"""EXISTS (SELECT 1 FROM status_updates p
    WHERE p.commitment_id = {commitment} AND p.actor_id IS NOT NULL AND p.deleted_at IS NULL)"""


def _headline_parties_sql(commitment: str) -> str:
    """The parties whose statuses make the headline: the promisors, or all when none."""
    return f"""SELECT cp.actor_id FROM commitment_parties cp
    WHERE cp.commitment_id = {commitment} AND (cp.role = 'promisor' OR NOT EXISTS (
        SELECT 1 FROM commitment_parties q
        WHERE q.commitment_id = {commitment} AND q.role = 'promisor'))"""


def status_as_of_sql(commitment: str = "c.id", as_of: str = ":as_of") -> str:
    """The commitment's (headline) status on as_of, by the rule of domain/status.py."""
    whole = whole_status_sql(commitment, as_of)
    return f"""(CASE WHEN {has_party_updates_sql(commitment)} THEN (
    SELECT CASE WHEN COUNT(*) = 0 THEN {whole}
                WHEN MIN(st) = MAX(st) THEN MIN(st) ELSE '{Status.MIXED.value}' END
    FROM (SELECT {party_status_sql("hp.actor_id", commitment, as_of)} AS st
          FROM ({_headline_parties_sql(commitment)}) hp
          LIMIT -1 OFFSET 0))  -- kept whole, so each party's status is worked out once
    ELSE {whole} END)"""


STATUS_AS_OF = status_as_of_sql()


def status_label_sql(status: str) -> str:
    """A status code (SQL expression) as its label, for exports read by people."""
    cases = " ".join(f"WHEN '{s.value}' THEN '{i.label}'" for s, i in STATUS_INFO.items())
    return f"(CASE {status} {cases} END)"


def party_statuses_text_sql(commitment: str = "c.id", as_of: str = ":as_of") -> str:
    """Each party's own status as words ("PAK: In progress; IRN: Partially fulfilled", in
    the order the parties were listed), or NULL when they all stand at the headline (always so
    without an update for one party). The same text as domain.status.party_statuses_text."""
    own = party_status_sql("cp.actor_id", commitment, as_of)
    return f"""(CASE WHEN {has_party_updates_sql(commitment)} THEN (
    SELECT CASE WHEN MIN(st) = MAX(st) THEN NULL
                ELSE group_concat(code || ': ' || {status_label_sql("st")}, '; ') END
    FROM (SELECT COALESCE(a.iso3, a.name) AS code, {own} AS st
          FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id
          WHERE cp.commitment_id = {commitment}
          GROUP BY cp.actor_id ORDER BY MIN(cp.rowid))) END)"""


# "As of a date" means "as known on that date": a record dated after it is not shown at all.
# A statistic is known from its source's publication date, else from the end of its period.
STATISTIC_KNOWN_ON = """COALESCE(
    (SELECT src.published_on FROM sources src WHERE src.id = s.source_id),
    s.period_end, s.period_start, '0000-01-01')"""

_OPEN = ", ".join(f"'{s.value}'" for s in OPEN_STATUSES)
# domain.status.is_overdue in SQL, on a row with deadline and status
OVERDUE = f"(deadline IS NOT NULL AND deadline < :as_of AND status IN ({_OPEN}))"

_SORT_EXPRESSIONS = {
    "title": "title COLLATE NOCASE",
    "parties": "parties COLLATE NOCASE",
    "category": "category",
    "made_on": "made_on",
    "deadline": "deadline IS NULL, deadline",
    "status": "status_rank",
    "party_statuses": "status_rank",  # worked out per page; the headline orders them
}

_STATUS_RANK = _RANK.format(x="status")


@dataclass
class CommitmentFilter:
    """What the filter bar asks for; empty fields do not filter."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    category: str | None = None
    party_id: int | None = None
    place_id: int | None = None
    place_ids: tuple[int, ...] = ()  # an area chosen on the map: commitments at any of them
    made_from: str | None = None
    made_to: str | None = None
    overdue_only: bool = False
    unsourced_only: bool = False  # the rating that stands on the as-of date cites no source

    def is_empty(self) -> bool:
        return self == CommitmentFilter()


def fts_query(text: str) -> str:
    """Turn what a user typed into a safe FTS5 query: every word, as a prefix, must match.

    Each word becomes an FTS5 string (a quote inside doubled), so nothing typed is read as
    query syntax (AND, NEAR(, *, -, a lone quote). NUL and lone surrogates, which SQLite
    cannot take, are dropped. Text with no word left matches nothing ('""', the empty phrase),
    since an empty query would be a syntax error.
    """
    cleaned = "".join(c for c in text if c != "\0" and not "\ud800" <= c <= "\udfff")
    words = cleaned.split()
    if not words:
        return '""'
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def unsourced_rating_sql(commitment: str = "c.id", as_of: str = ":as_of") -> str:
    """Whether the commitment's latest rating on as_of (the last status update of its
    history by then, whoever it concerns) cites no source: the rating rests on no evidence a
    reader can check. False for a commitment never rated."""
    return f"""EXISTS (SELECT 1 FROM (
        SELECT su.source_id FROM status_updates su
        WHERE su.commitment_id = {commitment} AND su.deleted_at IS NULL AND su.date <= {as_of}
        ORDER BY su.date DESC, su.actor_id IS NOT NULL DESC, su.created_at DESC, su.id DESC
        LIMIT 1) AS latest WHERE latest.source_id IS NULL)"""


def _commitment_conditions(flt: CommitmentFilter) -> tuple[list[str], dict]:
    """WHERE conditions on commitments c for everything in flt that does not need the status."""
    where = ["c.deleted_at IS NULL", "c.made_on <= :as_of"]  # made by the as-of date
    params: dict = {}
    if flt.text.strip():
        where.append(
            """c.id IN (
                SELECT rowid FROM commitments_fts WHERE commitments_fts MATCH :fts
                UNION
                SELECT su.commitment_id FROM status_updates_fts f
                JOIN status_updates su ON su.id = f.rowid
                WHERE status_updates_fts MATCH :fts AND su.deleted_at IS NULL)"""
        )
        params["fts"] = fts_query(flt.text)
    if flt.category:
        where.append("c.category = :category")
        params["category"] = flt.category
    if flt.party_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM commitment_parties p "
            "WHERE p.commitment_id = c.id AND p.actor_id = :party_id)"
        )
        params["party_id"] = flt.party_id
    if flt.place_id is not None:
        where.append(
            "EXISTS (SELECT 1 FROM commitment_places p "
            "WHERE p.commitment_id = c.id AND p.place_id = :place_id)"
        )
        params["place_id"] = flt.place_id
    if flt.place_ids:  # one JSON parameter: an area may hold thousands of places
        where.append(
            "EXISTS (SELECT 1 FROM commitment_places p WHERE p.commitment_id = c.id "
            "AND p.place_id IN (SELECT value FROM json_each(:area)))"
        )
        params["area"] = json.dumps(list(flt.place_ids))
    if flt.made_from:
        where.append("c.made_on >= :made_from")
        params["made_from"] = flt.made_from
    if flt.made_to:
        where.append("c.made_on <= :made_to")
        params["made_to"] = flt.made_to
    if flt.overdue_only:  # only a passed deadline can be overdue: no status work for the rest
        where.append("+c.deadline < :as_of")
    if flt.unsourced_only:
        where.append(unsourced_rating_sql())
    return where, params


def orders_without_status(flt: CommitmentFilter, sort: str | None = None) -> bool:
    """Whether the commitments under flt can be counted and put in order without working out
    any status or party list (which costs one lookup per matching row)."""
    return not (flt.statuses or flt.overdue_only or sort in ("status", "party_statuses", "parties"))


def _lean_sql(flt: CommitmentFilter, sort: str | None = None) -> tuple[str, dict] | None:
    """Commitments under flt with only the columns the cheap sorts use, or None when
    orders_without_status says no."""
    if not orders_without_status(flt, sort):
        return None
    where, params = _commitment_conditions(flt)
    columns = "c.id, c.title, c.category, c.made_on, c.deadline"  # what the sorts use
    return f"SELECT {columns} FROM commitments c WHERE {' AND '.join(where)}", params


def _filtered_commitments_sql(flt: CommitmentFilter) -> tuple[str, dict]:
    """SQL selecting live commitments with their as-of status, restricted by flt."""
    where, params = _commitment_conditions(flt)
    outer = []
    if flt.statuses:  # the headline, or any party's own status
        marks = ", ".join(f":status{i}" for i in range(len(flt.statuses)))
        own = party_status_sql("fp.actor_id", "f.id")
        outer.append(
            f"""(f.status IN ({marks}) OR ({has_party_updates_sql("f.id")} AND EXISTS (
                SELECT 1 FROM commitment_parties fp
                WHERE fp.commitment_id = f.id AND {own} IN ({marks}))))"""
        )
        params |= {f"status{i}": s for i, s in enumerate(flt.statuses)}
    if flt.overdue_only:
        outer.append("overdue = 1")
    sql = f"""
        SELECT * FROM (
            SELECT c.id, c.uuid, c.title, c.category, c.made_on, c.deadline,
                   (SELECT group_concat(COALESCE(a.iso3, a.name), ', ')
                      FROM commitment_parties cp2 JOIN actors a ON a.id = cp2.actor_id
                     WHERE cp2.commitment_id = c.id) AS parties,
                   {STATUS_AS_OF} AS status
            FROM commitments c
            WHERE {" AND ".join(where)}
        ) AS x_inner
    """
    sql = f"""
        SELECT *, {_STATUS_RANK} AS status_rank,
               {OVERDUE} AS overdue
        FROM ({sql})
    """
    if outer:
        sql = f"SELECT * FROM ({sql}) AS f WHERE {' AND '.join(outer)}"
    return sql, params


def _order_sql(sort: str, descending: bool) -> str:
    order = _SORT_EXPRESSIONS.get(sort, "made_on")
    direction = "DESC" if descending else "ASC"
    return ", ".join(f"{part.strip()} {direction}" for part in order.split(",")) + (
        f", id {direction}"
    )


def commitment_page(
    db: Database,
    as_of: str,
    flt: CommitmentFilter | None = None,
    sort: str = "made_on",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
) -> list[dict]:
    """One page of the commitments table under a filter, as rows (dicts) ready to show."""
    flt = flt or CommitmentFilter()
    lean = _lean_sql(flt, sort)
    if lean is not None:  # order the ids first, then work out the page's rows only
        sql, params = lean
        sql = f"SELECT id FROM ({sql}) ORDER BY {_order_sql(sort, descending)}"
        sql += " LIMIT :limit OFFSET :offset"
        page = {"limit": limit, "offset": offset, "as_of": as_of}
        ids = [r[0] for r in db.execute(sql, params | page)]
        return commitment_rows(db, as_of, ids)
    sql, params = _filtered_commitments_sql(flt)
    sql += f" ORDER BY {_order_sql(sort, descending)} LIMIT :limit OFFSET :offset"
    params |= {"as_of": as_of, "limit": limit, "offset": offset}
    return [dict(row) for row in rows_of(db, sql, params)]


def commitment_ids(
    db: Database,
    as_of: str,
    flt: CommitmentFilter | None = None,
    sort: str = "made_on",
    descending: bool = False,
) -> array:
    """The ids of every commitment the filter lets through, in table order (for deep paging),
    as a compact array (8 bytes an id; a list would hold an object per id)."""
    flt = flt or CommitmentFilter()
    sql, params = _lean_sql(flt, sort) or _filtered_commitments_sql(flt)
    sql = f"SELECT id FROM ({sql}) ORDER BY {_order_sql(sort, descending)}"
    return array("q", (r[0] for r in db.execute(sql, params | {"as_of": as_of})))


def matching_ids(db: Database, as_of: str, flt: CommitmentFilter) -> list[int]:
    """The ids of every commitment the filter lets through, in no particular order."""
    sql, params = _filtered_commitments_sql(flt)
    return [r[0] for r in db.execute(f"SELECT id FROM ({sql})", params | {"as_of": as_of})]


def commitment_rows(db: Database, as_of: str, ids: list[int]) -> list[dict]:
    """The table rows of these commitments, in the order of ids."""
    if not ids:
        return []
    sql, params = _filtered_commitments_sql(CommitmentFilter())
    marks = ", ".join(f":id{i}" for i in range(len(ids)))
    sql = f"SELECT * FROM ({sql}) WHERE id IN ({marks})"
    params |= {f"id{i}": record_id for i, record_id in enumerate(ids)} | {"as_of": as_of}
    by_id = {row["id"]: row for row in rows_of(db, sql, params)}
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True)
class PartyStatus:
    """One party's own status on a commitment."""

    actor_id: int
    code: str  # ISO 3166-1 alpha-3 for a state, else the name
    name: str
    role: str
    status: str


def party_statuses(
    db: Database, as_of: str, ids: list[int] | None = None
) -> dict[int, list[PartyStatus]]:
    """Each party's own status on as_of, by commitment id, in the order the parties were
    listed (a party listed in two roles once, with its first role): only for commitments with
    an update for one party (the parties of the others all stand at the headline); for ids
    only, when given."""
    if ids is not None and not ids:
        return {}
    if ids is not None and len(ids) <= 500:  # a page: its commitments only
        which = f"""cp.commitment_id IN ({", ".join(str(int(i)) for i in ids)})
                    AND {has_party_updates_sql("cp.commitment_id")}"""
    else:
        which = """cp.commitment_id IN (SELECT commitment_id FROM status_updates
                                        WHERE actor_id IS NOT NULL AND deleted_at IS NULL)"""
    sql = f"""
        SELECT cp.commitment_id, a.id, COALESCE(a.iso3, a.name), a.name, cp.role,
               {party_status_sql("cp.actor_id", "cp.commitment_id")}
        FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id
        WHERE {which}
        ORDER BY cp.commitment_id, cp.rowid"""
    result: dict[int, list[PartyStatus]] = {}
    for commitment_id, *fields in db.execute(sql, {"as_of": as_of}):
        parties = result.setdefault(commitment_id, [])
        if all(p.actor_id != fields[0] for p in parties):
            parties.append(PartyStatus(*fields))
    return result


def commitment_statuses(
    db: Database, as_of: str, commitment_id: int
) -> tuple[str, list[PartyStatus]]:
    """One commitment's status on as_of, and its parties' own statuses when some differ from
    it (else an empty list)."""
    sql = f"SELECT {status_as_of_sql(':id')}"
    headline = db.execute(sql, {"id": commitment_id, "as_of": as_of}).fetchone()[0]
    parties = party_statuses(db, as_of, [commitment_id]).get(commitment_id, [])
    return headline, parties if any(p.status != headline for p in parties) else []


def with_party_statuses(db: Database, as_of: str, rows: list[dict]) -> list[dict]:
    """Give each row of commitment_page or commitment_rows its parties' own statuses
    ("party_statuses"), a list that is empty when every party stands at the headline."""
    found = party_statuses(db, as_of, [row["id"] for row in rows]) if rows else {}
    for row in rows:
        parties = found.get(row["id"], [])
        differs = any(p.status != row["status"] for p in parties)
        row["party_statuses"] = parties if differs else []
    return rows


def count_commitments(db: Database, as_of: str, flt: CommitmentFilter | None = None) -> int:
    flt = flt or CommitmentFilter()
    sql, params = _lean_sql(flt) or _filtered_commitments_sql(flt)
    return db.execute(f"SELECT COUNT(*) FROM ({sql})", params | {"as_of": as_of}).fetchone()[0]


def count_overdue(db: Database, as_of: str) -> int:
    return count_commitments(db, as_of, CommitmentFilter(overdue_only=True))


@dataclass(frozen=True)
class Compliance:
    actor_id: int
    actor: str
    score: float  # -1..+1
    rated: int  # commitments that count towards the score

    @property
    def percent(self) -> float:
        return compliance_percent(self.score)


def events_per_month_by_kind(db: Database, as_of: str) -> list[tuple[str, str, int]]:
    """(YYYY-MM, event kind, count) of live events dated on or before as_of.

    Whole months come from the trigger-kept event_month_counts. The month holding as_of is
    counted from events up to that day or, in its second half, as its whole-month count less
    the events after that day: whichever reads fewer events.
    """
    month = as_of[:7]
    params = {"as_of": as_of, "month": month}
    sql = """SELECT month, kind, n FROM event_month_counts
             WHERE month < :month AND n > 0 ORDER BY month, kind"""
    rows = [tuple(r) for r in db.execute(sql, params).fetchall()]
    live = "SELECT kind, COUNT(*) FROM events WHERE deleted_at IS NULL AND date"
    if int(as_of[8:10]) <= 15:
        sql = f"{live} BETWEEN :month || '-01' AND :as_of GROUP BY kind"
        counted = dict(db.execute(sql, params).fetchall())
    else:  # ('-99' follows every day of the month)
        after = dict(
            db.execute(f"{live} > :as_of AND date <= :month || '-99' GROUP BY kind", params)
        )
        whole = db.execute("SELECT kind, n FROM event_month_counts WHERE month = :month", params)
        counted = {kind: n - after.get(kind, 0) for kind, n in whole}
    return rows + [(month, kind, n) for kind, n in sorted(counted.items()) if n > 0]


def resolution_dates(db: Database, commitment_ids: list[int], as_of: str) -> dict[int, str]:
    """The first day by as_of on which each commitment stood in a closed status (fulfilled,
    broken), by the rule: a party's own update alone does not close it."""
    if not commitment_ids:
        return {}
    marks = ", ".join("?" for _ in commitment_ids)
    closed = ", ".join(f"'{s.value}'" for s, i in STATUS_INFO.items() if i.closed)
    sql = f"""SELECT u.commitment_id, MIN(u.date) FROM (
                  SELECT DISTINCT commitment_id, date FROM status_updates
                  WHERE deleted_at IS NULL AND date <= ? AND commitment_id IN ({marks})) u
              WHERE {status_as_of_sql("u.commitment_id", "u.date")} IN ({closed})
              GROUP BY u.commitment_id"""
    return dict(db.execute(sql, [as_of, *commitment_ids]).fetchall())


_IN_RANGE = f"""FROM statistics s WHERE deleted_at IS NULL AND period_start IS NOT NULL
               AND {STATISTIC_KNOWN_ON} <= :as_of"""


_IN_RANGE_COLUMNS = "id, label, value, unit, period_start, period_end, baseline_value"


def statistics_in_range(db: Database, as_of: str, limit: int = -1) -> list[dict]:
    """Reported statistics known (published) by as_of, with a period, for the events chart,
    earliest period first (the first `limit` of them; all by default)."""
    sql = f"SELECT {_IN_RANGE_COLUMNS} {_IN_RANGE} ORDER BY period_start, id LIMIT :limit"
    return [dict(r) for r in rows_of(db, sql, {"as_of": as_of, "limit": limit})]


def statistics_with_ids(db: Database, ids: list[int]) -> list[dict]:
    """The statistics of ids, in that order, with the columns statistics_in_range gives."""
    sql = f"SELECT {_IN_RANGE_COLUMNS} FROM statistics WHERE id IN (SELECT value FROM json_each(?))"
    by_id = {row["id"]: dict(row) for row in rows_of(db, sql, [json.dumps(ids)])}
    return [by_id[i] for i in ids if i in by_id]


def statistics_in_range_summary(db: Database, as_of: str) -> tuple[int, str | None]:
    """How many statistics statistics_in_range gives, and the earliest period start."""
    sql = f"SELECT COUNT(*), MIN(period_start) {_IN_RANGE}"
    count, earliest = db.execute(sql, {"as_of": as_of}).fetchone()
    return count, earliest


def status_history(db: Database, commitment_id: int) -> list[dict]:
    """The dated history of one commitment, oldest first, with party, source and evidence; on
    one day in the order the rule reads it (whole-commitment updates, then each party's own,
    each the earlier entered first): for each party, the last applicable row stands."""
    sql = f"""
        SELECT s.id, s.uuid, s.date, s.status, s.note, a.name AS party, s.source_id,
               src.url AS source_url, src.title AS source_title, e.title AS evidence
        FROM status_updates s
        LEFT JOIN actors a ON a.id = s.actor_id
        LEFT JOIN sources src ON src.id = s.source_id
        LEFT JOIN events e ON e.id = s.evidence_event_id
        WHERE s.commitment_id = :id AND s.deleted_at IS NULL
        ORDER BY s.date, s.actor_id IS NOT NULL, s.created_at, {_RANK.format(x="s.status")},
                 s.uuid
    """
    return [dict(r) for r in rows_of(db, sql, {"id": commitment_id})]


#: what "known by the as-of date" means for each table that has a date
KNOWN_BY = {
    "commitments": "made_on <= :as_of",
    "events": "date <= :as_of",
    "status_updates": "date <= :as_of",
    "statistics": f"{STATISTIC_KNOWN_ON} <= :as_of",
}


def table_counts(
    db: Database, as_of: str | None = None, tables: tuple[str, ...] = RECORD_TABLES
) -> dict[str, int]:
    """Live (not deleted) rows per main table (of tables); with as_of, only those known by
    that date."""
    counts = {}
    for table in tables:
        where = "deleted_at IS NULL"
        if as_of and table in KNOWN_BY:
            where += f" AND {KNOWN_BY[table]}"
        sql = f"SELECT COUNT(*) FROM {table} s WHERE {where}"
        counts[table] = db.execute(sql, {"as_of": as_of}).fetchone()[0]
    return counts


def rows_of(db: Database, sql: str, params: dict):
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))
