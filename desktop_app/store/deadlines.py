"""Commitments by their deadline: those overdue on a date, those due in the days after it, and
every deadline (the calendar export).

Statuses on the date come from the status index (store/status_index.py, which tests hold to the
SQL of queries.py), so that a file of 100,000 commitments is classified in array operations, not
one SQL status lookup per commitment; "overdue" is domain.status.is_overdue, the rule that
queries.OVERDUE says in SQL. The rows shown come from queries.commitment_rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.domain.status import STATUS_INFO, Status, is_overdue
from desktop_app.store import queries
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.status_index import (
    NO_DEADLINE,
    NOT_MADE,
    STATUSES,
    StatusIndex,
    day_number,
)

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

#: the spans of "due soon" the dashboard and the brief show
DUE_SOON_DAYS = (30, 90)
_CHUNK = 500  # ids per commitment_rows call (SQLite allows 32,766 parameters a statement)


def days_after(as_of: str, days: int) -> str:
    return (dt.date.fromisoformat(as_of) + dt.timedelta(days=days)).isoformat()


def _rows(db: Database, as_of: str, ids: list[int]) -> list[dict]:
    """queries.commitment_rows for any number of ids, in their order."""
    rows: list[dict] = []
    for start in range(0, len(ids), _CHUNK):
        rows += queries.commitment_rows(db, as_of, ids[start : start + _CHUNK])
    return rows


_CLOSED = np.array([STATUS_INFO[Status(status)].closed for status in STATUSES])


def _dated(
    db: Database, as_of: str, high: str | None, index: StatusIndex | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Ids, deadline days and status codes on as_of of live commitments made by as_of with a
    deadline (up to high), earliest deadline first, then by id: array operations on the status
    index, which holds every deadline (no read of the commitments for each date)."""
    index = index or StatusIndex.load(db)
    codes = index.statuses_on(as_of)
    chosen = (index.deadline != NO_DEADLINE) & (codes != NOT_MADE)
    if high is not None:
        chosen &= index.deadline <= day_number(high)
    positions = np.flatnonzero(chosen)  # in id order: the sort below keeps it within a day
    positions = positions[np.argsort(index.deadline[positions], kind="stable")]
    return index.ids[positions], index.deadline[positions], codes[positions]


def _overdue_and_due(
    db: Database, as_of: str, days: int, only: Collection[int] | None, index: StatusIndex | None
) -> tuple[list[int], list[int], np.ndarray]:
    """Ids overdue on as_of (longest overdue first) and ids of open commitments due from as_of
    to `days` after it (soonest first), with the due ones' deadline days; among `only` when
    given. Overdue is the rule of domain.status.is_overdue: the deadline passed before as_of
    while still open."""
    ids, deadlines, codes = _dated(db, as_of, days_after(as_of, days), index)
    still_open = ~_CLOSED[codes]
    if only is not None:
        still_open &= np.isin(ids, np.fromiter(only, dtype=np.int64, count=len(only)))
    passed = deadlines < day_number(as_of)
    due = still_open & ~passed
    return ids[still_open & passed].tolist(), ids[due].tolist(), deadlines[due]


def count_overdue(db: Database, as_of: str, index: StatusIndex | None = None) -> int:
    """How many commitments are overdue on as_of (queries.count_overdue, from the index)."""
    _ids, _deadlines, codes = _dated(db, as_of, days_after(as_of, -1), index)
    return int((~_CLOSED[codes]).sum())


def _first(ids: list[int], limit: int) -> list[int]:
    return ids if limit < 0 else ids[:limit]


def overdue(
    db: Database,
    as_of: str,
    only: Collection[int] | None = None,
    limit: int = -1,
    index: StatusIndex | None = None,
) -> list[dict]:
    """Commitments overdue on as_of, the longest overdue first, as commitment_rows rows; among
    `only` when given; the first `limit` (-1: all)."""
    found, _due, _days = _overdue_and_due(db, as_of, 0, only, index)
    return _rows(db, as_of, _first(found, limit))


def due_within(
    db: Database,
    as_of: str,
    days: int,
    only: Collection[int] | None = None,
    limit: int = -1,
    index: StatusIndex | None = None,
) -> list[dict]:
    """Open commitments whose deadline falls from as_of to `days` days after it, soonest
    first, as commitment_rows rows (a deadline on as_of itself is due, not yet overdue)."""
    _overdue, found, _days = _overdue_and_due(db, as_of, days, only, index)
    return _rows(db, as_of, _first(found, limit))


def every_deadline(db: Database, as_of: str, index: StatusIndex | None = None) -> list[dict]:
    """Every live commitment made by as_of that has a deadline, earliest first, with its
    status on as_of, whether it is overdue, its parties' codes, its deadline's precision and
    its description (for the calendar)."""
    ids, _days, codes = _dated(db, as_of, None, index)
    sql = """SELECT c.id, c.uuid, c.title, c.category, c.made_on, c.deadline, c.deadline_precision,
                    c.description,
                    (SELECT group_concat(COALESCE(a.iso3, a.name), ', ')
                       FROM commitment_parties cp JOIN actors a ON a.id = cp.actor_id
                      WHERE cp.commitment_id = c.id) AS parties
             FROM commitments c WHERE c.deleted_at IS NULL AND c.deadline IS NOT NULL"""
    details = {row["id"]: row for row in queries.rows_of(db, sql, {})}
    statuses = [STATUSES[code] for code in codes.tolist()]
    return [
        details[i] | {"status": s, "overdue": is_overdue(details[i]["deadline"], s, as_of)}
        for i, s in zip(ids.tolist(), statuses, strict=True)
        if i in details
    ]


@dataclass
class DeadlineLists:
    """The dashboard's list: overdue, due within the first span, due within the second."""

    as_of: str
    overdue: list[dict]
    soon: list[dict]  # due within DUE_SOON_DAYS[0] days
    later: list[dict]  # due after that, within DUE_SOON_DAYS[1] days
    overdue_total: int = 0
    due_total: int = 0
    soon_total: int = 0  # of due_total, those due within the first span


def deadline_lists(
    db: Database,
    as_of: str,
    flt: CommitmentFilter | None = None,
    limit: int = 200,
    index: StatusIndex | None = None,
    only: Collection[int] | None = None,
) -> DeadlineLists:
    """Overdue and due-soon commitments under a filter, or among `only` (the first `limit` of
    each of the three lists, and how many there are). The soon list comes before the later
    one, so the first `limit` of both together are the first `limit` due."""
    if flt is not None and not flt.is_empty():
        only = queries.matching_ids(db, as_of, flt)
    first, second = DUE_SOON_DAYS
    overdue_ids, due_ids, due_days = _overdue_and_due(db, as_of, second, only, index)
    soon_total = int((due_days <= day_number(days_after(as_of, first))).sum())
    soon_ids, later_ids = due_ids[:soon_total], due_ids[soon_total:]  # (soonest first)
    return DeadlineLists(
        as_of,
        _rows(db, as_of, _first(overdue_ids, limit)),
        _rows(db, as_of, _first(soon_ids, limit)),
        _rows(db, as_of, _first(later_ids, limit)),
        len(overdue_ids),
        len(due_ids),
        soon_total,
    )
