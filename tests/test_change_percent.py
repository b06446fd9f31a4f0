"""The change against a baseline is one rule, in Python and in SQL."""

from __future__ import annotations

import pytest

from desktop_app.domain.records import Statistic, change_percent
from desktop_app.store import listings, records


@pytest.mark.parametrize(
    ("value", "baseline"), [(664, 398), (10, 20), (5, 0), (5, None), (3, -4), (0, 7)]
)
def test_the_table_and_the_record_agree(db, value, baseline):
    statistic = Statistic(label="count", value=value, baseline_value=baseline)
    records.add(db, statistic)
    (row,) = listings.statistic_page(db)
    expected = change_percent(value, baseline)
    assert statistic.change_percent == expected
    assert (
        row["change"] == pytest.approx(expected) if expected is not None else row["change"] is None
    )


def test_the_founding_example_rises_67_percent():
    assert round(change_percent(664, 398)) == 67
