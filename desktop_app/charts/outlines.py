"""Country outlines read from resources/outlines (Natural Earth through world-atlas, converted
once by packaging/convert_outlines.py), and which country a point lies in. No Qt.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass

import numpy as np

from desktop_app.charts.projection import project
from desktop_app.resources import resource

OUTLINES_FILE = ("outlines", "countries-50m.npz")


@dataclass(frozen=True)
class Outlines:
    points: np.ndarray  # (n, 2) float32 longitude, latitude
    ring_starts: np.ndarray  # first point of each ring, then the end of the last
    ring_country: np.ndarray  # each ring's index into iso3 and names
    iso3: list[str]  # '' for areas without an ISO code
    names: list[str]

    def rings_of(self, iso3: str) -> list[np.ndarray]:
        """The rings (exterior and holes) of one country, each an (n, 2) array."""
        if iso3 not in self.iso3:
            raise KeyError(f"no outline for {iso3!r}")
        country = self.iso3.index(iso3)
        chosen = np.flatnonzero(self.ring_country == country)
        return [self.points[self.ring_starts[r] : self.ring_starts[r + 1]] for r in chosen]

    def contains(self, iso3: str, longitude: float, latitude: float) -> bool:
        """Whether the point lies inside the country (holes count as outside: even-odd rule)."""
        inside = False
        for ring in self.rings_of(iso3):
            inside ^= _in_ring(ring, longitude, latitude)
        return inside

    def country_at(self, longitude: float, latitude: float) -> str | None:
        """The name of the country the point lies in, or None at sea."""
        lon, lat = self.points[:, 0], self.points[:, 1]
        for ring in range(len(self.ring_country)):
            start, stop = self.ring_starts[ring], self.ring_starts[ring + 1]
            # a cheap bounding-box test first: most rings are far away
            if not (lon[start:stop].min() <= longitude <= lon[start:stop].max()):
                continue
            if not (lat[start:stop].min() <= latitude <= lat[start:stop].max()):
                continue
            country = int(self.ring_country[ring])
            code = self.iso3[country]
            if code and self.contains(code, longitude, latitude):
                return self.names[country]
        return None

    def line_arrays(
        self, step: int = 1, country: int | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """x, y and a connect mask for one curve of the rings (of one country, or all): a
        point joins the next unless it ends its ring. step > 1 keeps every step-th point of
        each ring and its last one, for views too wide to show the detail."""
        lengths = np.diff(self.ring_starts)
        ring_of_point = np.repeat(np.arange(len(lengths)), lengths)
        offset = np.arange(len(self.points)) - self.ring_starts[ring_of_point]
        last = offset == lengths[ring_of_point] - 1
        keep = (offset % step == 0) | last
        if country is not None:
            keep &= self.ring_country[ring_of_point] == country
        x, y = project(self.points[keep, 0], self.points[keep, 1], wrap=False)
        return x, y, ~last[keep]

    def country_line_arrays(self) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """line_arrays of each country in turn, cut from one pass over every point."""
        x, y, connect = self.line_arrays()
        point_country = np.repeat(self.ring_country, np.diff(self.ring_starts))
        order = np.argsort(point_country, kind="stable")
        bounds = np.searchsorted(point_country[order], np.arange(len(self.iso3) + 1))
        return [
            (x[order[a:b]], y[order[a:b]], connect[order[a:b]])
            for a, b in itertools.pairwise(bounds)
        ]


def _in_ring(ring: np.ndarray, longitude: float, latitude: float) -> bool:
    """Ray casting to the east: inside when the ray crosses the ring's edges an odd number
    of times."""
    x1, y1 = ring[:, 0].astype(np.float64), ring[:, 1].astype(np.float64)
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    spans = (y1 > latitude) != (y2 > latitude)
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing_x = x1 + (latitude - y1) * (x2 - x1) / (y2 - y1)
    return bool(np.count_nonzero(spans & (longitude < crossing_x)) % 2)


@functools.cache
def world_outlines() -> Outlines:
    """The outlines, read once per process."""
    with np.load(resource(*OUTLINES_FILE)) as data:
        return Outlines(
            data["points"],
            data["ring_starts"].astype(np.int64),
            data["ring_country"].astype(np.int64),
            [str(code) for code in data["country_iso3"]],
            [str(name) for name in data["country_name"]],
        )
