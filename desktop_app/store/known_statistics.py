"""Which statistics with a period were known (published) by a date, for any date at once.

The events chart names the first few statistics known by its as-of date and says how many
there are. In SQL each as-of date costs a scan of every statistic with a look-up of its
source (40 ms for 50,000); read once per version of the data as arrays, any date costs a few
array operations. It answers what queries.statistics_in_range and its summary answer (the
same known-on rule, queries.STATISTIC_KNOWN_ON); a test holds them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from desktop_app.store import queries
from desktop_app.store.status_index import DAY_SQL, day_number, iso_day

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database


@dataclass
class KnownStatistics:
    ids: np.ndarray  # live statistics with a period, earliest period first (then by id)
    period_start: np.ndarray  # day numbers, in that order
    known_on: np.ndarray  # the day each became known, in that order

    @classmethod
    def load(cls, db: Database) -> KnownStatistics:
        sql = f"""SELECT id, {DAY_SQL.format(x="period_start")},
                         {DAY_SQL.format(x=queries.STATISTIC_KNOWN_ON)}
                  FROM statistics s WHERE deleted_at IS NULL AND period_start IS NOT NULL
                  ORDER BY period_start, id"""
        rows = db.execute(sql).fetchall()
        columns = np.array(rows, dtype=np.int64).reshape(-1, 3).T
        return cls(columns[0], columns[1], columns[2])

    def _known_by(self, as_of: str) -> np.ndarray:
        return self.known_on <= day_number(as_of)

    def summary(self, as_of: str) -> tuple[int, str | None]:
        """How many were known by as_of, and the earliest period start among them."""
        known = np.flatnonzero(self._known_by(as_of))
        if not len(known):
            return 0, None
        return len(known), iso_day(int(self.period_start[known[0]]))

    def first(self, as_of: str, limit: int) -> list[int]:
        """The ids of the first `limit` known by as_of, earliest period first."""
        return self.ids[self._known_by(as_of)][:limit].tolist()
