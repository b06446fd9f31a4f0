"""The map's projection: equirectangular (plate carrée), one degree of longitude and of latitude
the same length on screen. Simple and honest at the scale of a region; the map says so.

No Qt here: the map items, the grid and the tests all use these two functions.
"""

from __future__ import annotations

import numpy as np

NAME = "Equirectangular projection (plate carrée)"


def project(longitude, latitude, wrap: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Map coordinates (x, y) of points given in degrees; longitudes are wrapped into
    [-180, 180) first, so that 190° E lands where 170° W does. Outlines are not wrapped
    (wrap=False): a ring across the antimeridian is kept continuous past 180°."""
    lon = np.asarray(longitude, dtype=np.float64)
    lat = np.asarray(latitude, dtype=np.float64)
    if np.any(np.abs(lat) > 90):
        raise ValueError("a latitude lies outside -90..90 degrees")
    if not wrap:
        return lon.copy(), lat.copy()
    wrapped = (lon + 180.0) % 360.0 - 180.0
    # 180° E itself stays at the right edge instead of jumping to the left one
    wrapped = np.where((lon == 180.0), 180.0, wrapped)
    return wrapped, lat.copy()


def unproject(x, y) -> tuple[np.ndarray, np.ndarray]:
    """Degrees (longitude, latitude) of map coordinates (the inverse of project)."""
    return np.asarray(x, dtype=np.float64).copy(), np.clip(np.asarray(y, dtype=np.float64), -90, 90)


def degrees_text(longitude: float, latitude: float) -> str:
    """ "26.00° N, 63.05° E", as a hover line shows a place."""
    ns = "N" if latitude >= 0 else "S"
    ew = "E" if longitude >= 0 else "W"
    return f"{abs(latitude):.2f}° {ns}, {abs(longitude):.2f}° {ew}"
