"""What each chart draws at its edges: the view holds every bar, bars sit where their dates and
counts say, ticks thin out past 12 units or 12 months, long titles are shortened, the timeline
opens a commitment only when a click lands on its bar, and an empty chart says so.

The charts are drawn from chart_data's own dataclasses (built here by hand, so the expected
positions are known without a query) or from a real SQLite file; the numbers compared are the
ones the pyqtgraph items hold."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from desktop_app.charts.chart_data import (
    EventsPerMonth,
    StackedBars,
    StatusOverTime,
    Timeline,
    TimelineBar,
    TimelineEvent,
    timestamp,
)
from desktop_app.charts.dashboard import new_chart
from desktop_app.charts.events_chart import draw_events
from desktop_app.charts.stacked_bars import draw_stacked_bars
from desktop_app.charts.status_over_time import draw_status_over_time
from desktop_app.charts.style import KIND_STYLE, theme_colours
from desktop_app.domain.status import STATUS_INFO, STATUS_ORDER, Status
from tests import drawn_charts

DAY = 86400.0
STATUS_LABELS = [info.label for info in STATUS_INFO.values()]


@pytest.fixture
def chart(qtbot):
    def make(name: str):
        widget = new_chart(name)
        qtbot.addWidget(widget)
        widget.resize(900, 450)
        widget.show()
        return widget

    return make


def view(widget):
    return drawn_charts.plot_item(widget).vb.viewRange()


def legend_texts(widget) -> list[str]:
    legend = drawn_charts.plot_item(widget).legend
    return [] if legend is None else [label.text for _sample, label in legend.items]


def texts_shown(widget) -> list[str]:
    return [i.textItem.toPlainText() for i in drawn_charts.plot_item(widget).items if _is_text(i)]


def _is_text(item) -> bool:
    return isinstance(item, pg.TextItem)


def counts(**by_status) -> dict[str, list[int]]:
    """Counts per status for stacked bars: every status, zero unless given."""
    length = len(next(iter(by_status.values())))
    return {s.value: list(by_status.get(s.value, [0] * length)) for s in Status}


# --- timeline --------------------------------------------------------------------------------


def bar(number: int, title: str, start: str, end: str, status: str = "in_progress", **more):
    return TimelineBar(number, title, start, end, status, more.pop("open_ended", False), **more)


TWO_BARS = [
    bar(1, "Open the crossing", "2024-01-10", "2024-01-20", "fulfilled"),
    bar(2, "Hold talks", "2024-01-05", "2024-02-10", deadline="2024-02-10"),
]


@pytest.fixture
def two_bars(chart):
    widget = chart("timeline")
    widget.draw(Timeline(list(TWO_BARS), []), "2024-03-01")
    return widget


def test_a_timeline_bar_opens_from_its_first_moment_to_the_end_of_its_last_day(two_bars):
    first = TWO_BARS[0]
    start, end = timestamp(first.start), timestamp(first.end) + DAY
    assert two_bars.bar_at(start, 0) is first
    assert two_bars.bar_at(end - DAY / 2, 0) is first  # the middle of the last day
    assert two_bars.bar_at(end, 0) is first  # its very end
    assert two_bars.bar_at(start - 1, 0) is None
    assert two_bars.bar_at(end + 1, 0) is None


def test_a_timeline_click_must_be_within_the_bar_height(two_bars):
    middle = timestamp("2024-01-15")
    assert two_bars.bar_at(middle, 0.3) is TWO_BARS[0]
    assert two_bars.bar_at(middle, -0.3) is TWO_BARS[0]
    assert two_bars.bar_at(middle, 0.31) is None  # between the rows
    assert two_bars.bar_at(middle, 1.0) is TWO_BARS[1]
    assert two_bars.bar_at(middle, 0.75) is TWO_BARS[1]


def test_a_click_below_the_first_row_or_above_the_last_opens_nothing(two_bars):
    inside_both = timestamp("2024-01-15")
    assert two_bars.bar_at(inside_both, -0.75) is None  # row -1 is not the last bar
    assert two_bars.bar_at(inside_both, -1.0) is None
    assert two_bars.bar_at(inside_both, 2.0) is None  # one row past the last
    assert two_bars.bar_at(inside_both, 1.75) is None


def test_hovering_a_timeline_bar_shows_its_tooltip_and_leaving_it_clears_it(two_bars, qtbot):
    item = two_bars.plot_item
    qtbot.wait(50)
    on_bar = item.vb.mapViewToScene(pg.Point(timestamp("2024-01-25"), 1.0))
    two_bars.scene().sigMouseMoved.emit(on_bar)
    assert two_bars.toolTip() == "Hold talks\nIn progress · made 2024-01-05 · until 2024-02-10"
    off_bar = item.vb.mapViewToScene(pg.Point(timestamp("2024-01-25"), 0.0))
    two_bars.scene().sigMouseMoved.emit(off_bar)
    assert two_bars.toolTip() == ""


def test_an_open_ended_bar_says_still_open():
    open_bar = bar(3, "Reopen markets", "2024-01-01", "2024-06-30", open_ended=True)
    assert open_bar.tooltip == "Reopen markets\nIn progress · made 2024-01-01 · until still open"


def test_timeline_bars_and_markers_sit_on_their_dates_and_rows(chart):
    widget = chart("timeline")
    bars = [
        bar(1, "First", "2024-01-10", "2024-01-20", "fulfilled"),
        bar(2, "Second", "2024-02-01", "2024-04-30", deadline="2024-03-31", missed=True),
        bar(3, "Third", "2024-03-01", "2024-05-31", "fulfilled", deadline="2024-05-31"),
    ]
    events = [
        TimelineEvent("2024-01-05", "strike", "Strike one"),
        TimelineEvent("2024-01-05", "meeting", "Talks"),
        TimelineEvent("2024-02-14", "strike", "Strike two"),
    ]
    widget.draw(Timeline(bars, events), "2024-06-30")
    drawn = {}
    for item in drawn_charts.bar_items(widget):
        assert item.opts["height"] == 0.6
        status = drawn_charts.STATUS_OF_COLOUR[drawn_charts.colour_of(item)]
        for x0, x1, y in zip(item.opts["x0"], item.opts["x1"], item.opts["y"], strict=True):
            drawn[y] = (x0, x1, status)
    assert drawn == {
        0.0: (timestamp("2024-01-10"), timestamp("2024-01-21"), "fulfilled"),
        1.0: (timestamp("2024-02-01"), timestamp("2024-05-01"), "in_progress"),
        2.0: (timestamp("2024-03-01"), timestamp("2024-06-01"), "fulfilled"),
    }
    assert drawn_charts.left_labels(widget) == {
        0.0: "First",
        1.0: "Second",
        2.0: "Third",
        -1.2: "Events",
    }
    markers = {}
    ticks = {}
    for item in widget.plot_item.items:
        if isinstance(item, pg.ScatterPlotItem):
            xs, ys = item.getData()
            if item.opts["symbol"] == "|":
                colour = item.opts["pen"].color().name()
                ticks.update({(x, y): colour for x, y in zip(xs, ys, strict=True)})
            else:
                tips = item.data["data"]
                markers.update({tip: (x, y) for x, y, tip in zip(xs, ys, tips, strict=True)})
    # two events on one day stand one above the other; a marker is in the middle of its day
    assert markers == {
        "2024-01-05 · strike: Strike one": (timestamp("2024-01-05") + DAY / 2, -1.2),
        "2024-01-05 · meeting: Talks": (timestamp("2024-01-05") + DAY / 2, pytest.approx(-1.65)),
        "2024-02-14 · strike: Strike two": (timestamp("2024-02-14") + DAY / 2, -1.2),
    }
    broken = QColor(STATUS_INFO[Status.BROKEN].colour).name()
    assert ticks == {
        (timestamp("2024-04-01"), 1.0): broken,  # the end of 31 March, missed
        (timestamp("2024-06-01"), 2.0): theme_colours()[1].name(),
    }
    assert legend_texts(widget) == [*STATUS_LABELS, "Deadline", "Deadline missed"] + [
        "Meeting",
        "Strike",
    ]
    assert drawn_charts.as_of_line(widget) == "2024-06-30"


def test_the_timeline_view_holds_every_bar_marker_and_the_as_of_line(chart):
    widget = chart("timeline")
    bars = [
        bar(1, "Early", "2024-01-10", "2024-02-20"),
        bar(2, "Middle", "2024-02-01", "2024-04-30"),
        bar(3, "Late", "2024-03-01", "2024-05-31"),
    ]
    events = [TimelineEvent("2023-12-20", "strike", "Lead-up")] * 3  # three on one day
    widget.draw(Timeline(bars, events), "2024-05-15")
    (x0, x1), (y0, y1) = view(widget)
    assert x0 < timestamp("2023-12-20")  # the earliest marker
    assert x1 >= timestamp("2024-06-01")  # the end of the last bar's last day
    assert x1 - x0 < 1.2 * (timestamp("2024-06-01") - timestamp("2023-12-20"))
    lowest_marker = -1.2 - 2 * 0.45
    assert y0 < lowest_marker
    assert 2 + 0.3 <= y1 <= 2 + 1.5  # the top bar whole, with room for the as-of label
    assert y0 > lowest_marker - 1


def test_timeline_view_of_a_lone_commitment_is_not_empty(chart):
    widget = chart("timeline")
    widget.draw(Timeline([bar(1, "Same day", "2024-01-10", "2024-01-10")], []), "2024-01-10")
    (x0, x1), (y0, y1) = view(widget)
    assert x0 <= timestamp("2024-01-10") < x1
    assert y0 < -0.3 and y1 > 0.3


TITLE_38 = "A commitment title of exactly 38 chars"


def test_long_timeline_titles_are_shortened_with_an_ellipsis(chart):
    assert len(TITLE_38) == 38
    widget = chart("timeline")
    longer = TITLE_38 + "!"
    very_long = "Raise bilateral trade to ten billion dollars within five years"
    bars = [
        bar(n, t, "2024-01-01", "2024-02-01") for n, t in enumerate([TITLE_38, longer, very_long])
    ]
    widget.draw(Timeline(bars, []), "2024-03-01")
    labels = drawn_charts.left_labels(widget)
    assert labels[0.0] == TITLE_38  # kept whole
    assert labels[1.0] == TITLE_38[:37] + "…"
    assert labels[2.0] == very_long[:37] + "…"
    assert all(len(text) <= 38 for text in labels.values())
    assert bars[2].tooltip.startswith(very_long + "\n")  # the tooltip keeps the whole title


# --- stacked bars (by party, by category) ------------------------------------------------------


def test_stacked_bars_put_the_first_label_on_top_and_the_statuses_in_legend_order(chart):
    widget = chart("by-category")
    data = StackedBars(
        ["Diplomatic", "Economic", "Security"],
        counts(not_rated=[1, 0, 2], fulfilled=[2, 1, 0], broken=[0, 3, 1], mixed=[1, 0, 0]),
    )
    draw_stacked_bars(widget, data)
    pieces = {}
    for item in drawn_charts.bar_items(widget):
        assert item.opts["height"] == 0.6
        status = drawn_charts.STATUS_OF_COLOUR[drawn_charts.colour_of(item)]
        for y, x0, width in zip(item.opts["y"], item.opts["x0"], item.opts["width"], strict=True):
            if width:
                pieces.setdefault(y, []).append((x0, width, status))
    assert drawn_charts.left_labels(widget) == {2.0: "Diplomatic", 1.0: "Economic", 0.0: "Security"}
    assert pieces == {
        2.0: [(0, 1, "not_rated"), (1, 2, "fulfilled"), (3, 1, "mixed")],
        1.0: [(0, 1, "fulfilled"), (1, 3, "broken")],
        0.0: [(0, 2, "not_rated"), (2, 1, "broken")],
    }
    order = [s.value for s in STATUS_ORDER]
    drawn_order = [
        drawn_charts.STATUS_OF_COLOUR[drawn_charts.colour_of(i)]
        for i in drawn_charts.bar_items(widget)
    ]
    assert drawn_order == [s for s in order if s in {"not_rated", "fulfilled", "broken", "mixed"}]
    assert legend_texts(widget) == STATUS_LABELS  # Mixed included: a category can be mixed


def test_stacked_bars_view_holds_every_row_and_little_more(chart):
    widget = chart("by-category")
    draw_stacked_bars(widget, StackedBars(list("ABCDE"), counts(fulfilled=[1, 2, 3, 4, 5])))
    (x0, x1), (y0, y1) = view(widget)
    assert x0 == 0 and 5 <= x1 <= 5 * 1.1 + 0.5
    assert -1 <= y0 <= -0.3  # the bottom bar whole
    assert 4.3 <= y1 <= 5  # the top bar whole
    assert y1 - y0 < 6


def test_the_by_party_axis_says_what_it_counts_and_what_is_left_out(chart, qtbot):
    widget = chart("by-party")
    data = StackedBars(
        ["Iran", "Pakistan"],
        counts(fulfilled=[1, 2]),
        notes=["compliance +1.00 (100%), 1 rated", ""],
        caption="top 2 of 5",
        counted_as="as promisor",
        can_be_mixed=False,
    )
    draw_stacked_bars(widget, data)
    axis = widget.getAxis("left")
    assert axis.labelText == "Party (as promisor): top 2 of 5"
    labels = drawn_charts.left_labels(widget)
    assert labels == {1.0: "Iran · compliance +1.00 (100%), 1 rated", 0.0: "Pakistan"}
    assert legend_texts(widget) == [t for t in STATUS_LABELS if t != "Mixed"]
    data.caption = ""
    draw_stacked_bars(widget, data)
    assert axis.labelText == "Party (as promisor)"


def test_a_category_chart_axis_is_titled_by_its_rows_alone(chart):
    widget = chart("by-category")
    draw_stacked_bars(widget, StackedBars(["Security"], counts(fulfilled=[1])))
    assert widget.getAxis("left").labelText == "Category"


@pytest.mark.parametrize(
    ("largest", "spacing"),
    [(12, [(5, 0.0), (1, 0.0)]), (13, [(10, 0.0), (2, 0.0)]), (30, [(10, 0.0), (2, 0.0)])],
)
def test_count_ticks_are_every_unit_up_to_12_then_every_second(chart, largest, spacing):
    widget = chart("by-category")
    draw_stacked_bars(widget, StackedBars(["Security"], counts(fulfilled=[largest])))
    axis = widget.getAxis("bottom")
    assert axis.tickSpacing(0, largest * 1.1, 800) == spacing


def test_large_counts_get_automatic_ticks(chart):
    widget = chart("by-category")
    draw_stacked_bars(widget, StackedBars(["Security"], counts(fulfilled=[31])))
    assert widget.getAxis("bottom")._tickSpacing is None


# --- status over time --------------------------------------------------------------------------


def test_status_over_time_bars_are_centred_in_their_month_and_all_in_view(chart):
    widget = chart("status-over-time")
    periods = ["2024-01-31", "2024-02-29", "2024-03-31"]
    data = StatusOverTime(periods, counts(not_rated=[2, 1, 0], fulfilled=[0, 2, 4]))
    draw_status_over_time(widget, data, "2024-03-20")
    for item in drawn_charts.bar_items(widget):
        assert item.opts["width"] == 24 * DAY
        assert list(item.opts["x"]) == [timestamp(p) - 14 * DAY for p in periods]
    assert drawn_charts.status_over_time(widget) == {
        "2024-01": {"not_rated": 2},
        "2024-02": {"not_rated": 1, "fulfilled": 2},
        "2024-03": {"fulfilled": 4},
    }
    (x0, x1), (y0, y1) = view(widget)
    assert x0 < timestamp("2024-01-31") - 26 * DAY  # the first bar's left edge
    assert x1 > timestamp("2024-03-31")  # the last bar, and the as-of line
    assert x1 - x0 < 122 * DAY  # three months, not a year
    assert y0 == 0 and 4 < y1 <= 4 * 1.1 + 1.1
    assert drawn_charts.as_of_line(widget) == "2024-03-20"
    assert legend_texts(widget) == STATUS_LABELS
    ticks = widget.getAxis("bottom")._tickLevels[0]
    assert ticks == [
        (timestamp("2024-01-17"), "Jan 2024"),
        (timestamp("2024-02-15"), "Feb"),
        (timestamp("2024-03-17"), "Mar"),
    ]


def test_status_over_time_count_ticks_change_at_12(chart):
    widget = chart("status-over-time")
    draw_status_over_time(
        widget, StatusOverTime(["2024-01-31"], counts(fulfilled=[12])), "2024-01-31"
    )
    assert widget.getAxis("left").tickSpacing(0, 14, 400) == [(5, 0.0), (1, 0.0)]
    draw_status_over_time(
        widget, StatusOverTime(["2024-01-31"], counts(fulfilled=[13])), "2024-01-31"
    )
    assert widget.getAxis("left").tickSpacing(0, 15, 400) == [(10, 0.0), (2, 0.0)]


# --- events per month --------------------------------------------------------------------------


def months_from(first_year: int, first_month: int, number: int) -> list[str]:
    months = []
    year, month = first_year, first_month
    for _ in range(number):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def events_data(months: list[str], **per_kind: list[int]) -> EventsPerMonth:
    if not per_kind:
        per_kind = {"meeting": [1] * len(months)}
    return EventsPerMonth(months, dict(per_kind), [])


def month_labels(widget) -> list[str]:
    return [text for _position, text in widget.getAxis("bottom")._tickLevels[0]]


@pytest.mark.parametrize(
    ("first", "number", "labels"),
    [
        (
            (2024, 1),
            12,
            [
                "Jan 2024",
                "Feb",
                "Mar",
                "Apr",
                "May",
                "Jun",
                "Jul",
                "Aug",
                "Sep",
                "Oct",
                "Nov",
                "Dec",
            ],
        ),
        ((2024, 1), 13, ["Jan 2024", "Mar", "May", "Jul", "Sep", "Nov", "Jan 2025"]),
        ((2024, 2), 13, ["Feb 2024", "Apr", "Jun", "Aug", "Oct", "Dec", "Feb 2025"]),
        ((2024, 3), 13, ["Mar 2024", "May", "Jul", "Sep", "Nov", "Jan 2025", "Mar"]),
        (
            (2024, 1),
            24,
            ["Jan 2024", "Mar", "May", "Jul", "Sep", "Nov"] * 1
            + ["Jan 2025", "Mar", "May", "Jul", "Sep", "Nov"],
        ),
        (
            (2024, 1),
            25,
            ["Jan 2024", "Apr", "Jul", "Oct", "Jan 2025", "Apr", "Jul", "Oct", "Jan 2026"],
        ),
    ],
)
def test_month_labels_thin_out_past_twelve_months(chart, first, number, labels):
    widget = chart("events")
    months = months_from(*first, number)
    draw_events(widget, events_data(months), "2026-12-31")
    assert month_labels(widget) == labels
    assert len(labels) <= 13
    positions = [p for p, _ in widget.getAxis("bottom")._tickLevels[0]]
    step = -(-number // 12)
    assert positions == [timestamp(f"{m}-01") + 15 * DAY for m in months[::step]]


def test_events_bars_stack_kinds_inside_their_month(chart):
    widget = chart("events")
    months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]
    data = events_data(months, meeting=[1, 0, 2, 0, 1], strike=[2, 1, 0, 0, 3])
    draw_events(widget, data, "2024-05-31")
    items = drawn_charts.bar_items(widget)
    assert [drawn_charts.KIND_OF_COLOUR[drawn_charts.colour_of(i)] for i in items] == [
        "meeting",
        "strike",
    ]
    meeting, strike = items
    starts = [timestamp(f"{m}-01") for m in months]
    for item in items:
        assert list(item.opts["x0"]) == [s + 2 * DAY for s in starts]
        assert item.opts["width"] == 26 * DAY
    assert list(meeting.opts["y0"]) == [0] * 5
    assert list(strike.opts["y0"]) == [1, 0, 2, 0, 1]  # on top of the meetings
    assert drawn_charts.events_per_month(widget)["2024-05"] == {"meeting": 1, "strike": 3}
    assert legend_texts(widget) == ["Meeting", "Strike"]
    (x0, x1), (y0, y1) = view(widget)
    # every bar whole, with the same margin before January as after May
    assert x0 < starts[0] + 2 * DAY and x1 > starts[-1] + 28 * DAY
    before = timestamp("2024-01-01") - x0
    after = x1 - timestamp("2024-06-01")
    assert before == pytest.approx(after) and 0 < before <= 15 * DAY
    assert y0 == 0 and 4 <= y1 <= 4 * 1.1 + 0.5
    assert widget.getAxis("left").tickSpacing(0, 5, 400) == [(5, 0.0), (1, 0.0)]


def test_one_month_of_events_is_shown_three_months_wide_and_centred(chart):
    widget = chart("events")
    draw_events(widget, events_data(["2024-03"]), "2024-03-31")
    (x0, x1), _ = view(widget)
    bar_start, bar_end = timestamp("2024-03-03"), timestamp("2024-03-29")
    assert x0 < bar_start and x1 > bar_end
    assert x1 - x0 >= 92 * DAY
    middle = (timestamp("2024-03-01") + timestamp("2024-04-01")) / 2
    assert (x0 + x1) / 2 == pytest.approx(middle)


def statistic(label: str, start: str, end: str | None, text: str = "12 attacks") -> dict:
    return {"label": label, "text": text, "period_start": start, "period_end": end}


def test_statistics_alone_give_the_axis_their_periods_and_a_count_axis(chart):
    widget = chart("events")
    data = EventsPerMonth([], {}, [statistic("Attacks", "2024-02-01", "2024-04-30")])
    draw_events(widget, data, "2024-06-30")
    (x0, x1), (y0, y1) = view(widget)
    assert x0 < timestamp("2024-02-01") and x1 > timestamp("2024-07-01")
    assert y0 == 0 and y1 >= 1  # an axis that shows counts, though there are no bars
    regions = [i for i in widget.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    assert [r.getRegion() for r in regions] == [(timestamp("2024-02-01"), timestamp("2024-05-01"))]
    assert "No events recorded" not in " ".join(texts_shown(widget))


def test_a_statistic_period_is_shaded_only_where_it_overlaps_the_months(chart):
    widget = chart("events")
    months = ["2024-03", "2024-04", "2024-05", "2024-06"]
    stats = [
        statistic("Overlapping", "2024-01-01", "2024-04-15"),
        statistic("Open", "2024-06-10", None),  # up to the as-of date
        statistic("Before", "2023-01-01", "2023-12-31"),
    ]
    draw_events(widget, EventsPerMonth(months, {"meeting": [1, 1, 1, 1]}, stats), "2024-06-20")
    regions = [i for i in widget.getPlotItem().items if isinstance(i, pg.LinearRegionItem)]
    first = timestamp("2024-03-01")
    assert sorted(r.getRegion() for r in regions) == [
        (first, timestamp("2024-04-16")),
        (timestamp("2024-06-10"), timestamp("2024-06-21")),
    ]


def test_the_events_title_names_two_statistics_and_counts_the_rest(chart):
    widget = chart("events")
    stats = [statistic(f"Count {n}", "2024-01-01", "2024-01-31", f"{n} attacks") for n in range(5)]
    draw_events(widget, EventsPerMonth(["2024-01"], {"strike": [1]}, stats), "2024-01-31")
    item = widget.getPlotItem()
    title = item.titleLabel.text
    assert "Count 0: 0 attacks" in title and "Count 1: 1 attacks" in title
    assert "Count 2" not in title
    assert "and 3 more in the Statistics tab" in title
    # the title's row holds its four lines (pyqtgraph's one-line row laid them over the bars)
    assert item.layout.rowMinimumHeight(0) >= item.titleLabel.item.boundingRect().height()
    draw_events(widget, EventsPerMonth(["2024-01"], {"strike": [1]}, stats[:2]), "2024-01-31")
    title = widget.getPlotItem().titleLabel.text
    assert "Count 1: 1 attacks" in title and "more in the Statistics tab" not in title


# --- empty charts and legends ------------------------------------------------------------------

EMPTY = {
    "status-over-time": "No commitments made by this date.",
    "by-party": "No commitments to show for this filter and date.",
    "by-category": "No commitments to show for this filter and date.",
    "events": "No events recorded by this date.",
    "timeline": "Nothing to show for this filter and date.",
}


def draw_empty(name: str, widget) -> None:
    if name == "status-over-time":
        draw_status_over_time(widget, StatusOverTime([], counts(fulfilled=[])), "2024-01-31")
    elif name in ("by-party", "by-category"):
        draw_stacked_bars(widget, StackedBars([], counts(fulfilled=[])))
    elif name == "events":
        draw_events(widget, EventsPerMonth([], {}, []), "2024-01-31")
    else:
        widget.draw(Timeline([], []), "2024-01-31")


def draw_full(name: str, widget) -> None:
    if name == "status-over-time":
        draw_status_over_time(
            widget, StatusOverTime(["2024-01-31"], counts(fulfilled=[3])), "2024-01-31"
        )
    elif name in ("by-party", "by-category"):
        draw_stacked_bars(widget, StackedBars(["Security"], counts(fulfilled=[3])))
    elif name == "events":
        draw_events(widget, events_data(["2024-01"]), "2024-01-31")
    else:
        widget.draw(Timeline([bar(1, "One", "2024-01-01", "2024-01-20")], []), "2024-01-31")


@pytest.mark.parametrize("name", list(EMPTY))
def test_an_empty_chart_says_so_in_its_middle_with_no_numbers(chart, qtbot, name):
    widget = chart(name)
    draw_full(name, widget)
    assert drawn_charts.bar_items(widget) and legend_texts(widget)
    old_legend = drawn_charts.plot_item(widget).legend
    draw_empty(name, widget)
    assert old_legend.scene() is None  # taken off the chart, not only forgotten
    qtbot.wait(30)
    item = drawn_charts.plot_item(widget)
    assert drawn_charts.bar_items(widget) == []
    assert texts_shown(widget) == [EMPTY[name]]
    assert item.legend is None  # no legend of nothing
    for axis in ("left", "bottom"):
        assert item.getAxis(axis)._tickLevels == [[]]
    for low, high in view(widget):  # no range left over from the data drawn before
        assert -0.1 < low <= 0 and 1 <= high < 1.1
    text = next(i for i in item.items if _is_text(i))

    def centred() -> bool:  # once the layout has settled (later on a busy machine)
        centre = text.mapRectToScene(text.boundingRect()).center()
        middle = item.vb.mapRectToScene(item.vb.boundingRect()).center()
        return abs(centre.x() - middle.x()) < 3 and abs(centre.y() - middle.y()) < 3

    qtbot.waitUntil(centred, timeout=3000)
    draw_full(name, widget)  # and drawn again, the message goes
    assert texts_shown(widget) == [] and drawn_charts.bar_items(widget)
    assert legend_texts(widget)


def test_timeline_legend_markers_are_outlined_in_the_text_colour(chart):
    widget = chart("timeline")
    events = [TimelineEvent("2024-01-05", "strike", "Strike")]
    widget.draw(
        Timeline([bar(1, "One", "2024-01-01", "2024-01-20", deadline="2024-01-20")], events),
        "2024-01-31",
    )
    samples = {label.text: sample.item for sample, label in widget.plot_item.legend.items}
    strike = samples["Strike"]
    assert isinstance(strike, pg.ScatterPlotItem)
    assert strike.opts["symbol"] == KIND_STYLE["strike"][0]
    assert strike.opts["pen"].color().name() == theme_colours()[1].name()
    assert QColor(strike.opts["brush"].color()).name() == QColor(KIND_STYLE["strike"][1]).name()
    assert isinstance(samples["Fulfilled"], pg.BarGraphItem)


# --- legends, axes and the dashboard's layout --------------------------------------------------


def test_a_legend_is_replaced_when_its_entries_change_and_the_old_one_leaves_the_scene(chart):
    widget = chart("timeline")
    one = [bar(1, "One", "2024-01-01", "2024-01-20")]
    widget.draw(Timeline(one, [TimelineEvent("2024-01-05", "strike", "Strike")]), "2024-01-31")
    old = widget.plot_item.legend
    assert legend_texts(widget)[-1] == "Strike"
    widget.draw(Timeline(one, [TimelineEvent("2024-01-06", "meeting", "Talks")]), "2024-01-31")
    assert legend_texts(widget)[-1] == "Meeting" and "Strike" not in legend_texts(widget)
    assert old.scene() is None  # not left behind under the new one
    draw_empty("timeline", widget)
    assert widget.plot_item.legend is None
    assert widget.plot_item.getContentsMargins() == (0, 0, 0, 0)  # its room given back


def test_the_legend_is_centred_under_the_plot_inside_the_widget(chart, qtbot):
    widget = chart("by-category")
    draw_stacked_bars(widget, StackedBars(["Security"], counts(fulfilled=[3])))
    qtbot.wait(50)
    item = widget.getPlotItem()
    legend = item.legend.mapRectToScene(item.legend.boundingRect())
    whole = item.mapRectToScene(item.boundingRect())
    assert legend.center().x() == pytest.approx(whole.center().x(), abs=3)
    assert whole.left() <= legend.left() and legend.right() <= whole.right()
    assert legend.bottom() <= whole.bottom() + 1


def test_events_legend_shows_bar_swatches_and_the_timeline_markers(chart):
    widget = chart("events")
    draw_events(widget, events_data(["2024-01"], strike=[2]), "2024-01-31")
    samples = [sample.item for sample, _label in widget.getPlotItem().legend.items]
    assert len(samples) == 1 and isinstance(samples[0], pg.BarGraphItem)


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        ("status-over-time", True),
        ("events", True),
        ("timeline", True),
        ("by-party", False),
        ("by-category", False),
    ],
)
def test_time_charts_have_a_date_axis_and_bar_charts_a_count_axis(chart, name, dates):
    axis = drawn_charts.plot_item(chart(name)).getAxis("bottom")
    assert isinstance(axis, pg.DateAxisItem) is dates


def test_chart_positions_are_seconds_since_1970_utc_as_the_date_axis_reads_them():
    import datetime as dt

    for iso in ("1970-01-01", "1970-01-02", "2024-02-29", "2031-12-31"):
        midnight = dt.datetime.fromisoformat(iso).replace(tzinfo=dt.UTC)
        assert timestamp(iso) == midnight.timestamp()


def test_the_overview_shows_four_charts_two_by_two(qtbot):
    from desktop_app.charts.dashboard import Dashboard

    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    grid = dashboard.status_over_time.parentWidget().layout()
    places = {
        name: grid.getItemPosition(grid.indexOf(dashboard.chart(name)))[:2]
        for name in ("status-over-time", "by-party", "by-category", "events")
    }
    assert places == {
        "status-over-time": (0, 0),
        "by-party": (0, 1),
        "by-category": (1, 0),
        "events": (1, 1),
    }
    assert [dashboard.pages.tabText(i) for i in range(2)] == ["Overview", "Timeline"]


@pytest.mark.parametrize(("page", "proposed"), [(0, "Status over time"), (1, "Timeline")])
def test_export_chart_proposes_the_chart_of_the_page_shown(qtbot, page, proposed):
    from desktop_app.charts.dashboard import Dashboard
    from tests.ui_helpers import when_modal_opens

    dashboard = Dashboard()
    qtbot.addWidget(dashboard)
    dashboard.show()
    dashboard.pages.setCurrentIndex(page)
    offered = []

    def read_and_cancel(dialog) -> None:
        offered.append(dialog.textValue())
        dialog.reject()

    when_modal_opens(read_and_cancel)
    dashboard.export_current_chart(dashboard)
    assert offered == [proposed]
