"""The status bar's counts on an as-of date: commitments made, events dated and statistics
known by then, and the commitments overdue on it.

In SQL alone each new date costs a second on a file of 100,000 commitments and a million
events (every commitment's status worked out for "overdue", a deleted-or-not look-up per row
for the rest). With the status index of that version of the data (store/per_version.py keeps
it), the commitments and the overdue are array operations, and the events come from the
trigger-kept counts per month. Tests hold both ways to the same numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.store import deadlines, queries
from desktop_app.store.status_index import StatusIndex, day_number

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

SHOWN = ("commitments", "events", "statistics")  # the tables the status bar counts


def as_of_counts(
    db: Database, as_of: str, index: StatusIndex | None = None
) -> tuple[dict[str, int], int]:
    """Rows of SHOWN known by as_of, and commitments overdue on it; from the status index
    when one is given (it must be of the data as it is now)."""
    if index is None:
        return queries.table_counts(db, as_of, SHOWN), queries.count_overdue(db, as_of)
    totals = {
        "commitments": int((index.made_on <= day_number(as_of)).sum()),
        "events": sum(n for _month, _kind, n in queries.events_per_month_by_kind(db, as_of)),
        "statistics": queries.table_counts(db, as_of, ("statistics",))["statistics"],
    }
    return totals, deadlines.count_overdue(db, as_of, index)
