"""Events per month by kind (stacked bars), with the reported statistics: the first three are
named under the title with their value, period and change against the baseline, and their
periods are shaded where they overlap the months of events (the rest are counted, not drawn: a
band for each of thousands of statistics would grey the chart and take seconds to draw). The
axis spans the events, not the statistics, so a statistic about last year does not crush this
year's bars."""

from __future__ import annotations

from html import escape

import pyqtgraph as pg
from PySide6.QtGui import QColor

from desktop_app.charts.chart_data import STATISTICS_SHOWN, EventsPerMonth, timestamp
from desktop_app.charts.style import (
    KIND_STYLE,
    clear_plot,
    headroom,
    kind_legend_entry,
    make_plot,
    month_ticks,
    show_empty,
    show_legend,
    theme_colours,
    whole_number_ticks,
)

DAY = 86400.0
NAMED = STATISTICS_SHOWN  # statistics named under the title and shaded


def new_events_plot() -> pg.PlotWidget:
    return make_plot(TITLE, "Month", "Events", date_axis=True)


def draw_events(plot: pg.PlotWidget, data: EventsPerMonth, as_of: str) -> None:
    clear_plot(plot.getPlotItem())
    total = len(data.statistics) if data.statistics_count is None else data.statistics_count
    _name_statistics(plot, data.statistics, total, theme_colours()[1])
    if not data.months and not data.statistics:
        show_empty(plot, "No events recorded by this date.")
        return
    starts = [timestamp(f"{m}-01") for m in data.months]
    bottom = [0] * len(starts)
    entries = []
    for kind, counts in data.counts.items():
        colour = KIND_STYLE.get(kind, KIND_STYLE["other"])[1]
        bars = pg.BarGraphItem(
            x0=[s + 2 * DAY for s in starts],
            width=26 * DAY,
            y0=bottom,
            height=counts,
            brush=colour,
            pen=pg.mkPen(theme_colours()[0], width=0.5),
        )
        plot.addItem(bars)
        entries.append(kind_legend_entry(kind))
        bottom = [a + b for a, b in zip(bottom, counts, strict=True)]
    top = max(bottom, default=0) or 1
    _background, foreground = theme_colours()
    if starts:  # at least three months wide, so that one month is not one huge bar
        first, last = starts[0], starts[-1] + 31 * DAY
        missing = max(0.0, 92 * DAY - (last - first)) / 2
        first, last = first - missing, last + missing
    else:  # statistics only: their periods are the axis
        first = timestamp(data.statistics_since or min(s["period_start"] for s in data.statistics))
        last = timestamp(as_of) + DAY
    span_colour = QColor(foreground)
    span_colour.setAlpha(28)
    for stat in data.statistics[:NAMED]:
        start = timestamp(stat["period_start"])
        end = timestamp(stat["period_end"] or as_of) + DAY
        if end > first and start < last:  # shaded only where it overlaps the events' months
            region = pg.LinearRegionItem(
                (max(start, first), min(end, last)),
                movable=False,
                brush=span_colour,
                pen=pg.mkPen(foreground, width=0.5),
            )
            region.setZValue(-10)
            plot.addItem(region)
    plot.setXRange(first - 10 * DAY, last + 10 * DAY, padding=0)
    plot.setYRange(0, headroom(top), padding=0)
    whole_number_ticks(plot.getAxis("left"), top)
    month_ticks(
        plot.getAxis("bottom"),
        [(s + 15 * DAY, m) for s, m in zip(starts, data.months, strict=True)],
    )
    show_legend(plot, tuple(entries), columns=6)


TITLE = "Events per month, and reported statistics"


def _name_statistics(
    plot: pg.PlotWidget, statistics: list[dict], total: int, foreground: QColor
) -> None:
    """The statistics under the title, one line each (a shaded band marks their period)."""
    lines = [f"{s['label']}: {s['text']}" for s in statistics[:NAMED]]
    if total > NAMED:
        lines.append(f"and {total - NAMED:,} more in the Statistics tab")
    small = "".join(f"<br><span style='font-size:9pt'>{escape(line)}</span>" for line in lines)
    plot.setTitle(TITLE + small, color=foreground.name(), size="11pt")
    _fit_title(plot.getPlotItem())


def _fit_title(item: pg.PlotItem) -> None:
    """Make the title's row as tall as its lines (pyqtgraph fixes it at one line's 30 px, and
    the statistics named under the title then lay over the bars)."""
    height = max(30.0, item.titleLabel.item.boundingRect().height() + 2)
    item.titleLabel.setMaximumHeight(height)
    item.layout.setRowFixedHeight(0, height)
