"""Timeline: a bar per commitment from the day it was made to its deadline or resolution,
coloured by status, with events as markers on the same date axis. Hover for details, drag and
wheel to pan and zoom, click a bar to select that commitment."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Signal

from desktop_app.charts.chart_data import Timeline, TimelineBar, TimelineEvent, timestamp
from desktop_app.charts.style import (
    KIND_STYLE,
    STATUS_LEGEND,
    LegendEntry,
    clear_plot,
    kind_legend_entry,
    make_plot,
    set_label_ticks,
    show_empty,
    show_legend,
    status_brush,
    theme_colours,
)
from desktop_app.domain.status import STATUS_INFO, Status

DAY = 86400.0
EVENT_LANE = -1.2


class TimelineChart(pg.GraphicsLayoutWidget):
    commitment_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot = make_plot("Commitments and events on one timeline", "Date", "", date_axis=True)
        self.setCentralItem(self.plot.getPlotItem())
        self.plot_item = self.plot.getPlotItem()
        self.setBackground(theme_colours()[0])
        self.bars: list[TimelineBar] = []
        self.last_events: list[TimelineEvent] = []
        self.scene().sigMouseClicked.connect(self._clicked)
        self.scene().sigMouseMoved.connect(self._hovered)

    def draw(self, data: Timeline, as_of: str) -> None:
        item = self.plot_item
        clear_plot(item)
        self.bars = data.bars
        self.last_events = data.events
        if not data.bars and not data.events:
            show_empty(self.plot, "Nothing to show for this filter and date.")
            return
        rows = len(self.bars)
        for status in {bar.status for bar in self.bars}:
            chosen = [(i, b) for i, b in enumerate(self.bars) if b.status == status]
            item.addItem(
                pg.BarGraphItem(
                    x0=[timestamp(b.start) for _, b in chosen],
                    x1=[timestamp(b.end) + DAY for _, b in chosen],
                    y=[self.row_y(i) for i, _ in chosen],
                    height=0.6,
                    brush=status_brush(status),
                    pen=pg.mkPen(theme_colours()[1], width=0.5),
                )
            )
        entries = list(STATUS_LEGEND)
        entries += self._draw_deadlines()
        lanes = _event_lanes(data.events)
        for kind in sorted({e.kind for e in data.events}):
            symbol, colour = KIND_STYLE.get(kind, KIND_STYLE["other"])
            chosen = [(i, e) for i, e in enumerate(data.events) if e.kind == kind]
            scatter = pg.ScatterPlotItem(
                x=[timestamp(e.date) + DAY / 2 for _, e in chosen],
                y=[lanes[i] for i, _ in chosen],
                data=[f"{e.date} · {e.kind}: {e.title}" for _, e in chosen],
                symbol=symbol,
                size=13,
                brush=pg.mkBrush(colour),
                pen=pg.mkPen(theme_colours()[1]),
                hoverable=True,
                tip=lambda x, y, data: data,
            )
            item.addItem(scatter)
            entries.append(kind_legend_entry(kind, marker=True))
        ticks = [(self.row_y(i), _short(b.title)) for i, b in enumerate(self.bars)]
        set_label_ticks(item, [*ticks, (EVENT_LANE, "Events")])
        item.addItem(
            pg.InfiniteLine(
                pos=timestamp(as_of),
                angle=90,
                pen=pg.mkPen(theme_colours()[1], style=pg.QtCore.Qt.DashLine),
                label=f"as of {as_of}",
                labelOpts={"position": 0.97, "color": theme_colours()[1]},
            )
        )
        starts = [timestamp(b.start) for b in self.bars] + [timestamp(e.date) for e in data.events]
        # a bar runs to the end of its last day (bar_at opens it up to there)
        ends = [timestamp(b.end) + DAY for b in self.bars] + [timestamp(as_of)]
        span = max(ends) - min(starts) or DAY
        item.setXRange(min(starts) - span * 0.03, max(ends) + span * 0.05, padding=0)
        lowest = min(lanes, default=EVENT_LANE)
        item.setYRange(lowest - 0.5, rows - 0.2 + 0.6, padding=0)  # the as-of label on top
        show_legend(self.plot, tuple(entries), columns=6)

    def _draw_deadlines(self) -> list[LegendEntry]:
        """A tick at every deadline; a missed one (passed while open) in the Broken colour."""
        marks = [(i, b) for i, b in enumerate(self.bars) if b.deadline]
        entries = []
        for missed, colour, text in (
            (False, theme_colours()[1].name(), "Deadline"),
            (True, STATUS_INFO[Status.BROKEN].colour, "Deadline missed"),
        ):
            chosen = [(i, b) for i, b in marks if b.missed == missed]
            if not chosen:
                continue
            self.plot_item.addItem(
                pg.ScatterPlotItem(
                    x=[timestamp(b.deadline) + DAY for _, b in chosen],
                    y=[self.row_y(i) for i, _ in chosen],
                    symbol="|",
                    size=22,
                    pen=pg.mkPen(colour, width=3),
                    brush=pg.mkBrush(colour),
                )
            )
            entries.append(LegendEntry(text, colour, "|"))
        return entries

    @staticmethod
    def row_y(index: int) -> float:
        return float(index)

    def bar_at(self, x: float, y: float) -> TimelineBar | None:
        index = round(y)
        if 0 <= index < len(self.bars) and abs(y - index) <= 0.3:
            bar = self.bars[index]
            if timestamp(bar.start) <= x <= timestamp(bar.end) + 86400:
                return bar
        return None

    def _view_point(self, scene_pos):
        return self.plot_item.vb.mapSceneToView(scene_pos)

    def _clicked(self, event) -> None:
        point = self._view_point(event.scenePos())
        bar = self.bar_at(point.x(), point.y())
        if bar is not None:
            self.commitment_clicked.emit(bar.commitment_id)

    def _hovered(self, scene_pos) -> None:
        point = self._view_point(scene_pos)
        bar = self.bar_at(point.x(), point.y())
        self.setToolTip(bar.tooltip if bar else "")


def _event_lanes(events: list[TimelineEvent]) -> list[float]:
    """The height of each event's marker: events on the same day stand one above the other,
    so that none hides another."""
    seen: dict[str, int] = {}
    lanes = []
    for event in events:
        lanes.append(EVENT_LANE - 0.45 * seen.get(event.date, 0))
        seen[event.date] = seen.get(event.date, 0) + 1
    return lanes


def _short(title: str, limit: int = 38) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
