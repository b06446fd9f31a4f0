"""Chart numbers on small databases, rendering to files, and the timeline's click-to-select."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QImage

from desktop_app.charts import chart_data
from desktop_app.store.sample import write_sample
from tests import sql_reference
from tests.builders import commitment, status


@pytest.fixture
def small(db):
    a = commitment(db, title="A", made_on="2024-01-05", parties=("PAK", "IRN"), category="security")
    b = commitment(db, title="B", made_on="2024-02-10", parties=("PAK",), category="economic")
    status(db, a, "2024-02-01", "in_progress")
    status(db, a, "2024-03-20", "fulfilled")
    status(db, b, "2024-03-01", "broken")
    return db, a, b


def test_status_over_time_counts_per_month(small, qtbot):
    from desktop_app.charts.dashboard import draw_chart, new_chart
    from tests import drawn_charts

    db, _a, _b = small
    widget = new_chart("status-over-time")
    qtbot.addWidget(widget)
    draw_chart("status-over-time", widget, chart_data.dashboard_data(db, "2024-03-31"))
    # what the bars show, read from the plot: A made in January, in progress from 1 February,
    # fulfilled 20 March; B made 10 February, broken 1 March
    assert drawn_charts.status_over_time(widget) == {
        "2024-01": {"not_rated": 1},
        "2024-02": {"in_progress": 1, "not_rated": 1},
        "2024-03": {"fulfilled": 1, "broken": 1},
    }
    tops = drawn_charts.status_over_time_tops(widget)  # each bar stacked up to the total
    assert tops == {"2024-01": 1, "2024-02": 2, "2024-03": 2}


def test_as_of_changes_what_is_drawn(small):
    db, _a, _b = small
    early = sql_reference.status_over_time(db, "2024-02-15")
    assert early.periods == ["2024-01-31", "2024-02-29"]
    assert early.counts["fulfilled"] == [0, 0]
    assert chart_data.by_category(db, "2024-01-31").labels == ["Security"]
    assert chart_data.by_category(db, "2024-04-01").labels == ["Economic", "Security"]


def test_by_party_counts_and_compliance_notes(small):
    db, _a, _b = small
    data = chart_data.by_party(db, "2024-04-01")
    assert data.labels == ["Iran", "Pakistan"]
    assert data.counts["fulfilled"] == [1, 1]
    assert data.counts["broken"] == [0, 1]
    # Pakistan: +1 and -1 -> 0.00 (50%); Iran: +1 -> +1.00 (100%)
    assert data.notes == ["compliance +1.00 (100%), 1 rated", "compliance +0.00 (50%), 2 rated"]


def test_charts_follow_the_filter(small):
    from desktop_app.store.queries import CommitmentFilter

    db, _a, _b = small
    only_security = CommitmentFilter(category="security")
    data = chart_data.by_party(db, "2024-04-01", only_security)
    assert data.counts["broken"] == [0, 0]
    assert (
        sum(sql_reference.status_over_time(db, "2024-03-31", only_security).counts["fulfilled"])
        == 1
    )


def test_timeline_bars_end_at_resolution_deadline_or_as_of(small):
    db, _a, _b = small
    commitment(db, title="C", made_on="2024-03-01", deadline="2024-09-01")
    bars = {bar.title: bar for bar in chart_data.timeline(db, "2024-04-01").bars}
    assert (bars["A"].start, bars["A"].end, bars["A"].status) == (
        "2024-01-05",
        "2024-03-20",
        "fulfilled",
    )
    assert bars["B"].end == "2024-03-01"
    assert bars["C"].end == "2024-09-01" and not bars["C"].open_ended
    assert [bar.title for bar in chart_data.timeline(db, "2024-04-01").bars] == ["A", "B", "C"]


def test_timeline_shows_the_latest_commitments_made_by_the_as_of_date(db):
    for month in range(1, 13):
        commitment(db, title=f"Made in month {month}", made_on=f"2024-{month:02d}-10")
    titles = [bar.title for bar in chart_data.timeline(db, "2024-03-31", limit=2).bars]
    assert titles == ["Made in month 2", "Made in month 3"]  # not the later ones, nor none


def test_events_per_month_with_statistics(sample_db):
    data = chart_data.events_per_month(sample_db, "2024-06-30")
    assert data.months[0] == "2024-01" and data.months[-1] == "2024-04"
    assert data.counts["strike"][0] == 2
    assert data.counts["visit"][data.months.index("2024-04")] == 1
    assert data.counts["visit"][data.months.index("2024-03")] == 0
    stat = data.statistics[0]
    assert "664 attacks" in stat["text"] and "+67%" in stat["text"]
    assert "Jan 2023–Nov 2023" in stat["text"]


@pytest.mark.parametrize(
    "chart", ["status-over-time", "by-party", "by-category", "timeline", "events"]
)
def test_render_command_writes_a_png_of_the_requested_size(tmp_path, chart):
    db_path = write_sample(tmp_path / "s.db")
    out = tmp_path / f"{chart}.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "render",
            "--db",
            str(db_path),
            "--chart",
            chart,
            "-o",
            str(out),
            "--as-of",
            "2024-06-30",
            "--width",
            "640",
            "--height",
            "400",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in __import__("os").environ.items() if k != "QT_QPA_PLATFORM"}
        | {"DISPLAY": ""},
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 400)
    colours = {image.pixel(x, y) for x in range(0, 640, 7) for y in range(0, 400, 7)}
    assert len(colours) > 6  # bars, text and legend, not a blank canvas


def test_svg_export(tmp_path, qtbot, sample_db):
    from desktop_app.charts.chart_data import dashboard_data
    from desktop_app.charts.dashboard import draw_chart, new_chart, save_chart

    widget = new_chart("by-party")
    qtbot.addWidget(widget)
    draw_chart("by-party", widget, dashboard_data(sample_db, "2024-06-30"))
    target = tmp_path / "party.svg"
    save_chart(widget, target)
    assert "<svg" in target.read_text()[:500]


def test_clicking_a_timeline_bar_selects_the_commitment(qtbot, tmp_path):
    from desktop_app.ui.main_window import TAB_COMMITMENTS, TAB_DASHBOARD, MainWindow

    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.set_as_of("2024-06-30")
    window.resize(780, 580)
    window.show()
    window.dashboard_tab.create()
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)
    timeline = window.dashboard.timeline
    window.dashboard.pages.setCurrentIndex(1)
    qtbot.waitExposed(timeline)
    index = next(i for i, bar in enumerate(timeline.bars) if bar.title.startswith("Activate"))
    bar = timeline.bars[index]
    middle = (chart_data.timestamp(bar.start) + chart_data.timestamp(bar.end)) / 2
    scene_point = timeline.plot_item.vb.mapViewToScene(QPointF(middle, timeline.row_y(index)))
    qtbot.mouseClick(
        timeline.viewport(), Qt.MouseButton.LeftButton, pos=timeline.mapFromScene(scene_point)
    )
    assert window.tabs.currentIndex() == TAB_COMMITMENTS
    assert window.selected_id(TAB_COMMITMENTS) == bar.commitment_id
    assert "Activate joint border markets" in window.detail.browser.toPlainText()


def test_dashboard_refreshes_after_an_edit(qtbot, tmp_path):
    from desktop_app.domain.records import StatusUpdate
    from desktop_app.ui.main_window import TAB_DASHBOARD, MainWindow
    from desktop_app.ui.record_actions import push_change

    QSettings().clear()
    window = MainWindow(write_sample(tmp_path / "s.db"))
    qtbot.addWidget(window)
    window.set_as_of("2024-06-30")
    window.dashboard_tab.create()
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        window.tabs.setCurrentIndex(TAB_DASHBOARD)
    before = len(window.dashboard.by_category.getPlotItem().items)
    liaison = next(b for b in window.dashboard.timeline.bars if b.title.startswith("Appoint"))
    update = StatusUpdate(commitment_id=liaison.commitment_id, date="2024-05-01", status="stalled")
    with qtbot.waitSignal(window.dashboard.drawn, timeout=10000):
        _, change = window.session.add(update)
        push_change(window, change, "Stalled")
    bars = {b.title: b for b in window.dashboard.timeline.bars}
    assert bars[liaison.title].status == "stalled"
    assert len(window.dashboard.by_category.getPlotItem().items) == before + 1  # a Stalled bar


@pytest.mark.parametrize(
    "as_of", ["2024-01-10", "2024-01-31", "2024-02-15", "2024-03-31", "2024-07-04", "2025-02-01"]
)
def test_cached_history_gives_the_same_status_over_time(small, as_of):
    db, _a, _b = small
    direct = sql_reference.status_over_time(db, as_of)
    cached = chart_data.dashboard_data(db, as_of, cache_key=("test", 1)).status_over_time
    assert cached.periods == direct.periods
    assert cached.counts == direct.counts


def test_cached_history_follows_the_filter(small):
    from desktop_app.store.queries import CommitmentFilter

    db, _a, _b = small
    flt = CommitmentFilter(category="economic")
    direct = sql_reference.status_over_time(db, "2024-05-01", flt)
    cached = chart_data.dashboard_data(db, "2024-05-01", flt, cache_key=("test", 2))
    assert cached.status_over_time.counts == direct.counts


def test_by_party_keeps_the_parties_with_most_commitments_and_says_so(db):
    codes = [
        "PAK",
        "IRN",
        "IND",
        "CHN",
        "ARM",
        "AZE",
        "USA",
        "RUS",
        "TUR",
        "EGY",
        "ETH",
        "SOM",
        "SDN",
        "SAU",
        "QAT",
        "OMN",
        "JPN",
        "KOR",
        "BRA",
        "ARG",
        "CHL",
        "PER",
    ]
    for number, code in enumerate(codes):
        for _ in range(1 if number else 3):
            commitment(db, title=f"Promise by {code}", parties=(code,))
    data = chart_data.by_party(db, "2025-01-01")
    assert len(data.labels) == chart_data.MOST_PARTIES == 10
    assert "Pakistan" in data.labels  # the one with the most commitments
    assert sum(sum(counts) for counts in data.counts.values()) == 3 + 9
    assert data.caption == "top 10 of 22"
    assert all(note.startswith("compliance") for note in data.notes)


def test_only_the_statistics_named_in_the_title_are_shaded(qtbot):
    """Thousands of statistics must not become thousands of bands (seconds of drawing on the
    GUI thread, and a grey chart): the two named under the title are shaded, the rest
    counted."""
    import pyqtgraph as pg

    from desktop_app.charts.chart_data import EventsPerMonth, timestamp
    from desktop_app.charts.events_chart import draw_events, new_events_plot

    plot = new_events_plot()
    qtbot.addWidget(plot)
    stats = [
        {
            "label": f"Count {n}",
            "text": f"{n} attacks",
            "period_start": f"2024-01-{n % 28 + 1:02d}",
            "period_end": "2024-02-28",
        }
        for n in range(1500)
    ]
    draw_events(
        plot, EventsPerMonth(["2024-01", "2024-02"], {"strike": [1, 2]}, stats), "2024-03-01"
    )
    regions = [i for i in plot.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    assert sorted(r.getRegion()[0] for r in regions) == [
        timestamp(f"2024-01-{d:02d}") for d in (1, 2)
    ]
    assert "and 1,498 more in the Statistics tab" in plot.getPlotItem().titleLabel.text


def test_count_ticks_go_back_to_automatic_when_a_redraw_brings_big_counts(qtbot):
    import pyqtgraph as pg

    from desktop_app.charts.style import whole_number_ticks

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    axis = plot.getAxis("left")
    whole_number_ticks(axis, 5)
    assert axis._tickSpacing == [(5, 0), (1, 0)]
    whole_number_ticks(axis, 40)  # the as-of date moved: far bigger counts
    assert axis._tickSpacing is None  # pyqtgraph picks the spacing again


def test_the_timeline_shows_the_whole_last_day_of_a_short_bar(qtbot):
    from desktop_app.charts.chart_data import Timeline, TimelineBar, timestamp
    from desktop_app.charts.timeline import TimelineChart

    chart = TimelineChart()
    qtbot.addWidget(chart)
    bar = TimelineBar(
        1, "Appoint liaison officers", "2024-01-01", "2024-01-10", "in_progress", False
    )
    chart.draw(Timeline([bar], []), "2024-01-05")
    (_x0, x1), _ = chart.plot_item.viewRange()
    assert x1 >= timestamp("2024-01-11")  # the bar's last day ends at midnight of the 11th


def test_the_events_chart_reads_two_statistics_and_counts_the_rest(db):
    from desktop_app.charts.chart_data import events_per_month
    from desktop_app.domain.records import Statistic
    from desktop_app.store import records

    for month in (5, 1, 3, 2, 4):
        records.add(
            db,
            Statistic(
                label=f"Attacks {month}",
                value=month,
                period_start=f"2023-0{month}-01",
                period_end=f"2023-0{month}-28",
            ),
        )
    data = events_per_month(db, "2024-01-31")
    assert [s["label"] for s in data.statistics] == ["Attacks 1", "Attacks 2"]
    assert (data.statistics_count, data.statistics_since) == (5, "2023-01-01")


def test_the_party_chosen_in_the_filter_is_among_the_bars(db):
    from desktop_app.store import records
    from desktop_app.store.queries import CommitmentFilter

    twenty = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA"]
    twenty += ["JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "PAK"]
    commitment(db, title="A joint pledge of twenty", parties=tuple(twenty))
    turkey = records.state_actor(db, "TUR")
    data = chart_data.by_party(db, "2025-01-01", CommitmentFilter(party_id=turkey))
    name = db.execute("SELECT name FROM actors WHERE id = ?", [turkey]).fetchone()[0]
    assert name in data.labels and len(data.labels) == chart_data.MOST_PARTIES
