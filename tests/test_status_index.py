"""The array-held status history answers exactly what the SQL queries answer."""

from __future__ import annotations

import random

import pytest

from desktop_app.charts import chart_data
from desktop_app.domain.records import Commitment, StatusUpdate
from desktop_app.domain.status import ENTERABLE_STATUSES
from desktop_app.store import per_version, queries, records
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.status_index import STATUSES, StatusIndex
from tests import sql_reference
from tests.builders import commitment, status

COUNTRIES = ("PAK", "IRN", "AFG", "IND", "CHN")
CATEGORIES = ("security", "economic", "diplomatic")
DATES = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 15, 28)]
ROLES = ("promisor", "promisor", "beneficiary", "guarantor")


@pytest.fixture
def clock(monkeypatch):
    """records.now_utc as a clock that the random histories move on by 0 or 1 second, so that
    same-day updates are sometimes entered in one second (as by an import) and sometimes in
    an order the typing decides."""
    ticks = {"second": 0, "step": 1}

    def now() -> str:
        ticks["second"] += ticks["step"]
        hours, rest = divmod(ticks["second"], 3600)
        return f"2024-06-01T{hours:02d}:{rest // 60:02d}:{rest % 60:02d}+00:00"

    monkeypatch.setattr(records, "now_utc", now)
    return ticks


def _random_history(db, seed: int, clock: dict | None = None) -> None:
    """Commitments with awkward histories: same-day updates (entered in one second or not, for
    the whole commitment or for one party), updates dated before the commitment was made,
    deleted updates, deleted commitments, parties in every role, commitments without a
    promisor or without any party."""
    rng = random.Random(seed)
    for n in range(30):
        parties = tuple(rng.sample(COUNTRIES, rng.randint(0 if n % 10 == 9 else 1, 3)))
        cid = records.add(
            db,
            Commitment(
                title=f"Commitment {n}",
                made_on=rng.choice(DATES),
                category=rng.choice(CATEGORIES),
                parties=tuple((records.state_actor(db, p), rng.choice(ROLES)) for p in parties),
            ),
        )
        days = rng.sample(DATES, 3)  # few days: many same-day updates
        for _ in range(rng.randint(0, 7)):
            if clock is not None:
                clock["step"] = rng.choice((0, 1))
            party = rng.choice(parties) if parties and rng.random() < 0.4 else None
            update = status(db, cid, rng.choice(days), rng.choice(ENTERABLE_STATUSES).value, party)
            if rng.random() < 0.1:
                records.set_deleted(db, StatusUpdate, update, True)
        if rng.random() < 0.08:
            records.set_deleted(db, Commitment, cid, True)


def _sorted(rows):
    return sorted(rows, key=repr)


def _each_status_agrees(db, index: StatusIndex, as_of: str) -> None:
    """Every commitment's status, and every party's own, from the index and from the SQL."""
    statuses = index.statuses_on(as_of)
    from_index = {int(i): STATUSES[c] for i, c in zip(index.ids, statuses, strict=True) if c >= 0}
    assert from_index == sql_reference.statuses_as_of(db, as_of), as_of
    snapshot = index.snapshot(db, as_of)
    own = queries.party_statuses(db, as_of)
    for row, position in enumerate(index.pair_position.tolist()):
        code = snapshot.party_statuses[row]
        if code < 0:
            continue
        cid, actor = int(index.ids[position]), index.actor_ids[index.pair_actor[row]]
        parties = {p.actor_id: p.status for p in own.get(cid, [])}
        assert STATUSES[code] == parties.get(actor, from_index[cid]), (as_of, cid, actor)


@pytest.mark.parametrize("seed", [1, 2, 3, 8, 9, 10, 11])
def test_index_counts_agree_with_sql_on_every_day(db, clock, seed):
    _random_history(db, seed, clock)
    index = StatusIndex.load(db)
    for as_of in [
        "2022-12-31",
        "2023-01-01",
        "2023-03-15",
        "2023-06-30",
        "2023-12-28",
        "2025-01-01",
    ]:
        _each_status_agrees(db, index, as_of)
        snapshot = index.snapshot(db, as_of)
        with sql_reference.StatusSnapshot(db, as_of) as reference:
            assert snapshot.status_counts() == reference.status_counts(), as_of
            assert _sorted(snapshot.by_category()) == _sorted(reference.by_category()), as_of
            assert _sorted(snapshot.by_party()) == _sorted(reference.by_party()), as_of
            ours = {c.actor_id: (round(c.score, 9), c.rated) for c in snapshot.compliance()}
            theirs = {c.actor_id: (round(c.score, 9), c.rated) for c in reference.compliance()}
            assert ours == theirs, as_of


def test_the_random_histories_hold_what_the_rule_must_settle(db, clock):
    """The histories above do hold mixed commitments, party-specific updates that stand, and
    same-day ties entered in one second (else the agreement tests would prove little)."""
    for seed in (1, 2, 3):
        _random_history(db, seed, clock)
    statuses = sql_reference.statuses_as_of(db, "2025-01-01")
    assert "mixed" in statuses.values()
    assert queries.party_statuses(db, "2025-01-01")
    ties = db.execute(
        """SELECT COUNT(*) FROM (SELECT 1 FROM status_updates WHERE deleted_at IS NULL
           GROUP BY commitment_id, date, created_at, actor_id HAVING COUNT(*) > 1)"""
    ).fetchone()[0]
    assert ties > 5


@pytest.mark.parametrize("seed", [4, 5])
def test_index_agrees_with_sql_under_a_filter(db, clock, seed):
    _random_history(db, seed, clock)
    index = StatusIndex.load(db)
    pakistan = records.state_actor(db, "PAK")
    for flt in (
        CommitmentFilter(category="security"),
        CommitmentFilter(party_id=pakistan),
        CommitmentFilter(statuses=("stalled", "broken")),
        CommitmentFilter(statuses=("mixed",)),
        CommitmentFilter(text="Commitment 1"),
    ):
        as_of = "2023-08-31"
        only = index.positions_of(queries.matching_ids(db, as_of, flt))
        snapshot = index.snapshot(db, as_of, only)
        with sql_reference.StatusSnapshot(db, as_of, flt) as reference:
            assert snapshot.status_counts() == reference.status_counts(), flt
            assert _sorted(snapshot.by_party()) == _sorted(reference.by_party()), flt


@pytest.mark.parametrize("seed", [6, 7])
def test_each_month_counts_what_stood_at_its_end(db, clock, seed):
    _random_history(db, seed, clock)
    for as_of in ["2023-02-10", "2023-07-31", "2024-03-01"]:
        over_time = chart_data.dashboard_data(db, as_of).status_over_time
        assert over_time.periods[-1][:7] == as_of[:7]
        days = [*over_time.periods[:-1], as_of]  # the as-of month as it stood on the as-of day
        for number, day in enumerate(days):
            counted = {s: n[number] for s, n in over_time.counts.items() if n[number]}
            with sql_reference.StatusSnapshot(db, day) as reference:
                assert counted == reference.status_counts(), day
        # and the SQL's own month-by-month history (spans between the days a status changes)
        direct = sql_reference.status_over_time(db, as_of)
        assert direct.periods == over_time.periods, as_of
        assert direct.counts == over_time.counts, as_of


def test_month_by_month_counts_match_the_sql_history_when_updates_follow_the_making(small_db):
    for as_of in ["2024-01-10", "2024-02-29", "2024-03-31", "2025-02-01"]:
        direct = sql_reference.status_over_time(small_db, as_of)
        from_index = chart_data.dashboard_data(small_db, as_of).status_over_time
        assert from_index.periods == direct.periods
        assert from_index.counts == direct.counts


@pytest.fixture
def small_db(db):
    a = commitment(db, title="A", made_on="2024-01-05", parties=("PAK", "IRN"))
    b = commitment(db, title="B", made_on="2024-02-10", parties=("PAK",))
    status(db, a, "2024-02-01", "in_progress")
    status(db, a, "2024-03-20", "fulfilled")
    status(db, b, "2024-03-01", "broken")
    status(db, b, "2024-03-01", "stalled")
    return db


def test_an_empty_database_gives_empty_charts(db):
    data = chart_data.dashboard_data(db, "2024-01-01")
    assert data.status_over_time.periods == []
    assert data.by_party.labels == [] and data.by_category.labels == []


def test_the_index_is_kept_per_data_version_and_an_edit_shows_with_a_new_one(db):
    cid = commitment(db, made_on="2024-01-10")
    first = chart_data.dashboard_data(db, "2024-06-30", cache_key=("v", 1))
    assert first.by_category.counts["fulfilled"] == [0]
    status(db, cid, "2024-02-01", "fulfilled")
    same_version = chart_data.dashboard_data(db, "2024-06-30", cache_key=("v", 1))
    assert same_version.by_category.counts["fulfilled"] == [0]  # the kept index, by design
    new_version = chart_data.dashboard_data(db, "2024-06-30", cache_key=("v", 2))
    assert new_version.by_category.counts["fulfilled"] == [1]


def test_requests_arriving_together_read_the_index_once(db, monkeypatch):
    import threading

    from desktop_app.store import status_index

    commitment(db, made_on="2024-01-10")
    reads = []
    real_load = status_index.StatusIndex.load.__func__

    def counted(cls, database):
        reads.append(1)
        return real_load(cls, database)

    monkeypatch.setattr(status_index.StatusIndex, "load", classmethod(counted))
    path = db.execute("PRAGMA database_list").fetchone()[2]
    results = []

    def request() -> None:
        from desktop_app.store.database import open_existing

        own = open_existing(path)  # each worker has its own connection
        try:
            results.append(chart_data.dashboard_data(own, "2024-06-30", cache_key=("t", 9)))
        finally:
            own.close()

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and len(reads) == 1


def test_a_big_file_has_its_index_read_before_the_dashboard_asks(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop_app.store import status_index
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.dashboard_tab import DashboardTab
    from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow

    QSettings().clear()
    monkeypatch.setattr(DashboardTab, "PREFETCH_FROM", 3)  # the sample's 7 count as big
    monkeypatch.setattr(DashboardTab, "PREFETCH_DELAY_MS", 0)
    reads = []
    real_load = status_index.StatusIndex.load.__func__
    monkeypatch.setattr(
        status_index.StatusIndex,
        "load",
        classmethod(lambda cls, database: reads.append(1) or real_load(cls, database)),
    )
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: (StatusIndex, window._chart_cache_key()) in per_version.KEPT,
        timeout=10000,
    )
    assert reads == [1]  # read ahead, with no dashboard yet
    window.set_as_of("2024-06-30")
    window.dashboard_tab.create()
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)
    assert reads == [1]  # the dashboard used the index read ahead
    assert window.dashboard.by_party.getPlotItem().items  # and drew from it


def test_the_chart_modules_are_imported_on_a_worker_after_a_file_opens(
    qtbot, tmp_path, monkeypatch
):
    """pyqtgraph takes a third of a second to import: it is loaded off the GUI thread a moment
    after any file opens, so that the first visit to the Dashboard does not freeze the window."""
    import sys
    import threading

    from PySide6.QtCore import QSettings

    from desktop_app.store.sample import write_sample
    from desktop_app.ui.dashboard_tab import DashboardTab
    from desktop_app.ui.main_window import MainWindow

    QSettings().clear()
    monkeypatch.setattr(DashboardTab, "PREFETCH_DELAY_MS", 0)
    for name in [m for m in sys.modules if m.startswith("desktop_app.charts.dashboard")]:
        monkeypatch.delitem(sys.modules, name)
    imported_on = []
    real_import = __import__

    def noting_import(name, *args, **kwargs):
        if name == "desktop_app.charts.dashboard":
            imported_on.append(threading.current_thread() is threading.main_thread())
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("builtins.__import__", noting_import)
    window = MainWindow(write_sample(tmp_path / "s.db"))  # a small file: no index read ahead
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "desktop_app.charts.dashboard" in sys.modules, timeout=10000)
    assert imported_on and imported_on[0] is False
    assert window.dashboard is None  # loaded, not built: the tab is built when first shown
