"""The Dashboard tab: charts counted on a worker and drawn when they arrive, only while shown.

A moment after a file opens, the chart modules (pyqtgraph, a third of a second) are imported on
a worker, and on a big file the status index behind the charts is read there too, so that the
tab opens without freezing the window. Opened sooner, the tab loads them itself.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.upcoming_deadlines import UpcomingDeadlines
from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection

CHART_MODULE = "desktop_app.charts.dashboard"


PAINT_FALLBACK_MS = 250  # a chart that has not painted by then (a hidden window): go on
#: rows of each deadline list (the rest are counted under it): a glance, not the whole table,
#: which the Overdue only filter lists in full (200 rows took 15 ms to read, 20 to show)
LISTED = 50


class DashboardTab(QWidget):
    commitment_clicked = Signal(int)

    #: a file with more commitments than this gets its status index read soon after opening
    PREFETCH_FROM = 5_000
    PREFETCH_DELAY_MS = 3_000  # after the tables' own first reads

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # the charts above (built on first show), the deadlines below
        self.deadlines = UpcomingDeadlines()
        self.deadlines.commitment_clicked.connect(self.commitment_clicked)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.deadlines)
        QVBoxLayout(self).addWidget(self.splitter)
        self.dashboard = None
        self.stale = True  # asked to refresh while hidden: refresh when shown
        self._generation = 0
        self.drawn_for: tuple | None = None  # (as_of, filter, cache key) of what is drawn
        self._loading: QLabel | None = None  # shown while the chart modules load on a worker

    def create(self, build_now: bool = True) -> None:
        """Build the charts (and load pyqtgraph); the next refresh draws them. With
        build_now=False they are built one by one (_build_in_steps)."""
        if self.dashboard is not None:
            while build_now and self.dashboard.build_next():  # the rest of them, now
                pass
            return
        from desktop_app.charts.dashboard import Dashboard

        self.dashboard = Dashboard(self, build_now=build_now)
        self.dashboard.commitment_clicked.connect(self.commitment_clicked)
        self.splitter.insertWidget(0, self.dashboard)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self._share_height()
        QTimer.singleShot(0, self, self._share_height)  # again once the splitter is laid out
        self.stale = True

    def _share_height(self) -> None:
        """Three quarters of the height to the charts, a quarter to the deadline lists (the
        splitter would otherwise share it by their size hints until the next resize)."""
        height = max(self.splitter.height(), 400)
        share = {id(self.dashboard): height * 3 // 4, id(self.deadlines): height // 4}
        widgets = [self.splitter.widget(i) for i in range(self.splitter.count())]
        self.splitter.setSizes([share.get(id(w), 0) for w in widgets])

    def _build_in_steps(self, then: Callable[[], None]) -> None:
        """Build the charts one per turn of the event loop, then call then()."""
        self.create(build_now=False)
        from desktop_app.charts.dashboard import FRAME_MS
        from desktop_app.ui.first_paint import after_first_paint

        def next_chart() -> None:
            if not self.dashboard.build_next():
                then()
                return
            steps.append(step := object())

            def go_on() -> None:  # once per chart, whichever comes first
                if steps and steps[-1] is step:
                    steps.pop()
                    QTimer.singleShot(FRAME_MS, self, next_chart)

            # the next chart after this one's first paint, so that no frame paints one chart
            # and builds another (a minimised window never paints: the fallback goes on)
            after_first_paint(self.dashboard.newest_surface(), go_on)
            QTimer.singleShot(PAINT_FALLBACK_MS, self, go_on)

        steps: list[object] = []
        next_chart()

    def create_soon(self, refresh: Callable[[], None]) -> None:
        """Build the charts and, if they are stale, call refresh(). If the chart modules are
        not imported yet (the tab opened before the prefetch ran), import them on a worker
        first: pyqtgraph takes a third of a second, which the window would spend frozen."""
        if self.dashboard is not None:
            self._refresh_if_stale(refresh)
            return
        if CHART_MODULE in sys.modules:
            self._build_in_steps(lambda: self._refresh_if_stale(refresh))
            return
        if self._loading is not None:
            return  # already on its way
        self._loading = QLabel("Loading the charts…", alignment=Qt.AlignmentFlag.AlignCenter)
        self.splitter.insertWidget(0, self._loading)

        def work(_report) -> None:
            __import__(CHART_MODULE)

        def done(_result) -> None:
            self._loading.deleteLater()
            self._loading = None
            self._build_in_steps(lambda: self._refresh_if_stale(refresh))

        run_in_background(self, work, done, report_failure(self, "Loading the charts"))

    def _refresh_if_stale(self, refresh: Callable[[], None]) -> None:
        if self.stale:
            refresh()

    def refresh(
        self, path: Path, as_of: str, flt: CommitmentFilter, cache_key: object, shown: bool
    ) -> None:
        """Count the charts' numbers on a worker thread (its own connection) and draw them when
        they arrive; only the newest request is drawn. A hidden dashboard waits until shown."""
        if self.dashboard is None or not self.dashboard.built or not shown:
            self.stale = True  # drawn when shown, or once the charts are built
            return
        from desktop_app.charts.chart_data import dashboard_data, status_index
        from desktop_app.charts.dashboard import FRAME_MS
        from desktop_app.store.deadlines import deadline_lists

        self.stale = False
        self._generation += 1
        generation = self._generation
        request = (as_of, flt, cache_key)
        self._say("Updating charts…")

        def work(db, _report):
            charts = dashboard_data(db, as_of, flt, cache_key)
            index = status_index(db, cache_key)  # the one dashboard_data read, kept
            return charts, deadline_lists(db, as_of, flt, LISTED, index)

        def done(result) -> None:
            if generation == self._generation and self.dashboard is not None:
                charts, deadlines = result

                def lists_then_drawn() -> None:  # a turn of its own: 400 rows take 30-40 ms
                    if generation == self._generation:
                        self.deadlines.show_lists(deadlines)
                        self._drawn(request)

                # one chart per turn of the event loop: the window repaints between them
                self.dashboard.draw_in_steps(
                    charts,
                    still=lambda: generation == self._generation,
                    then=lambda: QTimer.singleShot(FRAME_MS, self, lists_then_drawn),
                )

        failed = report_failure(self, "Updating the charts")
        run_in_background(self, with_own_connection(path, work), done, failed)

    def _drawn(self, request: tuple) -> None:
        self.drawn_for = request
        self._say("")

    def draw_now(self, db, as_of: str, flt: CommitmentFilter, cache_key: object) -> None:
        """Draw the numbers for this request here and now, unless they are drawn already (an
        export must not save charts still being counted)."""
        request = (as_of, flt, cache_key)
        if self.drawn_for == request:
            return
        from PySide6.QtGui import QCursor
        from PySide6.QtWidgets import QApplication

        from desktop_app.charts.chart_data import dashboard_data, status_index
        from desktop_app.store.deadlines import deadline_lists

        self.create()
        self._generation += 1  # a count still running for an older request is not drawn
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            charts = dashboard_data(db, as_of, flt, cache_key)
            index = status_index(db, cache_key)
            self._draw(charts, deadline_lists(db, as_of, flt, LISTED, index))
        finally:
            QApplication.restoreOverrideCursor()
        self.drawn_for, self.stale = request, False

    def _draw(self, charts, deadlines) -> None:
        self.deadlines.show_lists(deadlines)
        self.dashboard.draw(charts)

    def prefetch(
        self, path: Path, commitments: int, cache_key: object, still: Callable[[], bool]
    ) -> None:
        """A moment from now, import the chart modules on a worker, and for a big file read
        the status index there too if `still()` says the same data is open then."""

        def start() -> None:
            if self.dashboard is not None or not still():
                return  # shown already; or another file, or edited: read when shown

            def work(db, _report) -> None:
                __import__(CHART_MODULE)  # pyqtgraph: off the GUI thread

                if commitments > self.PREFETCH_FROM:
                    from desktop_app.charts.chart_data import status_index

                    status_index(db, cache_key)  # kept for the dashboard's first request

            failed = report_failure(self, "Reading the charts' numbers ahead")
            run_in_background(self, with_own_connection(path, work), lambda _result: None, failed)

        QTimer.singleShot(self.PREFETCH_DELAY_MS, self, start)  # dropped with the tab

    def _say(self, message: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            if message:
                window.statusBar().showMessage(message)
            else:
                window.statusBar().clearMessage()
