"""Every commitment's status history held as arrays, so that the dashboard's counts for any
as-of date are a few array operations instead of one SQL lookup per commitment.

It is read once per version of the data (the caller keeps it while the data is unchanged) and
answers exactly what the SQL in queries.py answers: a commitment made by a date stands in the
status of its latest update dated on or before it (ties go to the update recorded last), or in
"not_rated" when it has none. Tests hold the two against each other.

Dates are held as YYYYMMDD integers, which order like ISO dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store.queries import Compliance

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

STATUSES = [status.value for status in STATUS_INFO]
NOT_RATED = STATUSES.index(Status.NOT_RATED.value)
NOT_MADE = -1  # a commitment not yet made on the day asked about
NEVER = 99_999_999  # the stop of a span that nothing has closed

_STATUS_CODE = "CASE {x} " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES))
_STATUS_CODE += " END"
_DAY = "CAST(replace(substr({x}, 1, 10), '-', '') AS INTEGER)"
_SCORES = np.array(
    [np.nan if info.compliance is None else info.compliance for info in STATUS_INFO.values()]
)


def day_number(iso: str) -> int:
    """20240129 for "2024-01-29"."""
    return int(iso[:10].replace("-", ""))


def _columns(db: Database, sql: str, count: int, params: dict | None = None) -> list[np.ndarray]:
    rows = db.execute(sql, params or {}).fetchall()
    if not rows:
        return [np.zeros(0, dtype=np.int64) for _ in range(count)]
    return [np.array(column) for column in zip(*rows, strict=True)]


@dataclass
class StatusIndex:
    ids: np.ndarray  # live commitment ids, ascending; "position" below means an index into it
    made_on: np.ndarray  # day made, per position
    category: np.ndarray  # index into categories, per position
    categories: list[str]
    span_position: np.ndarray  # one span per status update: the commitment's position,
    span_start: np.ndarray  # the first day it holds (never before the commitment was made),
    span_stop: np.ndarray  # the day the next update replaces it (NEVER for the latest),
    span_status: np.ndarray  # and its status code (an index into STATUSES)
    pair_position: np.ndarray  # one row per commitment party: the commitment's position,
    pair_actor: np.ndarray  # the party's index into actor_ids and actor_names,
    pair_promisor: np.ndarray  # and whether it promised (only promisors are scored)
    actor_ids: list[int]
    actor_names: list[str]
    party_specific: np.ndarray  # positions of commitments with an update for one party only
    _unfiltered_days: tuple | None = field(default=None, repr=False)

    @classmethod
    def load(cls, db: Database) -> StatusIndex:
        ids, made_on, category = _columns(
            db,
            f"""SELECT id, {_DAY.format(x="made_on")}, category FROM commitments
                WHERE deleted_at IS NULL ORDER BY id""",
            3,
        )
        categories = sorted(set(category.tolist()))
        category_code = np.searchsorted(np.array(categories or [""]), category)
        commitment, start, status = _columns(
            db,
            f"""SELECT commitment_id, {_DAY.format(x="date")}, {_STATUS_CODE.format(x="status")}
                FROM status_updates WHERE deleted_at IS NULL
                ORDER BY commitment_id, date, id""",
            3,
        )
        position, known = _positions(ids, commitment)
        position, start, status = position[known], start[known], status[known]
        stop = np.full(len(start), NEVER, dtype=np.int64)
        same = position[1:] == position[:-1]
        stop[:-1][same] = start[1:][same]
        start = np.maximum(start, made_on[position]) if len(position) else start
        holds = start < stop  # an update replaced on its own day never holds
        pair_commitment, pair_actor_id, pair_role = _columns(
            db, "SELECT commitment_id, actor_id, role FROM commitment_parties", 3
        )
        pair_position, pair_known = _positions(ids, pair_commitment)
        actors = db.execute("SELECT id, name FROM actors ORDER BY id").fetchall()
        actor_ids = [a for a, _ in actors]
        (specific,) = _columns(
            db,
            """SELECT DISTINCT commitment_id FROM status_updates
               WHERE actor_id IS NOT NULL AND deleted_at IS NULL""",
            1,
        )
        specific_position, specific_known = _positions(ids, specific)
        return cls(
            ids=ids,
            made_on=made_on,
            category=category_code,
            categories=categories,
            span_position=position[holds],
            span_start=start[holds],
            span_stop=stop[holds],
            span_status=status[holds],
            pair_position=pair_position[pair_known],
            pair_actor=np.searchsorted(np.array(actor_ids or [0]), pair_actor_id[pair_known]),
            pair_promisor=pair_role[pair_known] == "promisor",
            actor_ids=actor_ids,
            actor_names=[name for _, name in actors],
            party_specific=specific_position[specific_known],
        )

    # --- one day -------------------------------------------------------------------------------
    def statuses_on(self, iso: str) -> np.ndarray:
        """Status code per position on that day, NOT_MADE for commitments made later."""
        day = day_number(iso)
        result = np.full(len(self.ids), NOT_RATED, dtype=np.int64)
        holding = (self.span_start <= day) & (day < self.span_stop)
        result[self.span_position[holding]] = self.span_status[holding]
        result[self.made_on > day] = NOT_MADE
        return result

    def snapshot(self, db: Database, iso: str, only: np.ndarray | None = None) -> Snapshot:
        """Counts on one day of the commitments at the positions `only` marks (all if None)."""
        statuses = self.statuses_on(iso)
        if only is not None:
            statuses = np.where(only, statuses, NOT_MADE)
        party_statuses = statuses[self.pair_position]
        if len(self.party_specific):
            party_statuses = self._with_party_specific(db, iso, party_statuses)
        return Snapshot(self, statuses, party_statuses)

    def _with_party_specific(self, db: Database, iso: str, party_statuses: np.ndarray):
        """Parties of the few commitments with party-specific updates stand as their own
        latest applicable update says (as queries.StatusSnapshot counts them)."""
        marks = ", ".join(str(int(i)) for i in self.ids[self.party_specific])
        rows = db.execute(
            f"""SELECT cp.commitment_id, cp.actor_id, COALESCE((
                    SELECT {_STATUS_CODE.format(x="s.status")} FROM status_updates s
                    WHERE s.commitment_id = cp.commitment_id AND s.deleted_at IS NULL
                      AND s.date <= :as_of AND (s.actor_id IS NULL OR s.actor_id = cp.actor_id)
                    ORDER BY s.date DESC, s.id DESC LIMIT 1), {NOT_RATED})
                FROM commitment_parties cp WHERE cp.commitment_id IN ({marks})""",
            {"as_of": iso},
        ).fetchall()
        own = {(c, a): status for c, a, status in rows}
        result = party_statuses.copy()
        actor_ids = np.array(self.actor_ids)
        for row in np.flatnonzero(np.isin(self.pair_position, self.party_specific)):
            if result[row] == NOT_MADE:
                continue
            key = (int(self.ids[self.pair_position[row]]), int(actor_ids[self.pair_actor[row]]))
            result[row] = own.get(key, result[row])
        return result

    # --- month by month ------------------------------------------------------------------------
    def counts_over_days(self, days: list[str], only: np.ndarray | None = None) -> np.ndarray:
        """How many commitments stood in each status at the end of each day given:
        an array of shape (len(days), len(STATUSES))."""
        day = np.array([day_number(d) for d in days], dtype=np.int64)
        made, spans = self._sorted_days(only)
        result = np.zeros((len(days), len(STATUSES)), dtype=np.int64)
        for code, (starts, stops) in enumerate(spans):
            result[:, code] = np.searchsorted(starts, day, "right") - np.searchsorted(
                stops, day, "right"
            )
        rated = result.sum(axis=1) - result[:, NOT_RATED]
        result[:, NOT_RATED] = np.searchsorted(made, day, "right") - rated
        return result

    def _sorted_days(self, only: np.ndarray | None):
        """Days made, and per status the span starts and stops, each sorted (for counting by
        bisection); kept for the whole index when nothing is filtered out."""
        if only is None and self._unfiltered_days is not None:
            return self._unfiltered_days
        kept = np.ones(len(self.ids), dtype=bool) if only is None else only
        span_kept = kept[self.span_position]
        spans = []
        for code in range(len(STATUSES)):
            chosen = span_kept & (self.span_status == code)
            spans.append((np.sort(self.span_start[chosen]), np.sort(self.span_stop[chosen])))
        result = (np.sort(self.made_on[kept]), spans)
        if only is None:
            self._unfiltered_days = result
        return result

    def first_made(self, only: np.ndarray | None = None) -> str | None:
        made = self.made_on if only is None else self.made_on[only]
        if not len(made):
            return None
        first = str(int(made.min()))
        return f"{first[:4]}-{first[4:6]}-{first[6:8]}"

    def positions_of(self, commitment_ids: list[int]) -> np.ndarray:
        """A mask over positions marking these commitment ids."""
        return np.isin(self.ids, np.array(commitment_ids, dtype=np.int64))


def _positions(ids: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of wanted ids in the sorted ids, and which of them are there at all."""
    if not len(ids):
        return np.zeros(len(wanted), dtype=np.int64), np.zeros(len(wanted), dtype=bool)
    position = np.minimum(np.searchsorted(ids, wanted), len(ids) - 1)
    return position, ids[position] == wanted


@dataclass
class Snapshot:
    """Statuses on one day, per commitment and per commitment party, and their groupings."""

    index: StatusIndex
    statuses: np.ndarray  # per position; NOT_MADE for those left out
    party_statuses: np.ndarray  # per party row

    def status_counts(self) -> dict[str, int]:
        counted = np.bincount(self.statuses[self.statuses >= 0], minlength=len(STATUSES))
        return {status: int(n) for status, n in zip(STATUSES, counted, strict=True) if n}

    def by_category(self) -> list[tuple[str, str, int]]:
        shown = self.statuses >= 0
        width = len(STATUSES)
        keys = self.index.category[shown] * width + self.statuses[shown]
        counted = np.bincount(keys, minlength=len(self.index.categories) * width)
        return [
            (self.index.categories[key // width], STATUSES[key % width], int(counted[key]))
            for key in np.flatnonzero(counted)
        ]

    def by_party(self) -> list[tuple[int, str, str, int]]:
        """(actor id, name, status, count), as queries.StatusSnapshot.by_party gives them."""
        shown = self.party_statuses >= 0
        width = len(STATUSES)
        keys = self.index.pair_actor[shown] * width + self.party_statuses[shown]
        counted = np.bincount(keys, minlength=len(self.index.actor_ids) * width)
        return [
            (
                self.index.actor_ids[key // width],
                self.index.actor_names[key // width],
                STATUSES[key % width],
                int(counted[key]),
            )
            for key in np.flatnonzero(counted)
        ]

    def compliance(self) -> list[Compliance]:
        """G7-style score per promising party: the mean of its scored statuses."""
        statuses = self.party_statuses
        shown = self.index.pair_promisor & (statuses >= 0)
        scores = _SCORES[np.where(shown, statuses, NOT_RATED)]
        scored = shown & ~np.isnan(scores)
        actors = self.index.pair_actor[scored]
        rated = np.bincount(actors, minlength=len(self.index.actor_ids))
        totals = np.bincount(actors, weights=scores[scored], minlength=len(self.index.actor_ids))
        return [
            Compliance(
                self.index.actor_ids[a],
                self.index.actor_names[a],
                float(totals[a] / rated[a]),
                int(rated[a]),
            )
            for a in np.flatnonzero(rated)
        ]
