"""Every commitment's status history held as arrays, so that the dashboard's counts for any
as-of date are a few array operations instead of one SQL lookup per commitment.

It is read once per version of the data (the caller keeps it while the data is unchanged) and
answers exactly what the SQL in queries.py answers, by the rule of domain/status.py: a
commitment with no update for one party only stands at its latest update dated on or before the
day (same-day updates in the rule's order), or in "not_rated" when it has none; for the few
with an update for one party, each party's own spans are worked out, and the commitment's spans
from its promisors' (their shared status, or "mixed"). Tests hold the two against each other.

Dates are held as YYYYMMDD integers, which order like ISO dates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.store.queries import Compliance

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

STATUSES = [status.value for status in STATUS_INFO]
NOT_RATED = STATUSES.index(Status.NOT_RATED.value)
MIXED = STATUSES.index(Status.MIXED.value)
NOT_MADE = -1  # a commitment not yet made on the day asked about
NEVER = 99_999_999  # the stop of a span that nothing has closed
NO_DEADLINE = 0  # the deadline day of a commitment that has none

_STATUS_CODE = "CASE {x} " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES))
_STATUS_CODE += " END"
# the order in which the rule reads one commitment's updates: the last that applies stands
_RULE_ORDER = f"""commitment_id, date, actor_id IS NOT NULL, created_at,
    {_STATUS_CODE.format(x="status")}, uuid"""
DAY_SQL = "CAST(replace(substr({x}, 1, 10), '-', '') AS INTEGER)"  # day_number in SQL
_CATEGORIES = sorted(CATEGORIES)
_CATEGORY_CODE = (
    "CASE category "
    + " ".join(f"WHEN '{c}' THEN {i}" for i, c in enumerate(_CATEGORIES))
    + f" ELSE {_CATEGORIES.index('other')} END"
)
_SCORES = np.array(
    [np.nan if info.compliance is None else info.compliance for info in STATUS_INFO.values()]
)


def day_number(iso: str) -> int:
    """20240129 for "2024-01-29"."""
    return int(iso[:10].replace("-", ""))


def iso_day(day: int) -> str:
    """ "2024-01-29" for 20240129."""
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def _columns(db: Database, sql: str, dtypes: tuple, params: dict | None = None) -> list:
    """The result of sql as one array per column, of the dtypes given, read a chunk at a time
    (a million rows as Python tuples would cost far more memory than the arrays)."""
    cursor = db.execute(sql, params or {})
    chunks: list[list[np.ndarray]] = []
    while rows := cursor.fetchmany(50_000):
        columns = zip(*rows, strict=True)
        chunks.append([np.array(c, dtype=t) for c, t in zip(columns, dtypes, strict=True)])
    if not chunks:
        return [np.zeros(0, dtype=t) for t in dtypes]
    return [np.concatenate([chunk[n] for chunk in chunks]) for n in range(len(dtypes))]


@dataclass
class StatusIndex:
    ids: np.ndarray  # live commitment ids, ascending; "position" below means an index into it
    made_on: np.ndarray  # day made, per position
    deadline: np.ndarray  # day of the deadline, per position (NO_DEADLINE for none)
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
    # Parties of commitments with an update for one party only stand where their own spans
    # say: the updates for the whole commitment or for that party, latest first.
    own_pairs: np.ndarray  # the party rows concerned
    own_span_pair: np.ndarray  # one span per applicable update: its party row,
    own_span_start: np.ndarray  # and start, stop and status as for the spans above
    own_span_stop: np.ndarray
    own_span_status: np.ndarray
    _unfiltered_days: tuple | None = field(default=None, repr=False)

    @classmethod
    def load(cls, db: Database) -> StatusIndex:
        ids, made_on, deadline, category = _columns(
            db,
            f"""SELECT id, {DAY_SQL.format(x="made_on")},
                       COALESCE({DAY_SQL.format(x="deadline")}, {NO_DEADLINE}), {_CATEGORY_CODE}
                FROM commitments WHERE deleted_at IS NULL ORDER BY id""",
            (np.int64, np.int32, np.int32, np.int32),
        )
        # in row-id order within a day, which is quick to read; the rule's order is applied
        # below to the rare days with several updates
        commitment, start, status = _columns(
            db,
            f"""SELECT commitment_id, {DAY_SQL.format(x="date")}, {_STATUS_CODE.format(x="status")}
                FROM status_updates WHERE deleted_at IS NULL
                ORDER BY commitment_id, date, id""",
            (np.int64, np.int32, np.int32),
        )
        position, known = _positions(ids, commitment)
        del commitment
        position, start, status = position[known], start[known], status[known]
        same = position[1:] == position[:-1]
        _settle_same_day(db, ids, position, start, status, same)
        stop = np.full(len(start), NEVER, dtype=np.int32)
        stop[:-1][same] = start[1:][same]
        start = np.maximum(start, made_on[position]) if len(position) else start
        holds = start < stop  # an update replaced on its own day never holds
        pair_commitment, pair_actor_id, pair_promisor = _columns(
            db,
            "SELECT commitment_id, actor_id, role = 'promisor' FROM commitment_parties",
            (np.int64, np.int64, bool),
        )
        pair_position, pair_known = _positions(ids, pair_commitment)
        pair_position, pair_actor_id = pair_position[pair_known], pair_actor_id[pair_known]
        pair_promisor = pair_promisor[pair_known]
        actors = db.execute("SELECT id, name FROM actors ORDER BY id").fetchall()
        actor_ids = [a for a, _ in actors]
        own = _party_spans(db, ids, made_on, pair_position, pair_actor_id, pair_promisor)
        # commitments with an update for one party stand where their promisors do
        holds &= ~np.isin(position, own.positions)
        return cls(
            ids=ids,
            made_on=made_on,
            deadline=deadline,
            category=category,
            categories=list(_CATEGORIES),
            span_position=_small(np.concatenate([position[holds], own.headline[0]])),
            span_start=np.concatenate([start[holds], own.headline[1]]),
            span_stop=np.concatenate([stop[holds], own.headline[2]]),
            span_status=np.concatenate([status[holds], own.headline[3]]),
            pair_position=_small(pair_position),
            pair_actor=_small(np.searchsorted(np.array(actor_ids or [0]), pair_actor_id)),
            pair_promisor=pair_promisor,
            actor_ids=actor_ids,
            actor_names=[name for _, name in actors],
            own_pairs=own.pairs,
            own_span_pair=own.spans[0],
            own_span_start=own.spans[1],
            own_span_stop=own.spans[2],
            own_span_status=own.spans[3],
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
        if len(self.own_pairs):
            day = day_number(iso)
            made = party_statuses[self.own_pairs] != NOT_MADE
            party_statuses[self.own_pairs[made]] = NOT_RATED
            holding = (self.own_span_start <= day) & (day < self.own_span_stop)
            holding &= party_statuses[self.own_span_pair] != NOT_MADE
            party_statuses[self.own_span_pair[holding]] = self.own_span_status[holding]
        return Snapshot(self, statuses, party_statuses)

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
        return iso_day(int(made.min()))

    def positions_of(self, commitment_ids: list[int]) -> np.ndarray:
        """A mask over positions marking these commitment ids."""
        return np.isin(self.ids, np.array(commitment_ids, dtype=np.int64))


def _settle_same_day(
    db: Database,
    ids: np.ndarray,
    position: np.ndarray,
    day: np.ndarray,
    status: np.ndarray,
    same_commitment: np.ndarray,
) -> None:
    """Where one commitment has several updates on one day (read in row-id order), give the
    last of them, the one whose span holds, the status of the update the rule picks."""
    tied = same_commitment & (day[1:] == day[:-1])
    if not tied.any():
        return
    last_of_day = np.flatnonzero(tied) + 1  # rows with an earlier row of the same day
    commitment_ids = sorted(set(ids[position[last_of_day]].tolist()))
    winners: dict[tuple[int, int], int] = {}
    for number in range(0, len(commitment_ids), 50_000):
        chunk = commitment_ids[number : number + 50_000]
        day_sql, code_sql = DAY_SQL.format(x="date"), _STATUS_CODE.format(x="status")
        sql = f"""SELECT commitment_id, {day_sql}, {code_sql}
                  FROM status_updates WHERE deleted_at IS NULL
                  AND commitment_id IN (SELECT value FROM json_each(?))
                  ORDER BY {_RULE_ORDER}"""
        for commitment_id, on, code in db.execute(sql, [json.dumps(chunk)]):
            winners[(commitment_id, on)] = code  # the last of each day stays
    for row in last_of_day.tolist():
        status[row] = winners[(int(ids[position[row]]), int(day[row]))]


@dataclass
class _OwnSpans:
    positions: np.ndarray  # the commitments (positions) with an update for one party
    headline: tuple[np.ndarray, ...]  # their spans: position, start, stop, status
    pairs: np.ndarray  # their party rows
    spans: tuple[np.ndarray, ...]  # the party rows' own spans: party row, start, stop, status


def _party_spans(
    db: Database,
    ids: np.ndarray,
    made_on: np.ndarray,
    pair_position: np.ndarray,
    pair_actor_id: np.ndarray,
    pair_promisor: np.ndarray,
) -> _OwnSpans:
    """For the few commitments with an update for one party only: per party row the spans of
    the updates that apply to it (whole-commitment or its own, in the rule's order), and the
    commitment's own spans from its promisors' (all its parties' when none promised; the
    whole-commitment updates alone when it has no party). All array operations: there may be
    tens of thousands of them."""
    commitment, actor, day, status = _columns(
        db,
        f"""SELECT commitment_id, COALESCE(actor_id, 0), {DAY_SQL.format(x="date")},
                   {_STATUS_CODE.format(x="status")}
            FROM status_updates WHERE deleted_at IS NULL AND commitment_id IN (
                SELECT commitment_id FROM status_updates
                WHERE actor_id IS NOT NULL AND deleted_at IS NULL)
            ORDER BY {_RULE_ORDER}""",
        (np.int64, np.int64, np.int32, np.int32),
    )
    position, known = _positions(ids, commitment)
    updates = (position[known], actor[known], day[known], status[known])
    concerned = np.unique(updates[0])
    rows = np.flatnonzero(np.isin(pair_position, concerned))  # their party rows
    row_position = pair_position[rows]
    promised = np.zeros(len(ids), dtype=bool)
    promised[row_position[pair_promisor[rows]]] = True
    deciding = pair_promisor[rows] | ~promised[row_position]  # promisors, else every party
    own = _applicable_spans(updates, row_position, pair_actor_id[rows], made_on)
    headline = _agreement(own, row_position, deciding)
    partyless = concerned[~np.isin(concerned, row_position)]
    if len(partyless):  # the whole-commitment updates alone (actor 0 matches only those)
        owner, *spans = _applicable_spans(updates, partyless, np.zeros_like(partyless), made_on)
        headline = tuple(
            np.concatenate([mine, theirs])
            for mine, theirs in zip(headline, (partyless[owner], *spans), strict=True)
        )
    return _OwnSpans(
        positions=concerned,
        headline=tuple(_small(column) for column in headline),
        pairs=_small(rows),
        spans=(_small(rows[own[0]]), *own[1:]),
    )


def _ranges(low: np.ndarray, high: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each i, every index in low[i]..high[i]-1: (i repeated, the indexes), flattened."""
    lengths = high - low
    owner = np.repeat(np.arange(len(low)), lengths)
    first = np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, np.arange(int(lengths.sum())) - first + np.repeat(low, lengths)


def _applicable_spans(
    updates: tuple[np.ndarray, ...],
    owner_position: np.ndarray,
    owner_actor: np.ndarray,
    made_on: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """(owner, start, stop, status) of the updates (position, actor or 0, day, status; in the
    rule's order) that apply to each owner, a party (actor) of a commitment (position): those
    for the whole commitment or for the party. Each holds from its day (never before the
    commitment was made) until the next that applies."""
    u_position, u_actor, u_day, u_status = updates
    owner, update = _ranges(
        np.searchsorted(u_position, owner_position, "left"),
        np.searchsorted(u_position, owner_position, "right"),
    )
    applies = (u_actor[update] == 0) | (u_actor[update] == owner_actor[owner])
    owner, update = owner[applies], update[applies]
    start = u_day[update]
    stop = np.full(len(start), NEVER, dtype=np.int32)
    same = owner[1:] == owner[:-1]
    stop[:-1][same] = start[1:][same]
    start = np.maximum(start, made_on[owner_position[owner]])
    holds = start < stop
    return owner[holds], start[holds], stop[holds], u_status[update][holds]


def _agreement(
    own: tuple[np.ndarray, ...], row_position: np.ndarray, deciding: np.ndarray
) -> tuple[np.ndarray, ...]:
    """(position, start, stop, status) of commitments from their deciding parties' own spans
    (own: party row, start, stop, status): on every day one of those spans starts or stops,
    the status they share, or MIXED where they differ (not-rated days are left out)."""
    owner, start, stop, status = own
    chosen = deciding[owner]
    # the days on which some deciding party's status may change, per commitment, in order
    change = np.concatenate([start[chosen], stop[chosen]])
    change_position = np.concatenate([row_position[owner[chosen]]] * 2)
    kept = change != NEVER
    change_key = np.unique(change_position[kept].astype(np.int64) * 10**8 + change[kept])
    change_position, change = change_key // 10**8, (change_key % 10**8).astype(np.int32)
    # every deciding party row of the commitment, on every such day
    deciders = np.flatnonzero(deciding)
    deciders = deciders[np.argsort(row_position[deciders], kind="stable")]
    low = np.searchsorted(row_position[deciders], change_position, "left")
    high = np.searchsorted(row_position[deciders], change_position, "right")
    on, which = _ranges(low, high)
    row = deciders[which]
    # the span of that row holding on that day (a row's spans follow one another)
    span_key = owner.astype(np.int64) * 10**8 + start
    order = np.argsort(span_key, kind="stable")
    found = np.searchsorted(span_key[order], row.astype(np.int64) * 10**8 + change[on], "right")
    span = order[np.maximum(found - 1, 0)]
    holding = (found > 0) & (owner[span] == row) & (change[on] < stop[span])
    codes = np.where(holding, status[span], NOT_RATED)
    firsts = np.cumsum(high - low) - (high - low)
    if len(firsts):
        lowest = np.minimum.reduceat(codes, firsts)
        highest = np.maximum.reduceat(codes, firsts)
    else:
        lowest = highest = np.zeros(0, dtype=np.int32)
    shared = np.where(lowest == highest, lowest, MIXED)
    until = np.full(len(change), NEVER, dtype=np.int32)
    same = change_position[1:] == change_position[:-1]
    until[:-1][same] = change[1:][same]
    rated = shared != NOT_RATED
    return change_position[rated], change[rated], until[rated], shared[rated].astype(np.int32)


def _small(values: np.ndarray) -> np.ndarray:
    """Days, codes and positions fit 32 bits: half the memory of the default 64."""
    return values.astype(np.int32)


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
        """(actor id, name, status, count) of the commitments each party promised, as it
        stands on them (as the SQL reference in tests/sql_reference.py gives them)."""
        shown = self.index.pair_promisor & (self.party_statuses >= 0)
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
