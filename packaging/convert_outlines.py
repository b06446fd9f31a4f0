"""Fetch the world-atlas TopoJSON (Natural Earth country outlines) and convert it once into the
compact file the map reads at run time, resources/outlines/countries-50m.npz.

Usage: python packaging/convert_outlines.py [--from countries-50m.json]

Without --from it runs `npm pack world-atlas@VERSION` in a temporary folder (npm is needed only
here, never by the app). The result holds float32 longitude/latitude points, the rings they make
(exterior rings and holes alike: the map draws both, and point-in-country uses the even-odd rule,
so holes need no flag), each ring's country, and per country its ISO 3166-1 alpha-3 code (from
world-atlas's numeric id through pycountry) and its Natural Earth name.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

import numpy as np

VERSION = "2.0.2"
SCALE = "50m"
PACKAGE_URL = f"https://registry.npmjs.org/world-atlas/-/world-atlas-{VERSION}.tgz"
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "resources" / "outlines" / f"countries-{SCALE}.npz"


def fetch_topojson(folder: Path) -> Path:
    """countries-SCALE.json of the pinned world-atlas, unpacked into folder."""
    subprocess.run(
        ["npm", "pack", f"world-atlas@{VERSION}", "--silent"], cwd=folder, check=True, timeout=300
    )
    with tarfile.open(folder / f"world-atlas-{VERSION}.tgz") as archive:
        member = archive.getmember(f"package/countries-{SCALE}.json")
        archive.extractall(folder, members=[member], filter="data")
    return folder / "package" / f"countries-{SCALE}.json"


def decoded_arcs(topology: dict) -> list[np.ndarray]:
    """Every arc as an (n, 2) array of longitude/latitude: positions are quantized integers,
    each one a delta from the one before, scaled and translated by the topology's transform."""
    scale = np.array(topology["transform"]["scale"], dtype=np.float64)
    translate = np.array(topology["transform"]["translate"], dtype=np.float64)
    arcs = []
    for arc in topology["arcs"]:
        steps = np.array(arc, dtype=np.int64)[:, :2]
        arcs.append(np.cumsum(steps, axis=0) * scale + translate)
    return arcs


def ring_points(ring: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """A ring's points from its arc indexes: a negative index ~i is arc i reversed; each arc
    after the first starts on the last point of the one before, which is dropped."""
    parts = []
    for number, index in enumerate(ring):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        parts.append(arc if number == 0 else arc[1:])
    return np.concatenate(parts)


def planar_rings(ring: np.ndarray) -> list[np.ndarray]:
    """A ring that crosses the antimeridian (world-atlas's rings are spherical: Russia, Fiji,
    Antarctica jump from 180 to -180 degrees) made continuous, plus a copy shifted by 360
    degrees for the part beyond the edge, so that each fills and strokes without a line
    across the world on a flat map."""
    if np.abs(np.diff(ring[:, 0])).max(initial=0) <= 180:
        return [ring]
    continuous = ring.copy()
    continuous[:, 0] = np.unwrap(ring[:, 0], period=360.0)
    rings = [continuous]
    for beyond, shift in (
        (continuous[:, 0].max() > 180, -360.0),
        (continuous[:, 0].min() < -180, 360.0),
    ):
        if beyond:
            rings.append(continuous + np.array([shift, 0.0]))
    return rings


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []  # a country without outline (null geometry) is left out


def iso3_of(numeric_id: str | None) -> str:
    """ISO alpha-3 for world-atlas's numeric id; '' for the few areas without one (Kosovo,
    Northern Cyprus, Somaliland...)."""
    import pycountry

    if not numeric_id:
        return ""
    country = pycountry.countries.get(numeric=str(numeric_id).zfill(3))
    return country.alpha_3 if country else ""


def convert(topology: dict, output: Path) -> dict[str, int]:
    arcs = decoded_arcs(topology)
    points, ring_starts, ring_country = [], [], []
    iso3, names = [], []
    total = 0
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = polygons_of(geometry)
        if not polygons:
            continue
        country = len(iso3)
        iso3.append(iso3_of(geometry.get("id")))
        names.append(geometry.get("properties", {}).get("name", ""))
        for polygon in polygons:
            for ring in polygon:
                for coordinates in planar_rings(ring_points(ring, arcs)):
                    points.append(coordinates)
                    ring_starts.append(total)
                    ring_country.append(country)
                    total += len(coordinates)
    ring_starts.append(total)  # the end of the last ring
    output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        output,
        points=np.concatenate(points).astype(np.float32),
        ring_starts=np.array(ring_starts, dtype=np.int32),
        ring_country=np.array(ring_country, dtype=np.int16),
        country_iso3=np.array(iso3, dtype="U3"),
        country_name=np.array(names, dtype="U64"),
    )
    return {"countries": len(iso3), "rings": len(ring_country), "points": total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="source", type=Path, help="a countries-*.json already here")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = args.source or fetch_topojson(Path(folder))
        topology = json.loads(source.read_text(encoding="utf-8"))
        counts = convert(topology, args.output)
    size = args.output.stat().st_size
    print(f"{args.output}: {counts} in {size:,} bytes")


if __name__ == "__main__":
    main()
