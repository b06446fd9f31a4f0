"""The SQL reference: every count the dashboard makes, answered directly in SQL.

The app counts from the status index (store/status_index.py), which holds the history in
arrays; these queries say the same thing the slow, obvious way, and the tests hold the index
(and the charts) against them. They are not part of the app.
"""

from __future__ import annotations

from sqlite_utils import Database

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store.queries import (
    STATUS_AS_OF,
    CommitmentFilter,
    Compliance,
    _filtered_commitments_sql,
    commitment_page,
    fts_query,
    has_party_updates_sql,
    party_status_sql,
    status_as_of_sql,
)

# "+c.made_on" keeps SQLite from walking the made_on index: nearly every commitment passes
# that test, and a table scan is several times faster than index lookups.

# A party stands where the whole commitment stands, unless some update concerns that party
# alone (rare: the partial index status_updates_party_specific finds those quickly).
_PARTY_STATUS = f"""CASE WHEN {has_party_updates_sql("snap.id")}
    THEN {party_status_sql("cp.actor_id", "snap.id")}
    ELSE snap.status END"""


def statuses_as_of(db: Database, as_of: str) -> dict[int, str]:
    """Status of every live commitment made by the as-of date, on that date, by id."""
    sql = (
        f"SELECT c.id, {STATUS_AS_OF} FROM commitments c "
        "WHERE c.deleted_at IS NULL AND c.made_on <= :as_of"
    )
    return dict(db.execute(sql, {"as_of": as_of}).fetchall())


def overdue_commitments(db: Database, as_of: str) -> list[dict]:
    """Commitments whose deadline passed before as_of while they were still open."""
    return commitment_page(
        db, as_of, CommitmentFilter(overdue_only=True), sort="deadline", limit=-1
    )


_PERIOD_END = {
    "month": "date({x}, 'start of month', '+1 month', '-1 day')",
    "week": "date({x}, 'weekday 0')",
}


_NEXT_PERIOD = {
    "month": "date({x}, '+1 day', '+1 month', '-1 day')",
    "week": "date({x}, '+7 days')",
}


def status_counts_per_period(
    db: Database, as_of: str, period: str = "month", flt: CommitmentFilter | None = None
) -> list[tuple[str, str, int]]:
    """(period end, status, commitments in that status at the period's end), up to as_of.

    Each status update opens a span that the next update closes; a span adds +1 to its status in
    the period it starts and -1 in the period it ends, and a running sum gives the counts.
    The period holding as_of is counted as it stood on as_of.
    """
    if period not in _PERIOD_END:
        raise ValueError(f"unknown period {period!r}; expected month or week")
    bucket = _PERIOD_END[period]
    only, params = _only_filtered(flt)
    sql = f"""
    WITH RECURSIVE
    live AS (SELECT c.id, c.made_on FROM commitments c
             WHERE c.deleted_at IS NULL AND +c.made_on <= :as_of AND {only}),
    days AS (  -- the days on which a commitment's status may change, from the day it was made
        SELECT live.id, live.made_on AS day FROM live
        UNION
        SELECT live.id, MAX(s.date, live.made_on) FROM status_updates s
        JOIN live ON live.id = s.commitment_id
        WHERE s.deleted_at IS NULL AND s.date <= :as_of),
    spans AS (
        SELECT {status_as_of_sql("days.id", "days.day")} AS status, day AS start,
               LEAD(day) OVER (PARTITION BY id ORDER BY day) AS stop
        FROM days),
    deltas AS (
        SELECT {bucket.format(x="start")} AS period, status, 1 AS delta FROM spans
        UNION ALL
        SELECT {bucket.format(x="stop")}, status, -1 FROM spans WHERE stop IS NOT NULL),
    periods(period) AS (
        SELECT MIN(period) FROM deltas
        UNION ALL
        SELECT {_NEXT_PERIOD[period].format(x="period")} FROM periods
        WHERE period < {bucket.format(x=":as_of")}),
    statuses(status) AS (VALUES {", ".join(f"('{s.value}')" for s in Status)}),
    totals AS (SELECT period, status, SUM(delta) AS delta FROM deltas GROUP BY period, status)
    SELECT p.period, st.status,
           SUM(COALESCE(t.delta, 0)) OVER (PARTITION BY st.status ORDER BY p.period) AS n
    FROM periods p CROSS JOIN statuses st
    LEFT JOIN totals t ON t.period = p.period AND t.status = st.status
    WHERE p.period IS NOT NULL
    ORDER BY p.period, st.status
    """
    rows = db.execute(sql, params | {"as_of": as_of}).fetchall()
    return [(period_end, status, int(n)) for period_end, status, n in rows]


def _only_filtered(flt: CommitmentFilter | None) -> tuple[str, dict]:
    """A condition on c.id keeping the commitments that flt lets through ('1' when no filter)."""
    if flt is None or flt.is_empty():
        return "1", {}
    sql, params = _filtered_commitments_sql(flt)
    return f"c.id IN (SELECT id FROM ({sql}))", params


class StatusSnapshot:
    """Every commitment's status on one date, computed once into temporary tables, from which
    the by-party, by-category and compliance counts are quick groupings. Use with `with`."""

    def __init__(self, db: Database, as_of: str, flt: CommitmentFilter | None = None) -> None:
        self.db = db
        self.as_of = as_of
        self.flt = flt
        self._party_rows: list | None = None

    def __enter__(self) -> StatusSnapshot:
        only, params = _only_filtered(self.flt)
        params = params | {"as_of": self.as_of}
        self._drop()
        self.db.execute(
            f"""CREATE TEMP TABLE snap AS
                SELECT c.id, c.category, {STATUS_AS_OF} AS status FROM commitments c
                WHERE c.deleted_at IS NULL AND +c.made_on <= :as_of AND {only}""",
            params,
        )
        self.db.execute(
            f"""CREATE TEMP TABLE party_snap AS
                SELECT cp.actor_id, cp.role, {_PARTY_STATUS} AS status
                FROM snap JOIN commitment_parties cp ON cp.commitment_id = snap.id""",
            {"as_of": self.as_of},
        )
        return self

    def __exit__(self, *_exc) -> None:
        self._drop()

    def _drop(self) -> None:
        self.db.execute("DROP TABLE IF EXISTS temp.snap")
        self.db.execute("DROP TABLE IF EXISTS temp.party_snap")

    def by_category(self) -> list[tuple[str, str, int]]:
        sql = """SELECT category, status, COUNT(*) FROM temp.snap
                 GROUP BY category, status ORDER BY category, status"""
        return [tuple(r) for r in self.db.execute(sql).fetchall()]

    def status_counts(self) -> dict[str, int]:
        """How many commitments stand in each status on the snapshot's date."""
        sql = "SELECT status, COUNT(*) FROM temp.snap GROUP BY status"
        return dict(self.db.execute(sql).fetchall())

    def _party_counts(self) -> list[tuple[int, str, str, str, int]]:
        """(actor id, name, role, status, count): one SQL grouping serves both views."""
        if self._party_rows is None:
            sql = """SELECT p.actor_id, a.name, p.role, p.status, p.n FROM (
                         SELECT actor_id, role, status, COUNT(*) AS n FROM temp.party_snap
                         GROUP BY actor_id, role, status) p
                     JOIN actors a ON a.id = p.actor_id ORDER BY a.name, p.status"""
            self._party_rows = [tuple(r) for r in self.db.execute(sql).fetchall()]
        return self._party_rows

    def by_party(self) -> list[tuple[int, str, str, int]]:
        """(actor id, name, status, count): each party's own status on the commitments it
        promised (the same commitments its compliance score is the mean of)."""
        return [
            (actor_id, name, status, n)
            for actor_id, name, role, status, n in self._party_counts()
            if role == "promisor"
        ]

    def compliance(self) -> list[Compliance]:
        sums: dict[tuple[int, str], list[float]] = {}
        for actor_id, name, role, status, n in self._party_counts():
            score = STATUS_INFO[Status(status)].compliance
            if role != "promisor" or score is None:
                continue
            total = sums.setdefault((actor_id, name), [0.0, 0])
            total[0] += score * n
            total[1] += n
        return [
            Compliance(actor_id, name, total / rated, rated)
            for (actor_id, name), (total, rated) in sums.items()
        ]


def counts_by_party(
    db: Database, as_of: str, flt: CommitmentFilter | None = None
) -> list[tuple[int, str, str, int]]:
    """(actor id, actor name, status, count) of the commitments each party promised, as that
    party stands on them."""
    with StatusSnapshot(db, as_of, flt) as snapshot:
        return snapshot.by_party()


def counts_by_category(
    db: Database, as_of: str, flt: CommitmentFilter | None = None
) -> list[tuple[str, str, int]]:
    """(category, status, count) of live commitments made by as_of."""
    with StatusSnapshot(db, as_of, flt) as snapshot:
        return snapshot.by_category()


def compliance_by_party(
    db: Database, as_of: str, flt: CommitmentFilter | None = None
) -> list[Compliance]:
    """G7-style compliance per promising party: mean of +1 / 0 / -1, unrated left out."""
    with StatusSnapshot(db, as_of, flt) as snapshot:
        return snapshot.compliance()


def search_commitments(db: Database, text: str, as_of: str) -> list[dict]:
    """Full-text search over commitment titles, descriptions and status notes."""
    return commitment_page(db, as_of, CommitmentFilter(text=text), limit=-1)


def search_events(db: Database, text: str) -> list[int]:
    sql = """SELECT e.id FROM events_fts f JOIN events e ON e.id = f.rowid
             WHERE events_fts MATCH :fts AND e.deleted_at IS NULL ORDER BY e.date"""
    return [r[0] for r in db.execute(sql, {"fts": fts_query(text)}).fetchall()]


def status_over_time(db: Database, as_of: str, flt: CommitmentFilter | None = None):
    """The status-over-time chart's numbers, month by month, from the SQL above."""
    from desktop_app.charts.chart_data import StatusOverTime

    rows = status_counts_per_period(db, as_of, "month", flt)
    periods = sorted({p for p, _, _ in rows})
    position = {p: i for i, p in enumerate(periods)}
    counts = {s.value: [0] * len(periods) for s in Status}
    for period_end, status, n in rows:
        counts[status][position[period_end]] = n
    return StatusOverTime(periods, counts)
