"""The Dashboard tab: four charts at a glance, and the timeline on its own page."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.charts import chart_data
from desktop_app.charts.events_chart import draw_events, new_events_plot
from desktop_app.charts.stacked_bars import draw_stacked_bars, new_stacked_bar_plot
from desktop_app.charts.status_over_time import draw_status_over_time, new_status_over_time_plot
from desktop_app.charts.summary import chart_summary
from desktop_app.charts.timeline import TimelineChart

CHART_NAMES = {
    "status-over-time": "Status over time",
    "by-party": "By party (with compliance)",
    "by-category": "By category",
    "timeline": "Timeline",
    "events": "Events per month",
}


def new_chart(name: str) -> QWidget:
    """An empty chart widget of the named kind, named for screen readers."""
    widget = {
        "status-over-time": new_status_over_time_plot,
        "by-party": lambda: new_stacked_bar_plot("Commitments by party, and compliance", "Party"),
        "by-category": lambda: new_stacked_bar_plot("Commitments by category", "Category"),
        "timeline": TimelineChart,
        "events": new_events_plot,
    }[name]()
    widget.setAccessibleName(f"{CHART_NAMES[name]} chart")
    widget.setAccessibleDescription("Not drawn yet.")
    return widget


def draw_chart(name: str, widget: QWidget, data: chart_data.DashboardData) -> None:
    """Draw the named chart from numbers the store counted."""
    if name == "status-over-time":
        draw_status_over_time(widget, data.status_over_time, data.as_of)
    elif name == "by-party":
        draw_stacked_bars(widget, data.by_party)
    elif name == "by-category":
        draw_stacked_bars(widget, data.by_category)
    elif name == "events":
        draw_events(widget, data.events, data.as_of)
    elif name == "timeline":
        widget.draw(data.timeline, data.as_of)
    else:
        raise ValueError(f"unknown chart {name!r}")
    # what the chart shows, in words, for screen readers
    widget.setAccessibleDescription(chart_summary(name, data))


#: the pause between two charts built or drawn in steps: a frame, so that the one before is
#: painted first (Qt paints when no timer is due; with no pause it paints several at once)
FRAME_MS = 16
#: the drawing done in one turn before the next waits for a frame: the small charts take
#: 2-10 ms each and the timeline 15-25 ms, so that a redraw takes two turns, not five frames
#: apart (each turn then holds the window for 40 ms at most)
TURN_BUDGET_MS = 25.0

#: the attribute of Dashboard that holds each chart, and where it goes (row and column of the
#: overview; None: a page of its own)
CHART_PLACES: dict[str, tuple[str, tuple[int, int] | None]] = {
    "status-over-time": ("status_over_time", (0, 0)),
    "by-party": ("by_party", (0, 1)),
    "by-category": ("by_category", (1, 0)),
    "events": ("events", (1, 1)),
    "timeline": ("timeline", None),
}


class Dashboard(QWidget):
    commitment_clicked = Signal(int)
    drawn = Signal()

    def __init__(self, parent=None, build_now: bool = True) -> None:
        """The charts are built here, or with build_now=False one per build_next() call (each
        takes a few dozen milliseconds: built one per turn of the event loop, they are built
        and first painted without freezing the window). Placeholders keep their places."""
        super().__init__(parent)
        overview = QWidget()
        self.grid = QGridLayout(overview)
        self.pages = QTabWidget()
        self.pages.addTab(overview, "Overview")
        self.pages.addTab(QWidget(), "Timeline")
        self._unbuilt = list(CHART_NAMES)
        self._newest: QWidget = overview
        for line in (0, 1):  # four equal cells, whichever chart is built first
            self.grid.setRowStretch(line, 1)
            self.grid.setColumnStretch(line, 1)
        for name in CHART_NAMES:
            attribute, cell = CHART_PLACES[name]
            if cell is not None:
                placeholder = QWidget()
                setattr(self, attribute, placeholder)
                self.grid.addWidget(placeholder, *cell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        while build_now and self.build_next():
            pass

    @property
    def built(self) -> bool:
        return not self._unbuilt

    def build_next(self) -> bool:
        """Build the next chart in its place; whether any is left to build."""
        if not self._unbuilt:
            return False
        name = self._unbuilt.pop(0)
        attribute, cell = CHART_PLACES[name]
        chart = new_chart(name)
        if cell is None:  # the timeline: a page of its own
            self.pages.removeTab(1)
            self.pages.insertTab(1, chart, "Timeline")
            chart.commitment_clicked.connect(self.commitment_clicked)
        else:
            placeholder = getattr(self, attribute)
            self.grid.replaceWidget(placeholder, chart)
            placeholder.deleteLater()
        setattr(self, attribute, chart)
        self._newest = chart
        return bool(self._unbuilt)

    def newest_surface(self) -> QWidget:
        """Where the chart built last paints (a plot's viewport, or the widget itself)."""
        viewport = getattr(self._newest, "viewport", None)
        return viewport() if callable(viewport) else self._newest

    def draw(self, data: chart_data.DashboardData) -> None:
        for name in CHART_NAMES:
            draw_chart(name, self.chart(name), data)
        self.drawn.emit()

    def draw_in_steps(
        self,
        data: chart_data.DashboardData,
        still: Callable[[], bool],
        then: Callable[[], None],
        budget_ms: float = TURN_BUDGET_MS,
    ) -> None:
        """Draw charts in turns of the event loop, so that the window repaints between them:
        in each turn, charts until budget_ms is spent (at least one); stop when still() turns
        false (newer numbers are on their way)."""
        names = list(CHART_NAMES)

        def next_charts() -> None:
            if not still():
                return
            started = time.perf_counter()
            while True:
                name = names.pop(0)
                draw_chart(name, self.chart(name), data)
                if not names or (time.perf_counter() - started) * 1000 >= budget_ms:
                    break
            if names:
                QTimer.singleShot(FRAME_MS, self, next_charts)
            else:
                self.drawn.emit()
                then()

        next_charts()

    def chart(self, name: str) -> QWidget:
        return {
            "status-over-time": self.status_over_time,
            "by-party": self.by_party,
            "by-category": self.by_category,
            "timeline": self.timeline,
            "events": self.events,
        }[name]

    def export_current_chart(self, parent) -> None:
        names = list(CHART_NAMES)
        default = 3 if self.pages.currentIndex() == 1 else 0
        label, ok = QInputDialog.getItem(
            parent, "Export chart", "Chart:", list(CHART_NAMES.values()), default, False
        )
        if not ok:
            return
        name = names[list(CHART_NAMES.values()).index(label)]
        path, _ = QFileDialog.getSaveFileName(
            parent, "Export chart", f"{name}.png", "PNG image (*.png);;SVG image (*.svg)"
        )
        if not path:
            return
        try:
            save_chart(self.chart(name), Path(path))
        except OSError as error:
            QMessageBox.warning(parent, "Export chart", f"The chart could not be saved: {error}")


def save_chart(widget: QWidget, path: Path) -> None:
    """Save a chart widget as PNG (exact widget size) or SVG."""
    if path.suffix.lower() == ".svg":
        # Qt's own SVG writer: pyqtgraph's exporter fails on paths written by Qt 6.12
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle(widget.windowTitle() or "Commitment Tracker chart")
        painter = QPainter(generator)
        try:
            widget.render(painter)
        finally:
            painter.end()
        if not path.exists():
            raise OSError(f"cannot write {path}")
        return
    if not widget.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
