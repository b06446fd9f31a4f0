"""As of a date means as known on that date: records dated later are in no table, count or
export (the sample: the trade target made on 22 April 2024, Raisi's visit the same day, and
the PICSS count published on 30 January 2024)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop_app.exchange.csv_export import current_view_rows
from desktop_app.store import listings, queries
from desktop_app.store.queries import CommitmentFilter
from desktop_app.store.sample import write_sample
from desktop_app.ui.main_window import TAB_EVENTS, TAB_STATISTICS, MainWindow

TRADE = "Raise bilateral trade to 10 billion dollars"
VISIT = "President Raisi visits Pakistan"


def test_commitments_made_later_are_not_listed_counted_or_exported(sample_db):
    titles = [r["title"] for r in queries.commitment_page(sample_db, "2024-02-15", limit=-1)]
    assert TRADE not in titles and len(titles) == 6
    assert TRADE in [r["title"] for r in queries.commitment_page(sample_db, "2024-04-22")]
    assert queries.count_commitments(sample_db, "2024-02-15") == 6
    assert queries.count_commitments(sample_db, "2024-01-21") == 0  # made on 22 January at first
    by_status = CommitmentFilter(statuses=("not_rated",))
    assert TRADE not in [
        r["title"] for r in queries.commitment_page(sample_db, "2024-02-15", by_status)
    ]
    exported = list(current_view_rows(sample_db, "2024-02-15", CommitmentFilter()))
    title = exported[0].index("title")
    assert len(exported) == 1 + 6 and TRADE not in {row[title] for row in exported[1:]}
    assert TRADE in {
        row[title] for row in current_view_rows(sample_db, "2024-06-30", CommitmentFilter())
    }


def test_events_after_the_date_are_not_listed(sample_db):
    titles = [r["title"] for r in listings.event_page(sample_db, as_of="2024-02-15")]
    assert VISIT not in titles and len(titles) == 6
    assert listings.count_events(sample_db, as_of="2024-01-17") == 2
    assert list(listings.event_ids(sample_db, as_of="2024-01-16")) == [
        r["id"] for r in listings.event_page(sample_db, as_of="2024-01-16")
    ]
    assert VISIT in [r["title"] for r in listings.event_page(sample_db)]  # no date: all


@pytest.mark.parametrize(
    ("as_of", "shown"), [("2023-06-30", 0), ("2024-01-29", 0), ("2024-01-30", 1)]
)
def test_a_statistic_is_shown_from_its_publication(sample_db, as_of, shown):
    assert listings.count_statistics(sample_db, as_of) == shown
    assert len(listings.statistic_page(sample_db, as_of=as_of)) == shown
    assert len(queries.statistics_in_range(sample_db, as_of)) == shown


def test_the_status_bar_totals_count_what_was_known(sample_db):
    everything = queries.table_counts(sample_db)
    then = queries.table_counts(sample_db, "2024-02-15")
    assert (then["events"], then["commitments"], then["statistics"]) == (6, 6, 1)
    assert (everything["events"], everything["commitments"]) == (7, 7)
    # records with no date of their own are counted whatever the date
    assert {t: then[t] for t in ("actors", "places", "sources")} == {
        t: everything[t] for t in ("actors", "places", "sources")
    }
    assert queries.table_counts(sample_db, "2023-12-31")["statistics"] == 0


def test_the_status_bar_counts_from_the_status_index_are_those_of_the_sql(sample_db):
    from desktop_app.domain.records import Commitment, Event
    from desktop_app.store import records
    from desktop_app.store.as_of_counts import as_of_counts
    from desktop_app.store.status_index import StatusIndex

    gone = records.add(sample_db, Commitment(title="Withdrawn", made_on="2024-01-20"))
    records.set_deleted(sample_db, Commitment, gone, True)
    late = records.add(sample_db, Event(date="2024-02-20", kind="strike", title="Late raid"))
    records.set_deleted(sample_db, Event, late, True)
    records.add(sample_db, Commitment(title="Due", made_on="2024-01-30", deadline="2024-02-10"))
    index = StatusIndex.load(sample_db)
    for as_of in (
        "2023-12-31",
        "2024-01-29",
        "2024-02-10",
        "2024-02-11",
        "2024-02-29",
        "2030-01-01",
    ):
        assert as_of_counts(sample_db, as_of, index) == as_of_counts(sample_db, as_of)
    assert as_of_counts(sample_db, "2024-02-11", index)[1] >= 1  # "Due" is overdue by then


def test_every_table_of_the_window_follows_the_as_of_date(qtbot, tmp_path):
    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.show()
    window.set_as_of("2024-02-15")
    model = window.commitment_model
    assert TRADE not in [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "6 commitments · 0 overdue as of 2024-02-15 · 6 events · 1 statistic" in (
        window.counts_label.text()
    )
    window.tabs.setCurrentIndex(TAB_EVENTS)
    assert window.event_model.rowCount() == 6
    window.tabs.setCurrentIndex(TAB_STATISTICS)
    window.set_as_of("2023-06-30")
    assert window.statistic_model.rowCount() == 0
    window.set_as_of("2024-12-31")
    assert window.statistic_model.rowCount() == 1
    window.tabs.setCurrentIndex(TAB_EVENTS)
    assert window.event_model.rowCount() == 7
