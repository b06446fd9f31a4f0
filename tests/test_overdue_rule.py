"""Overdue is one rule: the table's SQL and the detail panel's Python agree on every
commitment of the sample at every date that matters."""

from __future__ import annotations

import pytest

from desktop_app.domain.status import is_overdue
from desktop_app.store import queries


@pytest.mark.parametrize(
    "as_of", ["2024-01-25", "2024-01-27", "2024-06-30", "2029-04-22", "2029-04-23", "2031-01-01"]
)
def test_the_sql_and_the_domain_agree(sample_db, as_of):
    rows = queries.commitment_page(sample_db, as_of, limit=-1)
    assert rows
    for row in rows:
        assert bool(row["overdue"]) == is_overdue(row["deadline"], row["status"], as_of), row
    overdue = sum(is_overdue(r["deadline"], r["status"], as_of) for r in rows)
    assert queries.count_overdue(sample_db, as_of) == overdue


def test_overdue_starts_the_day_after_the_deadline_and_never_for_a_kept_promise():
    assert not is_overdue("2029-04-22", "not_rated", "2029-04-22")
    assert is_overdue("2029-04-22", "in_progress", "2029-04-23")
    assert not is_overdue("2029-04-22", "fulfilled", "2030-01-01")
    assert not is_overdue(None, "stalled", "2030-01-01")
