"""Status over time: stacked bars, one per month, of how many commitments stood in each status
at the month's end; a vertical line marks the as-of date."""

from __future__ import annotations

import pyqtgraph as pg

from desktop_app.charts.chart_data import StatusOverTime, timestamp
from desktop_app.charts.style import (
    STATUS_LEGEND,
    clear_plot,
    headroom,
    make_plot,
    month_ticks,
    show_empty,
    show_legend,
    status_brush,
    theme_colours,
    whole_number_ticks,
)

DAY = 86400.0


def new_status_over_time_plot() -> pg.PlotWidget:
    return make_plot(
        "Commitments by status over time",
        "Month (status at month end)",
        "Commitments",
        date_axis=True,
    )


def draw_status_over_time(plot: pg.PlotWidget, data: StatusOverTime, as_of: str) -> None:
    clear_plot(plot.getPlotItem())
    if not data.periods:
        show_empty(plot, "No commitments made by this date.")
        return
    ends = [timestamp(p) for p in data.periods]
    centres = [end - 14 * DAY for end in ends]
    bottom = [0] * len(ends)
    for status, tops in data.stacked():
        heights = [t - b for t, b in zip(tops, bottom, strict=True)]
        if any(heights):
            plot.addItem(
                pg.BarGraphItem(
                    x=centres,
                    width=24 * DAY,
                    y0=bottom,
                    height=heights,
                    brush=status_brush(status),
                    pen=pg.mkPen(theme_colours()[0], width=0.5),
                )
            )
        bottom = tops
    line = pg.InfiniteLine(
        pos=timestamp(as_of),
        angle=90,
        pen=pg.mkPen(theme_colours()[1], width=1.5, style=pg.QtCore.Qt.DashLine),
        label=f"as of {as_of}",
        labelOpts={"position": 0.97, "color": theme_colours()[1], "anchors": [(1, 0), (1, 0)]},
    )
    plot.addItem(line)
    total = max(bottom) if bottom else 1
    plot.setYRange(0, headroom(total) + 0.6, padding=0)  # the as-of label sits above the bars
    plot.setXRange(centres[0] - 20 * DAY, max(ends[-1], timestamp(as_of)) + 10 * DAY, padding=0)
    whole_number_ticks(plot.getAxis("left"), total)
    month_ticks(
        plot.getAxis("bottom"), [(c, p[:7]) for c, p in zip(centres, data.periods, strict=True)]
    )
    show_legend(plot, STATUS_LEGEND, columns=6)
