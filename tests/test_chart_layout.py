"""Charts fit their data: axes end near the largest value, legends stay out of the data,
months are named under month axes, a statistic does not crush the event bars, and the timeline
shows what led to the commitments and every deadline."""

from __future__ import annotations

import pytest

from desktop_app.charts.chart_data import dashboard_data, timestamp
from desktop_app.charts.dashboard import draw_chart, new_chart
from desktop_app.domain.status import STATUS_INFO, Status


@pytest.fixture
def draw(qtbot, sample_db):
    def drawn(name: str, as_of: str):
        widget = new_chart(name)
        qtbot.addWidget(widget)
        widget.resize(900, 450)
        widget.show()
        draw_chart(name, widget, dashboard_data(sample_db, as_of))
        qtbot.wait(50)  # pyqtgraph lays the plot out on the next turn of the event loop
        return widget

    return drawn


def _ranges(widget):
    item = widget.getPlotItem() if hasattr(widget, "getPlotItem") else widget.plot_item
    return item.vb.viewRange()


# by hand on the sample: 7 commitments, each with both parties; 3 of them diplomatic
@pytest.mark.parametrize(("name", "largest"), [("by-party", 7), ("by-category", 3)])
def test_bar_charts_end_near_their_largest_bar(draw, name, largest):
    (_x0, x1), _ = _ranges(draw(name, "2024-12-31"))
    assert largest <= x1 <= largest * 1.1 + 0.5


def test_status_over_time_names_months_and_ends_near_the_top(draw):
    widget = draw("status-over-time", "2024-02-15")
    _, (_y0, y1) = _ranges(widget)
    assert 6 <= y1 <= 6 * 1.1 + 1.1  # 6 commitments made by then
    ticks = widget.getAxis("bottom")._tickLevels[0]
    assert [text for _, text in ticks] == ["Jan 2024", "Feb"]


def test_a_statistic_from_last_year_does_not_widen_the_events_axis(draw):
    widget = draw("events", "2024-12-31")
    (x0, x1), (_y0, y1) = _ranges(widget)
    # the bars are January and April 2024; the PICSS count covers January-November 2023
    assert x0 > timestamp("2023-11-30") and x1 < timestamp("2024-06-01")
    assert y1 <= 6 * 1.1 + 0.5
    assert "Attacks in Pakistan: 664 attacks" in widget.getPlotItem().titleLabel.text


def test_the_legend_is_outside_the_data_area(draw):
    widget = draw("by-party", "2024-12-31")
    item = widget.getPlotItem()
    legend = item.legend.mapRectToScene(item.legend.boundingRect())
    data_area = item.vb.mapRectToScene(item.vb.boundingRect())
    assert not legend.intersects(data_area)


def test_the_timeline_shows_the_lead_up_and_every_deadline(draw):
    widget = draw("timeline", "2030-01-01")
    dates = {e.date for e in widget_events(widget)}
    assert {"2024-01-16", "2024-01-17", "2024-01-18"} <= dates  # strikes and the recall
    marks = [i for i in widget.plot_item.items if getattr(i, "opts", {}).get("symbol") == "|"]
    broken = STATUS_INFO[Status.BROKEN].colour.lower()
    colours = {m.opts["pen"].color().name() for m in marks}
    assert broken in colours  # the trade target's 2029 deadline passed while open
    points = [p for m in marks for p in m.getData()[0]]
    assert timestamp("2029-04-22") + 86400 in points


def widget_events(widget):
    return widget.last_events


def test_markers_on_the_same_day_stand_apart(qtbot, sample_db):
    from desktop_app.charts.chart_data import TimelineEvent
    from desktop_app.charts.timeline import _event_lanes

    lanes = _event_lanes(
        [TimelineEvent("2024-01-16", "strike", "a"), TimelineEvent("2024-01-16", "other", "b")]
    )
    assert lanes[0] != lanes[1]


def test_compliance_shows_its_rounding_honestly():
    from desktop_app.domain.status import percent_text

    assert percent_text(62.5) == "62.5%"
    assert percent_text(100.0) == "100%"
    assert percent_text(2 / 3 * 100) == "66.7%"


def test_the_four_overview_charts_share_the_dashboard_equally_above_the_deadlines(window, qtbot):
    """Built one per frame into their places, the charts first shown must not keep the small
    size their placeholders had (the top row was squashed to 69 px), nor push the deadline
    lists out of sight."""
    from desktop_app.charts.dashboard import CHART_PLACES
    from desktop_app.ui.tabs import TAB_DASHBOARD

    window.resize(1280, 800)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    qtbot.waitUntil(lambda: window.dashboard_tab.drawn_for is not None, timeout=15000)
    qtbot.wait(50)
    heights = [
        getattr(window.dashboard, attribute).height()
        for attribute, cell in CHART_PLACES.values()
        if cell is not None
    ]
    assert min(heights) >= 150, heights
    assert max(heights) - min(heights) <= 5, heights
    assert window.dashboard_tab.deadlines.height() >= 100
