"""The map's markers at one zoom level: one per place when few are in view, else one per grid
cell, summed with array operations (20,000 places take a few milliseconds, so a zoom step
never goes back to the database). No Qt: map_view.py draws what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from desktop_app.charts.projection import project
from desktop_app.store.map_queries import EVENT_KINDS, PRECISIONS, MapData
from desktop_app.store.status_index import STATUSES

#: more places than this in view are drawn as grid cells
MOST_SINGLE_MARKERS = 1500
#: about this many grid cells across the view
CELLS_ACROSS = 40
#: place names are written when at most this many places are in view
MOST_LABELS = 40


@dataclass
class Layer:
    """Places (or cells) of one kind of marker: parallel arrays, one entry per marker."""

    x: np.ndarray
    y: np.ndarray
    place_id: np.ndarray  # -1 for a cell of several places
    precision: np.ndarray  # index into PRECISIONS (a cell counts as "exact")
    category: np.ndarray  # status code (commitments) or kind index (events): the colour
    count: np.ndarray  # commitments or events there
    fatalities: np.ndarray  # NaN when none was given
    places: np.ndarray  # how many places the marker stands for
    detail: np.ndarray  # per marker, counts per status or per kind

    def __len__(self) -> int:
        return len(self.x)

    def subset(self, keep: np.ndarray) -> Layer:
        return Layer(*(getattr(self, name)[keep] for name in _FIELDS))


_FIELDS = ("x", "y", "place_id", "precision", "category", "count", "fatalities", "places", "detail")


def _empty_layer(width: int) -> Layer:
    empty = np.zeros(0)
    return Layer(
        empty, empty, empty.astype(np.int64), empty.astype(np.int64), empty.astype(np.int64),
        empty.astype(np.int64), empty, empty.astype(np.int64), np.zeros((0, width)),
    )  # fmt: skip


@dataclass
class PlaceLayers:
    """Per place, once per refresh: where it is, and what stands there."""

    commitments: Layer
    events: Layer


def place_layers(data: MapData) -> PlaceLayers:
    return PlaceLayers(_commitment_layer(data), _event_layer(data))


def _place_columns(data: MapData, place_ids: np.ndarray):
    places = [data.places[int(p)] for p in place_ids]
    x, y = project([p.longitude for p in places], [p.latitude for p in places])
    precision = np.array([PRECISIONS.index(p.precision) for p in places], dtype=np.int64)
    return x, y, precision


def _commitment_layer(data: MapData) -> Layer:
    rows = data.commitments
    if not len(rows.place_id):
        return _empty_layer(len(STATUSES))
    place_ids, row_place = np.unique(rows.place_id, return_inverse=True)
    detail = np.zeros((len(place_ids), len(STATUSES)))
    np.add.at(detail, (row_place, rows.status), 1)
    x, y, precision = _place_columns(data, place_ids)
    return Layer(
        x, y, place_ids, precision, _leading(detail), detail.sum(axis=1).astype(np.int64),
        np.full(len(place_ids), np.nan), np.ones(len(place_ids), dtype=np.int64), detail,
    )  # fmt: skip


def _event_layer(data: MapData) -> Layer:
    events = data.events
    if not len(events.place_id):
        return _empty_layer(len(EVENT_KINDS))
    detail = events.counts.astype(np.float64)
    x, y, precision = _place_columns(data, events.place_id)
    return Layer(
        x, y, events.place_id.copy(), precision, _leading(detail),
        events.totals.astype(np.int64), events.fatalities.copy(),
        np.ones(len(events.place_id), dtype=np.int64), detail,
    )  # fmt: skip


def _leading(detail: np.ndarray) -> np.ndarray:
    """The column with most in each row (the first of equals): a marker's colour."""
    return detail.argmax(axis=1).astype(np.int64) if len(detail) else np.zeros(0, np.int64)


def cell_size(view_width: float) -> float:
    """Degrees per grid cell for a view this wide: a power of two, so that cells keep their
    edges while the map is panned and split in four at each step in."""
    return float(2.0 ** np.round(np.log2(max(view_width, 1e-6) / CELLS_ACROSS)))


def in_view(layer: Layer, view: tuple[float, float, float, float], margin: float = 0.1) -> Layer:
    """The markers inside view (x0, x1, y0, y1), widened by margin of its size each side."""
    x0, x1, y0, y1 = view
    dx, dy = (x1 - x0) * margin, (y1 - y0) * margin
    keep = (layer.x >= x0 - dx) & (layer.x <= x1 + dx) & (layer.y >= y0 - dy) & (layer.y <= y1 + dy)
    return layer.subset(keep)


def at_zoom(
    layer: Layer, view: tuple[float, float, float, float], cells: dict | None = None
) -> Layer:
    """What to draw for this view: the places in it, or their grid cells when too many.
    With cells (a dict kept with the layer), each level's cells are summed once over every
    place and kept: a pan or a return to a level only picks the cells in view."""
    shown = in_view(layer, view)
    if len(shown) <= MOST_SINGLE_MARKERS:
        return shown
    size = cell_size(view[1] - view[0])
    if cells is None:
        return grid_cells(shown, size)
    if size not in cells:
        cells[size] = grid_cells(layer, size)
    return in_view(cells[size], view)


def grid_cells(layer: Layer, size: float) -> Layer:
    """The markers summed per grid cell of size degrees: each cell stands at the
    count-weighted centre of its places, coloured by what most of them hold."""
    if not len(layer):
        return layer
    column = np.floor(layer.x / size).astype(np.int64)
    row = np.floor(layer.y / size).astype(np.int64)
    keys = (column - column.min()) * (row.max() - row.min() + 1) + (row - row.min())
    cells, cell_of = np.unique(keys, return_inverse=True)
    n = len(cells)
    weight = np.maximum(layer.count, 1).astype(np.float64)
    total = np.bincount(cell_of, weights=weight, minlength=n)
    x = np.bincount(cell_of, weights=layer.x * weight, minlength=n) / total
    y = np.bincount(cell_of, weights=layer.y * weight, minlength=n) / total
    # a bincount per column: np.add.at over rows is ten times slower
    detail = np.column_stack(
        [np.bincount(cell_of, weights=column, minlength=n) for column in layer.detail.T]
    ).reshape(n, layer.detail.shape[1])
    dead = np.bincount(cell_of, weights=np.nan_to_num(layer.fatalities), minlength=n)
    any_dead = np.bincount(cell_of, weights=~np.isnan(layer.fatalities), minlength=n) > 0
    places = np.bincount(cell_of, minlength=n).astype(np.int64)
    single = places == 1
    first = np.full(n, -1, dtype=np.int64)
    first[cell_of[::-1]] = layer.place_id[::-1]  # the place of a one-place cell
    return Layer(
        x, y, np.where(single, first, -1), np.zeros(n, dtype=np.int64), _leading(detail),
        np.bincount(cell_of, weights=layer.count, minlength=n).astype(np.int64),
        np.where(any_dead, dead, np.nan), places, detail,
    )  # fmt: skip


def labelled(layers: list[Layer]) -> list[tuple[float, float, int]]:
    """(x, y, place id) of the places to name: all single places in view when they are few,
    else none (labels of hundreds of places hide the map)."""
    unique: dict[int, tuple[float, float, int]] = {}
    for layer in layers:
        for x, y, place in zip(layer.x, layer.y, layer.place_id, strict=True):
            if place >= 0:
                unique.setdefault(int(place), (float(x), float(y), int(place)))
    return list(unique.values()) if len(unique) <= MOST_LABELS else []


def nearest(layer: Layer, x: float, y: float, reach_x: float, reach_y: float) -> int | None:
    """The index of the marker nearest (x, y) within the reach (in map units), or None."""
    if not len(layer):
        return None
    distance = ((layer.x - x) / reach_x) ** 2 + ((layer.y - y) / reach_y) ** 2
    best = int(np.argmin(distance))
    return best if distance[best] <= 1.0 else None


def places_inside(
    layers: PlaceLayers, x0: float, x1: float, y0: float, y1: float
) -> tuple[int, ...]:
    """The ids of the places (with commitments or events) inside a rectangle."""
    found: set[int] = set()
    for layer in (layers.commitments, layers.events):
        keep = (layer.x >= min(x0, x1)) & (layer.x <= max(x0, x1))
        keep &= (layer.y >= min(y0, y1)) & (layer.y <= max(y0, y1))
        found.update(int(p) for p in layer.place_id[keep])
    return tuple(sorted(found))
