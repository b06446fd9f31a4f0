"""Big tables stay light: the benchmark generator's small database (10,000 events) through the
real table models, which keep only a few pages in memory."""

from __future__ import annotations

import pytest

from bench.generate import generate
from desktop_app.store import listings
from desktop_app.store.database import open_database
from desktop_app.ui.paged_table_model import ID_ROLE, ROW_ROLE
from desktop_app.ui.table_models import CommitmentTableModel, EventTableModel


@pytest.fixture(scope="module")
def small_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bench") / "small.db"
    counts = generate("small", path, seed=3)
    assert (counts["commitments"], counts["events"]) == (1_000, 10_000)
    assert counts["status_updates"] > 2_000
    return path


def test_generator_is_reproducible(small_path, tmp_path):
    again = tmp_path / "again.db"
    generate("small", again, seed=3)
    first, second = open_database(small_path), open_database(again)
    query = "SELECT date, kind, title FROM events ORDER BY id LIMIT 50"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()
    first.close()
    second.close()


def test_event_table_reads_pages_not_rows(qtbot, small_path):
    db = open_database(small_path)
    model = EventTableModel(db)
    model.sort_key, model.descending = "date", True
    with qtbot.waitSignal(model.ids_ready, timeout=20000):
        model.reload()
    assert model.rowCount() == 10_000
    assert len(model._pages) == 1  # only the first page was read
    deep = model.index(9_876, 2).data()
    expected = listings.event_page(db, "", "date", True, limit=1, offset=9_876)[0]["title"]
    assert deep == expected
    for row in range(0, 10_000, 150):  # scroll top to bottom
        model.index(row, 0).data()
    assert len(model._pages) <= model.CACHED_PAGES
    some_id = model.index(4_321, 0).data(ID_ROLE)
    assert model.row_for_id(some_id) == 4_321
    db.close()


def test_commitment_table_sorts_in_sql(qtbot, small_path):
    db = open_database(small_path)
    model = CommitmentTableModel(db, "2025-01-01")
    model.sort(4)  # made on, ascending: noted, nothing read yet
    assert model.rowCount() == 0
    model.reload()
    dates = [model.index(r, 4).data() for r in range(0, 1_000, 97)]
    assert dates == sorted(dates)
    assert model.rowCount() == 1_000
    db.close()


def test_a_benchmark_measurement_runs_on_the_small_database(qtbot, small_path):
    from PySide6.QtWidgets import QApplication

    from bench import run

    run.RESULTS.clear()
    run.bench_tables(small_path, QApplication.instance())
    names = [r["measurement"] for r in run.RESULTS]
    assert names == [
        "open the database and show the first page of commitments",
        "text filter (FTS) on commitments, per keystroke",
    ]
    assert all(r["value"] > 0 for r in run.RESULTS)


def test_a_new_as_of_date_keeps_the_order_unless_the_order_depends_on_it(qtbot, small_path):
    from desktop_app.store import queries

    db = open_database(small_path)
    model = CommitmentTableModel(db, "2025-01-01")
    model.BACKGROUND_IDS_FROM = 100  # read the 1,000 ids on a worker, as for a big file
    model.sort_key, model.descending = "made_on", True
    with qtbot.waitSignal(model.ids_ready, timeout=20000):
        model.reload()
    ids = model._ids
    model.as_of = "2022-06-30"
    model.reload(same_data=True)
    assert model._ids is ids  # made-on order does not move with the date: nothing re-read
    deep = model.index(777, 1).data(ROW_ROLE)
    assert deep["status"] == queries.commitment_rows(db, "2022-06-30", [deep["id"]])[0]["status"]

    model.sort_key = "status"
    with qtbot.waitSignal(model.ids_ready, timeout=20000):
        model.reload(same_data=True)
    model.as_of = "2024-06-30"
    with qtbot.waitSignal(model.ids_ready, timeout=20000):
        model.reload(same_data=True)  # sorted by status, a new date means a new order
    expected = queries.commitment_ids(db, "2024-06-30", sort="status", descending=True)
    assert list(model._ids) == list(expected)
    db.close()


@pytest.mark.parametrize("sort", ["title", "status", "parties", "category", "made_on", "deadline"])
def test_pages_ordered_by_id_alone_match_the_full_query(small_path, sort):
    """Pages and counts that skip the status work give what the full query gives."""
    from desktop_app.store import queries
    from desktop_app.store.queries import CommitmentFilter

    db = open_database(small_path)
    as_of = "2024-06-30"
    for flt in (
        CommitmentFilter(),
        CommitmentFilter(text="b"),
        CommitmentFilter(category="economic"),
    ):
        for descending in (False, True):
            full_sql, params = queries._filtered_commitments_sql(flt)
            full_sql += f" ORDER BY {queries._order_sql(sort, descending)}"
            full = [dict(r) for r in queries.rows_of(db, full_sql, params | {"as_of": as_of})]
            page = queries.commitment_page(db, as_of, flt, sort, descending, limit=50, offset=30)
            assert page == full[30:80], (flt, sort, descending)
            ids = queries.commitment_ids(db, as_of, flt, sort, descending)
            assert list(ids) == [row["id"] for row in full]
            assert queries.count_commitments(db, as_of, flt) == len(full) > 0
    db.close()


def test_statistics_are_windowed_like_the_other_tables(db):
    """Pages of statistics read only their own rows, and deep pages follow the ids' order."""
    from desktop_app.domain.records import Statistic
    from desktop_app.store import listings, records
    from desktop_app.ui.table_models import StatisticTableModel

    for n in range(450):
        records.add(db, Statistic(label=f"count {n:03d}", value=n, baseline_value=n % 7))
    ids = list(listings.statistic_ids(db, "value", True))
    assert ids == [r["id"] for r in listings.statistic_page(db, "value", True, limit=-1)]
    assert [r["id"] for r in listings.statistic_rows(db, ids[200:205])] == ids[200:205]
    model = StatisticTableModel(db)
    model.sort_key, model.descending = "value", True
    model.reload()
    assert model.rowCount() == 450
    assert model.index(449, 0).data() == "count 000"  # the last page, read by itself
