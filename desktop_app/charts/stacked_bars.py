"""Horizontal bars split by status, one per label: the by-party and by-category charts."""

from __future__ import annotations

import pyqtgraph as pg

from desktop_app.charts.chart_data import StackedBars
from desktop_app.charts.style import (
    STATUS_LEGEND,
    clear_plot,
    headroom,
    make_plot,
    set_label_ticks,
    show_empty,
    show_legend,
    status_brush,
    theme_colours,
    whole_number_ticks,
)
from desktop_app.domain.local_names import isolated
from desktop_app.domain.status import STATUS_INFO, STATUS_ORDER

# a party's own status is never Mixed: the by-party legend leaves it out
_RECORDED_LEGEND = tuple(
    entry for entry, info in zip(STATUS_LEGEND, STATUS_INFO.values(), strict=True) if info.enterable
)


def new_stacked_bar_plot(title: str, y_title: str) -> pg.PlotWidget:
    plot = make_plot(title, "Commitments", y_title)
    plot.showGrid(x=False, y=False)
    plot.y_title = y_title
    return plot


def draw_stacked_bars(plot: pg.PlotWidget, data: StackedBars) -> None:
    clear_plot(plot.getPlotItem())
    if not data.labels:
        show_empty(plot, "No commitments to show for this filter and date.")
        return
    rows = list(range(len(data.labels)))[::-1]  # first label at the top
    left = [0] * len(rows)
    background, foreground = theme_colours()
    for status in STATUS_ORDER:
        counts = data.counts[status.value]
        if any(counts):
            plot.addItem(
                pg.BarGraphItem(
                    x0=left,
                    width=counts,
                    y=rows,
                    height=0.6,
                    brush=status_brush(status.value),
                    pen=pg.mkPen(background, width=1),
                )
            )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    # a note (the compliance score) goes with its label, so the bars keep the whole width
    notes = data.notes or [""] * len(rows)
    labels = [
        # a Persian party name keeps the line left to right: the name, then its score
        f"{isolated(name)} · {note}" if note else name
        for name, note in zip(data.labels, notes, strict=True)
    ]
    set_label_ticks(plot.getPlotItem(), list(zip(rows, labels, strict=True)))
    whole_number_ticks(plot.getAxis("bottom"), max(left))
    plot.setXRange(0, headroom(max(left)), padding=0)
    plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
    title = getattr(plot, "y_title", "")
    label = f"{title} ({data.counted_as})" if data.counted_as else title
    label = f"{label}: {data.caption}" if data.caption else label
    if getattr(plot, "y_label_shown", title) != label:  # a new label re-lays the axis out
        plot.setLabel("left", label, color=foreground.name())
        plot.y_label_shown = label
    show_legend(plot, STATUS_LEGEND if data.can_be_mixed else _RECORDED_LEGEND, columns=6)
