"""Shared look of every chart: theme-aware colours, titled axes, legends, date axes, kinds."""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop_app.domain.status import STATUS_INFO, Status

pg.setConfigOptions(antialias=True)

# Event kinds: a symbol each (readable without colour) and a Paul Tol "muted" colour each.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "meeting": ("o", "#332288"),
    "visit": ("s", "#88CCEE"),
    "agreement": ("d", "#44AA99"),
    "statement": ("t", "#DDCC77"),
    "strike": ("star", "#CC6677"),
    "attack": ("x", "#882255"),
    "incident": ("+", "#AA4499"),
    "other": ("h", "#999933"),
}


def theme_colours() -> tuple[QColor, QColor]:
    """(background, foreground) from the application palette, so dark themes stay legible."""
    palette = QApplication.palette()
    return palette.base().color(), palette.text().color()


def status_brush(status: str) -> QColor:
    return QColor(STATUS_INFO[Status(status)].colour)


def make_plot(title: str, x_title: str, y_title: str, date_axis: bool = False) -> pg.PlotWidget:
    axes = {"bottom": pg.DateAxisItem(orientation="bottom")} if date_axis else {}
    plot = pg.PlotWidget(axisItems=axes, enableMenu=False)  # (no menu is built: 10-20 ms)
    background, foreground = theme_colours()
    plot.setBackground(background)
    plot.setTitle(title, color=foreground.name(), size="11pt")
    for name, text in (("left", y_title), ("bottom", x_title)):
        axis = plot.getAxis(name)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
        plot.setLabel(name, text, color=foreground.name())
    plot.showGrid(x=False, y=True, alpha=0.25)
    plot.setMenuEnabled(False)
    return plot


def set_label_ticks(plot_item, ticks: list[tuple[float, str]]) -> None:
    """Name the rows of a bar chart on its left axis, wide enough for the longest name."""
    from PySide6.QtGui import QFontMetrics

    axis = plot_item.getAxis("left")
    axis.setTicks([ticks])
    metrics = QFontMetrics(axis.font() if hasattr(axis, "font") else QApplication.font())
    widest = max((metrics.horizontalAdvance(text) for _, text in ticks), default=20)
    axis.setWidth(widest + 30)


def whole_number_ticks(axis, largest: float) -> None:
    """Counts are whole numbers: no 0.5 ticks on small charts."""
    step = 1 if largest <= 12 else 2 if largest <= 30 else None
    if step:
        axis.setTickSpacing(major=step * 5, minor=step)
    else:  # back to pyqtgraph's own spacing, or a redraw with big counts keeps 1-unit ticks
        axis.setTickSpacing()


def month_ticks(axis, months: list[tuple[float, str]]) -> None:
    """Name months under a date axis ("Jan 2024", then "Feb", ...): one tick a month, or every
    second, third... month when there are many, so that labels never overlap."""
    import calendar

    step = max(1, -(-len(months) // 12))
    ticks = []
    for number, (position, month) in enumerate(months):
        if number % step:
            continue
        year, month_number = int(month[:4]), int(month[5:7])
        name = calendar.month_abbr[month_number]
        first_of_year = number == 0 or month_number <= step
        ticks.append((position, f"{name} {year}" if first_of_year else name))
    axis.setTicks([ticks])


def headroom(largest: float) -> float:
    """The top of a count axis: a little above the largest value, never far above it."""
    return largest * 1.08 + 0.4


@dataclass(frozen=True)
class LegendEntry:
    text: str
    colour: str
    symbol: str | None = None  # a marker shape; None shows a bar swatch
    fill: int = 255  # a marker's opacity inside: 0 draws a ring in the colour (the map's "near")


STATUS_LEGEND = tuple(LegendEntry(info.label, info.colour) for info in STATUS_INFO.values())


def kind_legend_entry(kind: str, marker: bool = False) -> LegendEntry:
    symbol, colour = KIND_STYLE.get(kind, KIND_STYLE["other"])
    return LegendEntry(kind.capitalize(), colour, symbol if marker else None)


def _legend_sample(entry: LegendEntry):
    if entry.symbol is None:
        return pg.BarGraphItem(x=[0], height=[0], width=1, brush=QColor(entry.colour))
    if entry.fill < 255:  # a ring or a shaded circle: outlined in its own colour
        inside = QColor(entry.colour)
        inside.setAlpha(entry.fill)
        brush, pen = pg.mkBrush(inside), pg.mkPen(entry.colour, width=2)
    else:
        brush, pen = pg.mkBrush(entry.colour), pg.mkPen(theme_colours()[1])
    return pg.ScatterPlotItem(symbol=entry.symbol, size=13, brush=brush, pen=pen)  # as timeline


def show_legend(plot: pg.PlotWidget, entries: tuple[LegendEntry, ...], columns: int = 4) -> None:
    """Show a legend of these entries below the plot, outside the data area, so that it hides
    no bar and needs no room in the axis range. Its samples stand apart from the plotted items,
    so the legend survives clearing the plot and is rebuilt only when its entries change."""
    plot_item = plot.getPlotItem()
    background, foreground = theme_colours()
    key = (entries, columns, background.name(), foreground.name())
    if plot_item.legend is not None and getattr(plot_item, "legend_key", None) == key:
        return
    remove_legend(plot_item)
    legend = pg.LegendItem(colCount=columns, labelTextColor=foreground)
    legend.setParentItem(plot_item)
    legend.setBrush(pg.mkBrush(QColor(background)))
    for entry in entries:
        legend.addItem(_legend_sample(entry), entry.text)
    plot_item.legend = legend
    legend.updateSize()
    height = legend.boundingRect().height()
    plot_item.setContentsMargins(0, 0, 0, height + 4)  # room under the axis title
    legend.anchor(itemPos=(0.5, 1), parentPos=(0.5, 1), offset=(0, -2))
    plot_item.legend_key = key


def remove_legend(plot_item) -> None:
    if plot_item.legend is not None:
        scene = plot_item.legend.scene()
        if scene is not None:
            scene.removeItem(plot_item.legend)
        plot_item.legend = None
        plot_item.legend_key = None
        plot_item.setContentsMargins(0, 0, 0, 0)


def clear_plot(plot_item) -> None:
    """Remove every plotted item (the legend stays until its entries change)."""
    plot_item.clear()
    for name in ("left", "bottom"):
        plot_item.getAxis(name).setTicks(None)  # back to automatic ticks


def show_empty(plot: pg.PlotWidget, message: str) -> None:
    remove_legend(plot.getPlotItem())
    _background, foreground = theme_colours()
    text = pg.TextItem(message, color=foreground, anchor=(0.5, 0.5))
    plot.addItem(text)
    text.setPos(0.5, 0.5)
    plot.setXRange(0, 1)
    plot.setYRange(0, 1)
    for name in ("left", "bottom"):
        plot.getAxis(name).setTicks([[]])  # no numbers on an empty chart
