"""Events per month by kind (stacked bars), with reported statistics drawn as shaded period
spans labelled with their value and change against the baseline."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor

from desktop_app.charts.chart_data import EventsPerMonth, timestamp
from desktop_app.charts.style import (
    KIND_STYLE,
    clear_plot,
    kind_legend_entry,
    make_plot,
    show_empty,
    show_legend,
    theme_colours,
    whole_number_ticks,
)

DAY = 86400.0


def new_events_plot() -> pg.PlotWidget:
    return make_plot("Events per month, and reported statistics", "Month", "Events", date_axis=True)


def draw_events(plot: pg.PlotWidget, data: EventsPerMonth, as_of: str) -> None:
    clear_plot(plot.getPlotItem())
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
    span_colour = QColor(foreground)
    span_colour.setAlpha(28)
    for number, stat in enumerate(data.statistics):
        start = timestamp(stat["period_start"])
        end = timestamp(stat["period_end"] or as_of) + DAY
        region = pg.LinearRegionItem(
            (start, end), movable=False, brush=span_colour, pen=pg.mkPen(foreground, width=0.5)
        )
        region.setZValue(-10)
        plot.addItem(region)
        label = pg.TextItem(f"{stat['label']}: {stat['text']}", color=foreground, anchor=(0, 0))
        label.setPos(start, top * (1.45 - 0.2 * number))
        plot.addItem(label)
    first = min(starts + [timestamp(s["period_start"]) for s in data.statistics])
    last = max(starts + [timestamp(as_of[:7] + "-01")]) + 31 * DAY
    plot.setXRange(first - 10 * DAY, last + 10 * DAY, padding=0)
    plot.setYRange(0, top * 2.1, padding=0)
    whole_number_ticks(plot.getAxis("left"), top)
    show_legend(plot, tuple(entries), columns=4, right=True)
