"""Each party's own status and the commitment's, by the one rule of domain/status.py: the order
updates were typed or imported in never changes the answer, the SQL and the status index give
the same one, and the table, filter, detail panel, charts and exports all show it."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from desktop_app.domain.records import Commitment, StatusUpdate
from desktop_app.exchange.csv_export import current_view_rows, export_rows
from desktop_app.store import queries, records
from desktop_app.store.database import open_database
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.status_index import STATUSES, StatusIndex
from tests import sql_reference
from tests.builders import commitment, status


class Clock:
    """records.now_utc as a clock the test moves: step seconds later at each record written
    (0: everything in the same second, as an import writes it)."""

    def __init__(self) -> None:
        self.second = 0
        self.step = 1

    def __call__(self) -> str:
        self.second += self.step
        minutes, seconds = divmod(self.second, 60)
        return f"2024-06-01T10:{minutes:02d}:{seconds:02d}+00:00"


@pytest.fixture
def clock(monkeypatch) -> Clock:
    typing = Clock()
    monkeypatch.setattr(records, "now_utc", typing)
    return typing


def headline(db, cid: int, as_of: str) -> str:
    """The commitment's status from the SQL, checked against the status index."""
    from_sql = sql_reference.statuses_as_of(db, as_of)[cid]
    index = StatusIndex.load(db)
    position = int(index.positions_of([cid]).nonzero()[0][0])
    assert STATUSES[index.statuses_on(as_of)[position]] == from_sql, "index and SQL differ"
    return from_sql


def own(db, cid: int, as_of: str) -> dict[str, str]:
    """Each party's own status (by name) where they differ from the headline (else {}),
    from the SQL, checked against the status index."""
    headline_now, parties = queries.commitment_statuses(db, as_of, cid)
    from_sql = {p.name: p.status for p in parties}
    index = StatusIndex.load(db)
    position = int(index.positions_of([cid]).nonzero()[0][0])
    snapshot = index.snapshot(db, as_of)
    rows = (index.pair_position == position).nonzero()[0]
    from_index = {
        index.actor_names[index.pair_actor[row]]: STATUSES[snapshot.party_statuses[row]]
        for row in rows
    }
    if from_sql:
        assert from_index == from_sql, "index and SQL differ"
    else:
        assert set(from_index.values()) == {headline_now}, "index and SQL differ"
    return from_sql


def with_roles(db, title: str, made_on: str, **roles: tuple[str, ...]) -> int:
    """A commitment whose parties have the roles given: promisor=("IRN",), beneficiary=..."""
    parties = tuple(
        (records.state_actor(db, code), role) for role, codes in roles.items() for code in codes
    )
    return records.add(db, Commitment(title=title, made_on=made_on, parties=parties))


TYPED = {"IRN": "partially_fulfilled", "PAK": "in_progress"}


@pytest.mark.parametrize("first", ["IRN", "PAK"])
def test_two_parties_judged_on_one_day_are_mixed_whichever_was_typed_first(db, clock, first):
    cid = commitment(db, title="Cooperate against terrorism", parties=("PAK", "IRN"))
    second = "PAK" if first == "IRN" else "IRN"
    for party in (first, second):
        status(db, cid, "2024-04-22", TYPED[party], party)
    assert headline(db, cid, "2024-04-21") == "not_rated"
    assert headline(db, cid, "2024-04-22") == "mixed"
    assert own(db, cid, "2024-04-22") == {"Pakistan": "in_progress", "Iran": "partially_fulfilled"}
    # a later update for the whole commitment makes them agree again
    status(db, cid, "2024-05-01", "fulfilled")
    assert headline(db, cid, "2024-04-30") == "mixed"
    assert headline(db, cid, "2024-05-01") == "fulfilled"
    assert own(db, cid, "2024-05-01") == {}


@pytest.mark.parametrize("party_typed_first", [True, False])
def test_on_one_day_a_partys_own_update_beats_one_for_the_whole(db, clock, party_typed_first):
    cid = commitment(db, parties=("PAK", "IRN"))
    alone = commitment(db, title="Pakistan alone", parties=("PAK",))
    typed = [
        lambda: status(db, cid, "2024-03-01", "in_progress", "PAK"),
        lambda: status(db, cid, "2024-03-01", "stalled"),
        lambda: status(db, alone, "2024-03-01", "fulfilled", "PAK"),
        lambda: status(db, alone, "2024-03-01", "broken"),
    ]
    for write in typed if party_typed_first else typed[::-1]:
        write()
    assert own(db, cid, "2024-03-01") == {"Pakistan": "in_progress", "Iran": "stalled"}
    assert headline(db, cid, "2024-03-01") == "mixed"
    assert headline(db, alone, "2024-03-01") == "fulfilled"


@pytest.mark.parametrize("typed", [("in_progress", "stalled"), ("stalled", "in_progress")])
def test_same_day_updates_for_the_same_scope_go_by_the_order_they_were_typed(db, clock, typed):
    whole = commitment(db, parties=("PAK", "IRN"))
    party = commitment(db, title="Iran's part", parties=("PAK", "IRN"))
    for value in typed:
        status(db, whole, "2024-03-01", value)
        status(db, party, "2024-03-01", value, "IRN")
    assert headline(db, whole, "2024-03-01") == typed[-1]
    assert own(db, party, "2024-03-01") == {"Pakistan": "not_rated", "Iran": typed[-1]}


@pytest.mark.parametrize("reverse", [False, True])
def test_updates_entered_in_one_second_go_by_the_order_of_the_statuses(db, clock, reverse):
    clock.step = 0  # as an import writes them
    pairs = [("in_progress", "stalled"), ("broken", "partially_fulfilled")]
    ids = []
    for pair in pairs:
        cid = commitment(db, title=" then ".join(pair), parties=("PAK",))
        for value in pair[::-1] if reverse else pair:
            status(db, cid, "2024-03-01", value)
        ids.append(cid)
    # the later in the list of statuses wins: stalled after in progress, broken last
    assert [headline(db, cid, "2024-03-01") for cid in ids] == ["stalled", "broken"]


def test_the_headline_is_the_promisors_and_a_beneficiary_has_its_own(db, clock):
    visit = with_roles(db, "Visit Pakistan", "2024-01-29", promisor=("IRN",), beneficiary=("PAK",))
    status(db, visit, "2024-02-01", "in_progress")
    status(db, visit, "2024-03-01", "broken", "PAK")  # Pakistan's own view; Iran promised
    assert headline(db, visit, "2024-03-01") == "in_progress"
    assert own(db, visit, "2024-03-01") == {"Iran": "in_progress", "Pakistan": "broken"}
    by_party = {(name, s): n for _, name, s, n in sql_reference.counts_by_party(db, "2024-03-01")}
    assert by_party == {("Iran", "in_progress"): 1}  # Pakistan promised nothing


def test_without_promisors_every_party_decides(db, clock):
    talks = with_roles(db, "Guarantee the talks", "2024-01-29", guarantor=("CHN", "TUR"))
    status(db, talks, "2024-02-01", "in_progress")
    assert headline(db, talks, "2024-02-01") == "in_progress"
    status(db, talks, "2024-03-01", "stalled", "TUR")
    assert headline(db, talks, "2024-03-01") == "mixed"
    assert own(db, talks, "2024-03-01") == {"China": "in_progress", "Türkiye": "stalled"}


def test_a_mixed_commitment_is_open_so_it_can_be_overdue(db, clock):
    late = commitment(db, title="Late", parties=("PAK", "IRN"), deadline="2024-03-01")
    status(db, late, "2024-02-01", "fulfilled", "IRN")
    status(db, late, "2024-02-01", "broken", "PAK")
    done = commitment(db, title="Done", parties=("PAK", "IRN"), deadline="2024-03-01")
    status(db, done, "2024-02-01", "fulfilled", "IRN")
    status(db, done, "2024-02-01", "fulfilled", "PAK")
    assert headline(db, late, "2024-03-02") == "mixed"
    assert headline(db, done, "2024-03-02") == "fulfilled"
    assert [r["title"] for r in sql_reference.overdue_commitments(db, "2024-03-02")] == ["Late"]
    assert queries.resolution_dates(db, [late, done], "2024-12-31") == {done: "2024-02-01"}


@pytest.fixture
def three(db, clock):
    """Mixed (Pakistan in progress, Iran partially fulfilled), in progress, fulfilled."""
    mixed = commitment(db, title="Mixed", parties=("PAK", "IRN"))
    status(db, mixed, "2024-04-22", "partially_fulfilled", "IRN")
    status(db, mixed, "2024-04-22", "in_progress", "PAK")
    going = commitment(db, title="Going", parties=("PAK", "IRN"))
    status(db, going, "2024-04-22", "in_progress")
    kept = commitment(db, title="Kept", parties=("IRN",))
    status(db, kept, "2024-04-22", "fulfilled")
    return db, {"Mixed": mixed, "Going": going, "Kept": kept}


@pytest.mark.parametrize(
    ("chosen", "titles"),
    [
        ("in_progress", {"Mixed", "Going"}),  # Pakistan's own status, and a headline
        ("partially_fulfilled", {"Mixed"}),  # Iran's own
        ("mixed", {"Mixed"}),
        ("fulfilled", {"Kept"}),
        ("broken", set()),
    ],
)
def test_the_status_filter_matches_the_headline_or_a_partys_own(three, chosen, titles):
    db, ids = three
    flt = CommitmentFilter(statuses=(chosen,))
    page = queries.commitment_page(db, "2024-06-30", flt, limit=-1)
    assert {r["title"] for r in page} == titles
    assert queries.count_commitments(db, "2024-06-30", flt) == len(titles)
    assert set(queries.commitment_ids(db, "2024-06-30", flt, sort="status")) == {
        ids[t] for t in titles
    }


def test_the_table_shows_each_partys_status_only_where_they_differ(qapp, three):
    from PySide6.QtCore import Qt

    from desktop_app.ui.filter_bar import FilterBar
    from desktop_app.ui.table_models import CommitmentTableModel

    db, _ids = three
    model = CommitmentTableModel(db, "2024-06-30")
    model.reload()
    keys = [key for key, _ in model.COLUMNS]
    cells = {}
    for number in range(model.rowCount()):
        texts = [model.data(model.index(number, c)) for c in range(len(keys))]
        cells[texts[keys.index("title")]] = dict(zip(keys, texts, strict=True))
    assert cells["Mixed"]["status"] == "Mixed"
    assert cells["Mixed"]["party_statuses"] == "PAK In progress · IRN Partially fulfilled"
    assert cells["Going"]["party_statuses"] == cells["Kept"]["party_statuses"] == ""
    mixed_row = next(n for n in range(model.rowCount()) if model.row(n)["title"] == "Mixed")
    status_cell = model.index(mixed_row, keys.index("status"))
    assert model.data(status_cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#cc79a7"
    assert model.data(status_cell, Qt.ItemDataRole.ForegroundRole).color().name() == "#000000"
    tooltip = model.data(model.index(mixed_row, keys.index("party_statuses")), 3)
    assert "Pakistan (promisor): In progress" in tooltip
    bar = FilterBar()
    assert "one party's own status" in bar.status.toolTip()
    assert "Mixed" in [bar.status.itemText(i) for i in range(bar.status.count())]
    bar.deleteLater()


def test_the_detail_panel_shows_each_partys_badge_beside_the_headline(qtbot, three):
    from desktop_app.ui.detail_panel import DetailPanel

    db, ids = three
    panel = DetailPanel()
    qtbot.addWidget(panel)
    panel.show_commitment(db, ids["Mixed"], "2024-06-30")
    first_line = panel.browser.toPlainText().splitlines()[1]
    assert "Mixed" in first_line and "as of 2024-06-30" in first_line
    assert "Pakistan" in first_line and "In progress" in first_line
    assert "Iran" in first_line and "Partially fulfilled" in first_line
    panel.show_commitment(db, ids["Going"], "2024-06-30")
    first_line = panel.browser.toPlainText().splitlines()[1]
    assert "In progress" in first_line and "Pakistan" not in first_line


def test_exports_give_statuses_in_words_and_the_view_its_date(three, tmp_path):
    db, _ids = three
    rows = list(export_rows(db, "commitments"))
    header, body = rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert header[-2:] == ("status", "party_statuses")
    by_title = {r["title"]: r for r in body}
    assert by_title["Mixed"]["status"] == "Mixed"
    assert by_title["Mixed"]["party_statuses"] == "PAK: In progress; IRN: Partially fulfilled"
    assert (by_title["Going"]["status"], by_title["Going"]["party_statuses"]) == (
        "In progress",
        None,
    )
    view = list(current_view_rows(db, "2024-06-30", CommitmentFilter()))
    assert view[0][0] == "as_of"
    view_rows = [dict(zip(view[0], r, strict=True)) for r in view[1:]]
    assert {r["as_of"] for r in view_rows} == {"2024-06-30"}
    assert {r["status"] for r in view_rows} == {"Mixed", "In progress", "Fulfilled"}
    mixed = next(r for r in view_rows if r["title"] == "Mixed")
    assert mixed["party_statuses"] == by_title["Mixed"]["party_statuses"]  # one wording
    # as of a date before any update: the date and the statuses follow it
    early = [
        dict(zip(view[0], r, strict=True))
        for r in current_view_rows(db, "2024-02-01", CommitmentFilter())
    ][1:]
    assert {(r["as_of"], r["status"], r["party_statuses"]) for r in early} == {
        ("2024-02-01", "Not yet rated", "")
    }


def test_mixed_cannot_be_recorded_and_help_says_how_it_is_worked_out(db):
    from desktop_app.ui.help_dialogs import definitions_html

    cid = commitment(db)
    with pytest.raises(ValueError, match="cannot be recorded"):
        StatusUpdate(commitment_id=cid, date="2024-03-01", status="Mixed")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(
            """INSERT INTO status_updates (uuid, created_at, updated_at, commitment_id, date,
               status) VALUES ('u', 'now', 'now', ?, '2024-03-01', 'mixed')""",
            [cid],
        )
    text = definitions_html()
    assert "Mixed" in text and "promisors" in text and "never by the order of rows" in text


# --- imports: the order of the rows in a file changes nothing -------------------------------
UPDATES = ("uuid", "commitment_uuid", "date", "status", "party")


def _copy(source, target) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def test_importing_the_same_updates_in_either_order_gives_the_same_statuses(tmp_path):
    from desktop_app.session.imports import import_path

    base = open_database(tmp_path / "base.db")
    both = commitment(base, title="Cooperate against terrorism", parties=("PAK", "IRN"))
    whole = commitment(base, title="Activate joint border markets", parties=("PAK", "IRN"))
    uuids = dict(base.execute("SELECT id, uuid FROM commitments").fetchall())
    base.close()
    updates = [
        (
            "9b5e0c1e-0000-4000-8000-000000000001",
            uuids[both],
            "2024-04-22",
            "partially_fulfilled",
            "IRN",
        ),
        ("9b5e0c1e-0000-4000-8000-000000000002", uuids[both], "2024-04-22", "in_progress", "PAK"),
        ("9b5e0c1e-0000-4000-8000-000000000003", uuids[whole], "2024-04-22", "in_progress", ""),
        ("9b5e0c1e-0000-4000-8000-000000000004", uuids[whole], "2024-04-22", "stalled", ""),
    ]
    results = []
    for name, rows in (("typed.csv", updates), ("swapped.csv", updates[::-1])):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(UPDATES)
            writer.writerows(rows)
        copy = tmp_path / f"{name}.db"
        _copy(tmp_path / "base.db", copy)
        db = open_database(copy)
        assert import_path(db, "status_updates", path).ok
        results.append(
            (
                {cid: headline(db, cid, "2024-06-30") for cid in (both, whole)},
                own(db, both, "2024-06-30"),
                list(export_rows(db, "commitments", "2024-06-30")),
            )
        )
        db.close()
    assert results[0] == results[1]
    assert results[0][0] == {both: "mixed", whole: "stalled"}
    assert results[0][1] == {"Pakistan": "in_progress", "Iran": "partially_fulfilled"}


def test_a_reimported_commitments_export_changes_no_status(three, tmp_path):
    from desktop_app.exchange.csv_export import export_to_file
    from desktop_app.session.imports import import_path

    db, _ids = three
    before = sql_reference.statuses_as_of(db, "2024-06-30")
    path = tmp_path / "commitments.csv"
    export_to_file(export_rows(db, "commitments"), path, excel=True)
    result = import_path(db, "commitments", path)
    assert result.ok, [str(p) for p in result.problems]
    assert sql_reference.statuses_as_of(db, "2024-06-30") == before


# --- by party: each party's own status where it promised, as its compliance counts it --------
def _bars(db, as_of: str) -> dict[str, tuple[dict[str, int], str]]:
    from desktop_app.charts.chart_data import by_party

    data = by_party(db, as_of)
    assert data.counted_as == "as promisor"
    return {
        name: ({s: n[i] for s, n in data.counts.items() if n[i]}, data.notes[i])
        for i, name in enumerate(data.labels)
    }


def test_by_party_counts_match_a_hand_count_on_the_sample(sample_db):
    # 31 March 2024: six commitments made, both promised five of them, Iran also Raisi's
    # visit to Pakistan (Pakistan its beneficiary); only the envoys' return is rated
    assert _bars(sample_db, "2024-03-31") == {
        "Iran": ({"fulfilled": 1, "not_rated": 5}, "compliance +1.00 (100%), 1 rated"),
        "Pakistan": ({"fulfilled": 1, "not_rated": 4}, "compliance +1.00 (100%), 1 rated"),
    }
    # 30 June 2024: the trade target made; terrorism and markets in progress, the visit made
    assert _bars(sample_db, "2024-06-30") == {
        "Iran": (
            {"fulfilled": 2, "in_progress": 2, "not_rated": 3},
            "compliance +0.50 (75%), 4 rated",
        ),
        "Pakistan": (
            {"fulfilled": 1, "in_progress": 2, "not_rated": 3},
            "compliance +0.33 (66.7%), 3 rated",
        ),
    }
    # a judgement of Pakistan alone on the markets moves Pakistan's bar, not Iran's
    markets = sql_reference.search_commitments(sample_db, "markets", "2024-06-30")[0]["id"]
    status(sample_db, markets, "2024-05-10", "stalled", "PAK")
    bars = _bars(sample_db, "2024-06-30")
    assert bars["Pakistan"] == (
        {"fulfilled": 1, "in_progress": 1, "stalled": 1, "not_rated": 3},
        "compliance +0.00 (50%), 3 rated",
    )
    assert bars["Iran"][0] == {"fulfilled": 2, "in_progress": 2, "not_rated": 3}
    assert headline(sample_db, markets, "2024-06-30") == "mixed"
    for counts, note in bars.values():  # the bar and its label count the same commitments
        rated = sum(n for s, n in counts.items() if s != "not_rated")
        assert note.endswith(f", {rated} rated")


def test_the_by_party_chart_says_its_bars_count_promises(qtbot, sample_db):
    from desktop_app.charts import chart_data
    from desktop_app.charts.stacked_bars import draw_stacked_bars, new_stacked_bar_plot

    def drawn(data, y_title: str):
        plot = new_stacked_bar_plot("Chart", y_title)
        qtbot.addWidget(plot)
        draw_stacked_bars(plot, data)
        legend = [label.text for _sample, label in plot.getPlotItem().legend.items]
        return plot.getAxis("left").labelText, legend

    label, legend = drawn(chart_data.by_party(sample_db, "2024-06-30"), "Party")
    assert label == "Party (as promisor)"
    assert "Mixed" not in legend and "Broken" in legend  # a party's own status is never Mixed
    label, legend = drawn(chart_data.by_category(sample_db, "2024-06-30"), "Category")
    assert label == "Category" and "Mixed" in legend


def test_the_exported_status_columns_are_read_back_as_statuses_to_record(db):
    from desktop_app.exchange import csv_import
    from desktop_app.exchange.csv_export import DERIVED_COLUMNS, export_columns
    from desktop_app.exchange.status_cells import STATUS_FIELDS

    exported = set(export_columns(db, "commitments"))
    assert set(DERIVED_COLUMNS["commitments"]) == {"status", "party_statuses"} <= exported
    assert set(DERIVED_COLUMNS["commitments"]) <= set(STATUS_FIELDS)
    assert exported - set(csv_import.fields_of("commitments")) - {"uuid"} == set()
