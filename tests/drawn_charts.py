"""Read back the numbers a chart widget actually draws, from its pyqtgraph items: bar heights
and widths, their colours (which say the status or event kind), their positions on the axes,
and the labels on the left axis. Nothing here asks the store or chart_data."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtGui import QColor

from desktop_app.charts.style import KIND_STYLE
from desktop_app.domain.status import STATUS_INFO

DAY = 86400.0
STATUS_OF_COLOUR = {
    QColor(info.colour).name(): status.value for status, info in STATUS_INFO.items()
}
KIND_OF_COLOUR = {QColor(colour).name(): kind for kind, (_symbol, colour) in KIND_STYLE.items()}


def plot_item(widget):
    return widget.getPlotItem() if hasattr(widget, "getPlotItem") else widget.plot_item


def bar_items(widget) -> list[pg.BarGraphItem]:
    return [i for i in plot_item(widget).items if isinstance(i, pg.BarGraphItem)]


def colour_of(item: pg.BarGraphItem) -> str:
    return QColor(item.opts["brush"]).name()


def date_of(seconds: float) -> str:
    """The ISO date of a position on a date axis (seconds since the epoch, UTC)."""
    return (dt.date(1970, 1, 1) + dt.timedelta(days=round(seconds / DAY))).isoformat()


def left_labels(widget) -> dict[float, str]:
    """Position on the left axis -> the label written there."""
    levels = plot_item(widget).getAxis("left")._tickLevels or [[]]
    return {float(y): text for y, text in levels[0]}


def _add(table: dict, key, inner, n) -> None:
    if n:
        table.setdefault(key, {})
        table[key][inner] = table[key].get(inner, 0) + n


def stacked_bars(widget) -> dict[str, dict[str, int]]:
    """By party / by category: row label -> {status: bar length}, the status read from the
    bar's colour and the row from the left axis. Zero-length pieces are left out."""
    labels = left_labels(widget)
    drawn: dict[str, dict[str, int]] = {}
    for item in bar_items(widget):
        status = STATUS_OF_COLOUR[colour_of(item)]
        for y, width in zip(item.opts["y"], item.opts["width"], strict=True):
            _add(drawn, labels[float(y)], status, width)
    return drawn


def stacked_bars_touch(widget) -> bool:
    """Whether every row's pieces sit end to end from zero (no gap, no overlap)."""
    rows: dict[float, list[tuple[float, float]]] = {}
    for item in bar_items(widget):
        for y, x0, width in zip(item.opts["y"], item.opts["x0"], item.opts["width"], strict=True):
            rows.setdefault(float(y), []).append((x0, width))
    for pieces in rows.values():
        end = 0
        for x0, width in sorted(pieces):
            if x0 != end:
                return False
            end += width
    return True


def status_over_time(widget) -> dict[str, dict[str, int]]:
    """Status over time: month (YYYY-MM) -> {status: bar height}. Each bar is centred 14 days
    before its month's end; its segments are stacked from y0."""
    drawn: dict[str, dict[str, int]] = {}
    for item in bar_items(widget):
        status = STATUS_OF_COLOUR[colour_of(item)]
        for x, height in zip(item.opts["x"], item.opts["height"], strict=True):
            _add(drawn, date_of(x + 14 * DAY)[:7], status, height)
    return drawn


def status_over_time_tops(widget) -> dict[str, int]:
    """Month -> the top of its stacked bar (y0 + height of its highest segment)."""
    tops: dict[str, int] = {}
    for item in bar_items(widget):
        for x, y0, height in zip(item.opts["x"], item.opts["y0"], item.opts["height"], strict=True):
            month = date_of(x + 14 * DAY)[:7]
            tops[month] = max(tops.get(month, 0), y0 + height)
    return tops


def events_per_month(widget) -> dict[str, dict[str, int]]:
    """Events per month: month (YYYY-MM) -> {kind: bar height}; the bar of a month starts two
    days into it and its kind is read from its colour."""
    drawn: dict[str, dict[str, int]] = {}
    for item in bar_items(widget):
        kind = KIND_OF_COLOUR[colour_of(item)]
        for x0, height in zip(item.opts["x0"], item.opts["height"], strict=True):
            _add(drawn, date_of(x0 - 2 * DAY)[:7], kind, height)
    return drawn


def timeline_bars(widget) -> dict[str, tuple[str, str, str]]:
    """Timeline: row label -> (first day, last day, status) of its bar; a bar is drawn from the
    start of its first day to the end of its last."""
    labels = left_labels(widget)
    drawn = {}
    for item in bar_items(widget):
        status = STATUS_OF_COLOUR[colour_of(item)]
        for x0, x1, y in zip(item.opts["x0"], item.opts["x1"], item.opts["y"], strict=True):
            drawn[labels[float(y)]] = (date_of(x0), date_of(x1 - DAY), status)
    return drawn


def timeline_markers(widget) -> tuple[list[tuple[str, str]], list[str]]:
    """Timeline: the event markers as (date, kind) sorted, and the deadline ticks' dates."""
    events, deadlines = [], []
    for item in plot_item(widget).items:
        if not isinstance(item, pg.ScatterPlotItem):
            continue
        xs, _ys = item.getData()
        if item.opts["symbol"] == "|":  # a deadline tick is drawn at the end of its day
            deadlines += [date_of(x - DAY) for x in xs]
        else:  # an event marker sits in the middle of its day; its tip names its kind
            tips = item.data["data"]
            events += [
                (date_of(x - DAY / 2), tip.split(" · ")[1].split(":")[0])
                for x, tip in zip(xs, tips, strict=True)
            ]
    return sorted(events), sorted(deadlines)


def as_of_line(widget) -> str:
    """The date the dashed as-of line is drawn at."""
    lines = [i for i in plot_item(widget).items if isinstance(i, pg.InfiniteLine)]
    assert len(lines) == 1
    return date_of(lines[0].value())
