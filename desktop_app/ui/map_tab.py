"""The Map tab: where commitments and events are, as of the as-of date and under the filter bar.

Its numbers are read on a worker (its own connection) and drawn when they arrive, only while
the tab is shown; a hidden tab waits until shown. A zoom or pan redraws from numbers in memory.
A click on a commitment's place selects it in the Commitments table, as a timeline bar does;
a rectangle (Shift+drag) or a click on an event's place filters the tables to those places.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.i18n import translate
from desktop_app.ui.tabs import TAB_MAP
from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection


def map_hint() -> str:
    return translate(
        "MapTab",
        "Drag to pan, wheel to zoom, Shift+drag a rectangle to filter the tables to its places; "
        "click a commitment's place to select it.",
    )


def read_map_data(db, as_of: str, flt: CommitmentFilter, cache_key: object):
    """The map's numbers (store queries, the status index kept for cache_key). On a worker
    it also loads what the map is drawn with (pyqtgraph, the outlines), which would otherwise
    hold the GUI thread for half a second the first time."""
    from desktop_app.charts.chart_data import status_index
    from desktop_app.charts.map_view import outline_paths
    from desktop_app.charts.markers import place_layers
    from desktop_app.store.map_queries import map_data

    outline_paths()
    data = map_data(db, as_of, flt, status_index(db, cache_key))
    return data, place_layers(data)


class MapTab(QWidget):
    commitment_clicked = Signal(int)
    places_selected = Signal(object)  # a tuple of place ids

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.hint = QLabel(map_hint())
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.map = None
        self.stale = True
        self.request: tuple | None = None  # (path, as_of, filter, cache key) last asked for
        self.drawn_for: tuple | None = None
        self._generation = 0
        self._framed = False  # the first drawing frames the markers; later ones keep the view
        self.events_follow_area = lambda: None  # set by attach

    @classmethod
    def attach(cls, window) -> MapTab:
        """A Map tab in window's tab bar, wired to its selection and filter bar."""
        tab = cls(window)
        window.tabs.insertTab(TAB_MAP, tab, translate("MainWindow", "&Map"))
        tab.commitment_clicked.connect(window._select_from_chart)
        tab.places_selected.connect(window.filter_bar.set_area)
        tab.events_follow_area = lambda: _events_in_area(window)
        window.filter_bar.changed.connect(tab.events_follow_area)
        return tab

    def create(self) -> None:
        if self.map is not None:
            return
        from desktop_app.charts.map_view import MapView

        self.map = MapView(self)
        self.map.commitment_clicked.connect(self.commitment_clicked)
        self.map.places_selected.connect(self.places_selected)
        self.layout().addWidget(self.map, 1)

    def follow(
        self, path: Path | None, as_of: str, flt: CommitmentFilter, cache_key: object
    ) -> None:
        """The window's data, date or filter changed: redraw now if shown, else when shown."""
        if self.request is not None and self.request[0] != path:
            self._framed = False  # another file: frame its markers
            self.events_follow_area()  # its events table is new
        self.request = (path, as_of, flt, cache_key)
        self.stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()  # the map itself is made when its first numbers arrive

    def refresh(self) -> None:
        """Read the numbers for the latest request on a worker; only the newest is drawn."""
        if self.request is None or self.request[0] is None or self.drawn_for == self.request:
            self.stale = False
            return
        self.stale = False
        self._generation += 1
        generation, request = self._generation, self.request
        self.hint.setText(translate("MapTab", "Reading the places and events for the map…"))
        path, as_of, flt, cache_key = request

        def work(db, _report):
            return read_map_data(db, as_of, flt, cache_key)

        def done(data) -> None:
            if generation == self._generation:
                self.create()
                self._draw(data, request)

        report = report_failure(self, "Drawing the map")

        def failed(error: BaseException) -> None:
            self.hint.setText(map_hint())
            self.stale = True  # tried again when next shown or asked
            report(error)

        run_in_background(self, with_own_connection(path, work), done, failed)

    def draw_now(self, db) -> None:
        """Draw the latest request here and now (an export must not save an old map)."""
        self.create()
        if self.request is None or self.drawn_for == self.request:
            return
        self._generation += 1  # a read still running for an older request is not drawn
        _path, as_of, flt, cache_key = self.request
        self._draw(read_map_data(db, as_of, flt, cache_key), self.request)

    def _draw(self, numbers: tuple, request: tuple) -> None:
        self.map.draw(*numbers)
        self.hint.setText(map_hint())
        if not self._framed:
            self.map.fit_markers()
            self._framed = True
        self.drawn_for = request


def _events_in_area(window) -> None:
    """The events table follows the map area of the filter bar (its other fields concern
    commitments; the events table has its own search)."""
    model = getattr(window, "event_model", None)
    if model is not None and model.places != window.filter_bar.area:
        model.places = window.filter_bar.area
        model.reload()
