"""Commitments by their deadline: those overdue on a date, those due in the days after it, and
every deadline (the calendar export).

"Overdue" is queries.OVERDUE (through CommitmentFilter.overdue_only or the rows' "overdue"
column) and a commitment's status is queries' status on the date: this module only picks which
commitments to ask about, by their deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.status import STATUS_INFO, Status
from desktop_app.store import queries
from desktop_app.store.queries import CommitmentFilter

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


def _with_deadline(
    db: Database, as_of: str, low: str | None, high: str | None, only: Collection[int] | None
) -> list[int]:
    """Live commitments made by as_of whose deadline lies in low..high (either end open),
    earliest deadline first; those in `only` alone when given."""
    where = ["deleted_at IS NULL", "deadline IS NOT NULL", "made_on <= :as_of"]
    if low is not None:
        where.append("deadline >= :low")
    if high is not None:
        where.append("deadline <= :high")
    sql = f"SELECT id FROM commitments WHERE {' AND '.join(where)} ORDER BY deadline, id"
    ids = [r[0] for r in db.execute(sql, {"as_of": as_of, "low": low, "high": high})]
    if only is not None:
        wanted = set(only)
        ids = [i for i in ids if i in wanted]
    return ids


def overdue(
    db: Database, as_of: str, only: Collection[int] | None = None, limit: int = -1
) -> list[dict]:
    """Commitments overdue on as_of (queries.OVERDUE), the longest overdue first, as
    commitment_rows rows; among `only` when given; the first `limit` (-1: all)."""
    if only is None:
        flt = CommitmentFilter(overdue_only=True)
        return queries.commitment_page(db, as_of, flt, sort="deadline", limit=limit)
    past = _with_deadline(db, as_of, None, days_after(as_of, -1), only)
    found = [row for row in _rows(db, as_of, past) if row["overdue"]]
    return found if limit < 0 else found[:limit]


def due_within(
    db: Database, as_of: str, days: int, only: Collection[int] | None = None, limit: int = -1
) -> list[dict]:
    """Open commitments whose deadline falls from as_of to `days` days after it, soonest
    first, as commitment_rows rows (a deadline on as_of itself is due, not yet overdue)."""
    coming = _with_deadline(db, as_of, as_of, days_after(as_of, days), only)
    found = [
        row for row in _rows(db, as_of, coming) if not STATUS_INFO[Status(row["status"])].closed
    ]
    return found if limit < 0 else found[:limit]


def every_deadline(db: Database, as_of: str) -> list[dict]:
    """Every live commitment made by as_of that has a deadline, earliest first, with its
    status on as_of and its deadline's precision and description (for the calendar)."""
    ids = _with_deadline(db, as_of, None, None, None)
    rows = _rows(db, as_of, ids)
    extra = {
        r[0]: r[1:]
        for r in db.execute(
            """SELECT id, deadline_precision, description FROM commitments
               WHERE deleted_at IS NULL AND deadline IS NOT NULL"""
        )
    }
    for row in rows:
        row["deadline_precision"], row["description"] = extra[row["id"]]
    return rows


@dataclass
class DeadlineLists:
    """The dashboard's list: overdue, due within the first span, due within the second."""

    as_of: str
    overdue: list[dict]
    soon: list[dict]  # due within DUE_SOON_DAYS[0] days
    later: list[dict]  # due after that, within DUE_SOON_DAYS[1] days


def deadline_lists(
    db: Database, as_of: str, flt: CommitmentFilter | None = None, limit: int = 200
) -> DeadlineLists:
    """Overdue and due-soon commitments under a filter (the first `limit` of each)."""
    only = None if flt is None or flt.is_empty() else queries.matching_ids(db, as_of, flt)
    first, second = DUE_SOON_DAYS
    coming = due_within(db, as_of, second, only, limit)
    cut = days_after(as_of, first)
    return DeadlineLists(
        as_of,
        overdue(db, as_of, only, limit),
        [r for r in coming if r["deadline"] <= cut],
        [r for r in coming if r["deadline"] > cut],
    )
