"""The map: country outlines, the places of commitments coloured by their status as of the
as-of date, and events as smaller markers by kind, sized by fatalities. Exact places are dots,
"near" ones rings, "region only" ones shaded circles. Many places in view become grid cells
(charts/markers.py). Hover names a place and what is there; a click on a commitment's place
selects it in the table (a click on a cell zooms in); a Shift+drag rectangle picks the places
inside it, which the window turns into a filter.
"""

from __future__ import annotations

import functools

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from desktop_app.charts import markers
from desktop_app.charts.map_hover import describe
from desktop_app.charts.outlines import world_outlines
from desktop_app.charts.projection import NAME as PROJECTION_NAME
from desktop_app.charts.style import (
    KIND_STYLE,
    STATUS_LEGEND,
    LegendEntry,
    kind_legend_entry,
    show_legend,
    theme_colours,
)
from desktop_app.charts.summary import map_summary
from desktop_app.domain.status import STATUS_INFO
from desktop_app.store.map_queries import EVENT_KINDS, MapData

WORLD = (-180.0, 180.0, -60.0, 85.0)  # Antarctica left out of the first view
FINE_OUTLINES_BELOW = 60.0  # degrees across: narrower views draw every point of the outlines
NEAREST_PX = 9  # how close the pointer must be to a marker to hover or click it
MOST_CELL_PX = 30.0  # the largest grid cell marker (a cell is a fortieth of the view across)


class _MapViewBox(pg.ViewBox):
    """Drag pans and the wheel zooms, as on every chart; Shift+drag draws a rectangle."""

    area_chosen = Signal(float, float, float, float)

    def __init__(self) -> None:
        super().__init__(lockAspect=1.0)
        self._band: QGraphicsRectItem | None = None

    def mouseDragEvent(self, event, axis=None) -> None:
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if not shift or event.button() != Qt.MouseButton.LeftButton:
            super().mouseDragEvent(event, axis)
            return
        event.accept()
        start = self.mapSceneToView(event.buttonDownScenePos())
        here = self.mapSceneToView(event.scenePos())
        rect = QRectF(start, here).normalized()
        if self._band is None:
            self._band = QGraphicsRectItem()
            self._band.setPen(pg.mkPen(theme_colours()[1], width=1, style=Qt.PenStyle.DashLine))
            self._band.setBrush(pg.mkBrush(120, 120, 120, 50))
            self.addItem(self._band, ignoreBounds=True)
        self._band.setRect(rect)
        if event.isFinish():
            self.removeItem(self._band)
            self._band = None
            self.area_chosen.emit(rect.left(), rect.right(), rect.top(), rect.bottom())


@functools.cache
def outline_paths() -> tuple[QPainterPath, list[QPainterPath]]:
    """The world with a point in eight, and each country in full, as painter paths: made
    once per process, on a worker thread if one asks first (a painter path is no QObject)."""
    outlines = world_outlines()
    return _path(*outlines.line_arrays(step=8)), [
        _path(*arrays) for arrays in outlines.country_line_arrays()
    ]


def _path(x, y, connect) -> QPainterPath:
    path = QPainterPath(pg.arrayToQPath(x, y, connect))
    path.setFillRule(Qt.FillRule.OddEvenFill)  # a lake or enclave stays a hole
    return path


class MapView(pg.GraphicsLayoutWidget):
    commitment_clicked = Signal(int)
    places_selected = Signal(object)  # a tuple of place ids

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Map of commitments and events")
        self.setAccessibleDescription("Not drawn yet.")
        background, foreground = theme_colours()
        self.setBackground(background)
        self.view_box = _MapViewBox()
        self.plot_item = pg.PlotItem(viewBox=self.view_box)
        self.setCentralItem(self.plot_item)
        self.plot_item.setMenuEnabled(False)
        for name, text in (("left", "Latitude"), ("bottom", f"Longitude · {PROJECTION_NAME}")):
            axis = self.plot_item.getAxis(name)
            axis.setPen(foreground)
            axis.setTextPen(foreground)
            self.plot_item.setLabel(name, text, color=foreground.name())
        self.plot_item.setTitle("Commitments and events", color=foreground.name(), size="11pt")
        self.view_box.setLimits(xMin=-200, xMax=200, yMin=-95, yMax=95, minXRange=0.05)
        self._add_outlines()
        self.event_markers = pg.ScatterPlotItem(pxMode=True)
        self.commitment_markers = pg.ScatterPlotItem(pxMode=True)
        self.plot_item.addItem(self.commitment_markers)
        self.plot_item.addItem(self.event_markers)
        self.labels: list[pg.TextItem] = []
        self.data: MapData | None = None
        self.layers: markers.PlaceLayers | None = None
        self._cells: dict[str, dict] = {"commitments": {}, "events": {}}  # per zoom level
        self.shown: tuple[markers.Layer, markers.Layer] | None = None  # what is drawn now
        self._redraw = QTimer(self, singleShot=True, interval=0)
        self._redraw.timeout.connect(self.redraw)
        self.view_box.sigRangeChanged.connect(lambda *_: self._redraw.start())
        self.view_box.area_chosen.connect(self._area_chosen)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.scene().sigMouseMoved.connect(self._hovered)
        self.show_region(*WORLD)

    def _add_outlines(self) -> None:
        """Countries as filled, outlined paths: one item each, so that a zoomed-in view paints
        only the few in sight, and one item of every country with a point in eight for views
        too wide to show more (a world view paints a tenth of the points)."""
        coarse, countries = outline_paths()
        self.coarse_outlines = self._outline_item(coarse)
        self.plot_item.addItem(self.coarse_outlines, ignoreBounds=True)
        # the countries as children of one item: the plot takes one item, not 241
        self.fine_group = pg.ItemGroup()
        self.fine_outlines = [self._outline_item(path, self.fine_group) for path in countries]
        self.plot_item.addItem(self.fine_group, ignoreBounds=True)
        self._show_outlines(fine=False)

    @staticmethod
    def _outline_item(path: QPainterPath, parent=None) -> QGraphicsPathItem:
        foreground = theme_colours()[1]
        item = QGraphicsPathItem(path, parent)
        shade, border = QColor(foreground), QColor(foreground)
        shade.setAlpha(22)
        border.setAlpha(120)
        item.setBrush(QBrush(shade))
        item.setPen(pg.mkPen(border, width=0.8))  # cosmetic: the same width at every zoom
        return item

    def _show_outlines(self, fine: bool) -> None:
        self.coarse_outlines.setVisible(not fine)
        self.fine_group.setVisible(fine)

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, data: MapData, layers: markers.PlaceLayers | None = None) -> None:
        """Show this data (with its place layers, when a worker made them already); the view
        stays where the user left it."""
        self.data = data
        self.setAccessibleDescription(map_summary(data))
        self.layers = layers or markers.place_layers(data)
        self._cells: dict[str, dict] = {"commitments": {}, "events": {}}
        foreground = theme_colours()[1]
        self.plot_item.setTitle(
            f"Commitments and events as of {data.as_of}", color=foreground.name(), size="11pt"
        )
        kinds = [k for n, k in enumerate(EVENT_KINDS) if data.events.counts[:, n].any()]
        entries = [
            *STATUS_LEGEND,
            *(kind_legend_entry(kind, marker=True) for kind in kinds),
            LegendEntry("Exact place", "#999999", "o"),
            LegendEntry("Near", "#999999", "o", fill=0),
            LegendEntry("Region only", "#999999", "o", fill=90),
        ]
        show_legend(self, tuple(entries), columns=5)
        self.redraw()

    def getPlotItem(self) -> pg.PlotItem:
        """The plot, as a PlotWidget hands it over (show_legend asks for it)."""
        return self.plot_item

    def show_region(self, x0: float, x1: float, y0: float, y1: float) -> None:
        self.view_box.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def fit_markers(self, least_width: float = 12.0) -> None:
        """Frame every marker (at least least_width degrees wide), or the world when none."""
        if self.layers is None:
            return
        xs = np.concatenate([self.layers.commitments.x, self.layers.events.x])
        ys = np.concatenate([self.layers.commitments.y, self.layers.events.y])
        if not len(xs):
            self.show_region(*WORLD)
            return
        margin_x = max((xs.max() - xs.min()) * 0.08, (least_width - (xs.max() - xs.min())) / 2)
        margin_y = max((ys.max() - ys.min()) * 0.08, least_width / 4)
        x0, x1 = max(xs.min() - margin_x, WORLD[0]), min(xs.max() + margin_x, WORLD[1])
        y0, y1 = max(ys.min() - margin_y, WORLD[2]), min(ys.max() + margin_y, WORLD[3])
        self.show_region(x0, x1, y0, y1)  # the aspect lock widens the narrower side

    def view(self) -> tuple[float, float, float, float]:
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        return x0, x1, y0, y1

    def redraw(self) -> None:
        """Draw the markers for the current view: places, or grid cells when too many."""
        self._redraw.stop()
        for label in self.labels:
            self.plot_item.removeItem(label)
        self.labels = []
        view = self.view()
        self._show_outlines(fine=bool(view[1] - view[0] < FINE_OUTLINES_BELOW))
        if self.layers is None:
            return
        commitments = markers.at_zoom(self.layers.commitments, view, self._cells["commitments"])
        events = markers.at_zoom(self.layers.events, view, self._cells["events"])
        self.shown = (commitments, events)
        self.commitment_markers.setData(**_commitment_style(commitments))
        self.event_markers.setData(**_event_style(events))
        self._write_labels(markers.labelled([commitments, events]))

    def _write_labels(self, places: list[tuple[float, float, int]]) -> None:
        foreground = theme_colours()[1]
        for x, y, place_id in places:
            label = pg.TextItem(self.data.places[place_id].name, color=foreground, anchor=(-0.1, 1))
            label.setPos(x, y)
            self.plot_item.addItem(label, ignoreBounds=True)
            self.labels.append(label)

    # --- pointing ------------------------------------------------------------------------------
    def marker_at(self, x: float, y: float) -> tuple[str, int] | None:
        """("commitments" or "events", index into what is shown) of the marker under (x, y)
        in map units, commitments first."""
        if self.shown is None:
            return None
        width, height = self.view_box.viewPixelSize()
        reach_x, reach_y = width * NEAREST_PX, height * NEAREST_PX
        for name, layer in zip(("commitments", "events"), self.shown, strict=True):
            found = markers.nearest(layer, x, y, reach_x, reach_y)
            if found is not None:
                return name, found
        return None

    def click_at(self, x: float, y: float) -> None:
        """What a click at (x, y) in map units does: select the commitment at a place, pick
        the place of events, or zoom into a cell of several places."""
        found = self.marker_at(x, y)
        if found is None or self.data is None:
            return
        name, index = found
        layer = self.shown[0] if name == "commitments" else self.shown[1]
        place_id = int(layer.place_id[index])
        if place_id < 0:
            x0, x1, y0, y1 = self.view()
            w, h = (x1 - x0) / 4, (y1 - y0) / 4
            self.show_region(x - w, x + w, y - h, y + h)
        elif name == "commitments":
            rows = self.data.commitments
            self.commitment_clicked.emit(int(rows.commitment_id[rows.place_id == place_id][0]))
        else:
            self.places_selected.emit((place_id,))

    def _view_point(self, scene_pos):
        return self.view_box.mapSceneToView(scene_pos)

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            point = self._view_point(event.scenePos())
            self.click_at(point.x(), point.y())

    def _hovered(self, scene_pos) -> None:
        point = self._view_point(scene_pos)
        self.setToolTip(self.hover_text(point.x(), point.y()))

    def hover_text(self, x: float, y: float) -> str:
        found = self.marker_at(x, y)
        if found is None or self.data is None:
            return ""
        name, index = found
        commitments, events = self.shown
        return describe(self.data, commitments if name == "commitments" else events, name, index)

    def _area_chosen(self, x0: float, x1: float, y0: float, y1: float) -> None:
        if self.layers is not None:
            self.places_selected.emit(markers.places_inside(self.layers, x0, x1, y0, y1))


# --- marker styles -------------------------------------------------------------------------------
# Pens and brushes are made once per look and shared: pyqtgraph draws each distinct look once
# into its atlas, and making thousands of pens per redraw would cost more than the drawing.
_LOOKS: dict[tuple, tuple[QPen, QBrush]] = {}


def _look(colour: str, precision: int, marker_pen: str) -> tuple[QPen, QBrush]:
    key = (colour, precision, marker_pen)
    if key not in _LOOKS:
        if precision == 1:  # near: a ring in the colour
            _LOOKS[key] = (pg.mkPen(colour, width=2.5), pg.mkBrush(None))
        elif precision == 2:  # region only: a shaded circle
            shaded = QColor(colour)
            shaded.setAlpha(90)
            _LOOKS[key] = (pg.mkPen(colour, width=1), pg.mkBrush(shaded))
        else:  # exact: a dot
            _LOOKS[key] = (pg.mkPen(marker_pen, width=0.8), pg.mkBrush(colour))
    return _LOOKS[key]


def _sizes(layer: markers.Layer, single: float, cell: float, region: float) -> np.ndarray:
    """Cells grow with what they hold; a region-only place is wide."""
    # a cell grows with the log of what it holds, up to a size that still leaves room
    grown = np.minimum(cell + 2.5 * np.log2(np.maximum(layer.count, 1)), MOST_CELL_PX)
    sizes = np.where(layer.places > 1, grown, single)
    return np.where((layer.places == 1) & (layer.precision == 2), np.maximum(sizes, region), sizes)


def _styled(layer: markers.Layer, colours: list[str], sizes: np.ndarray) -> dict:
    marker_pen = theme_colours()[1].name()
    looks = [
        _look(colours[int(c)], int(p), marker_pen)
        for c, p in zip(layer.category, layer.precision, strict=True)
    ]
    return {
        "x": layer.x,
        "y": layer.y,
        # whole steps of 2 px: each distinct look is drawn once into pyqtgraph's atlas
        "size": np.round(sizes / 2.0) * 2.0,
        "pen": [pen for pen, _ in looks],
        "brush": [brush for _, brush in looks],
    }


def _commitment_style(layer: markers.Layer) -> dict:
    colours = [STATUS_INFO[s].colour for s in STATUS_INFO]
    return _styled(layer, colours, _sizes(layer, 13.0, 10.0, 34.0)) | {"symbol": "o"}


def _event_style(layer: markers.Layer) -> dict:
    kinds = [KIND_STYLE.get(kind, KIND_STYLE["other"]) for kind in EVENT_KINDS]
    sizes = _sizes(layer, 8.0, 6.0, 26.0)
    # fatalities as size where given, for single places
    dead = np.nan_to_num(layer.fatalities)
    sizes = np.where(layer.places == 1, sizes + np.minimum(16.0, 2.5 * np.sqrt(dead)), sizes)
    styled = _styled(layer, [colour for _, colour in kinds], sizes)
    return styled | {"symbol": [kinds[int(c)][0] for c in layer.category]}
