"""What hovering a map marker says: the place, and its commitments or events (no Qt)."""

from __future__ import annotations

import numpy as np

from desktop_app.charts.markers import Layer
from desktop_app.charts.projection import degrees_text
from desktop_app.domain.status import label
from desktop_app.store.map_queries import EVENT_KINDS, MapData
from desktop_app.store.status_index import STATUSES

PRECISION_WORDS = {"exact": "", "near": " (near)", "region": " (region only)"}
MOST_TITLES = 8  # commitments named in a hover; the rest are counted


def describe(data: MapData, layer: Layer, name: str, index: int) -> str:
    """The hover text of marker index of layer (name: "commitments" or "events")."""
    place_id = int(layer.place_id[index])
    if place_id < 0:
        heading = f"{int(layer.places[index])} places · click to zoom in"
    else:
        place = data.places[place_id]
        country = f", {place.country_iso3}" if place.country_iso3 else ""
        heading = (
            f"{place.name}{country}{PRECISION_WORDS.get(place.precision, '')}\n"
            f"{degrees_text(place.longitude, place.latitude)}"
        )
    lines = [heading]
    if name == "commitments":
        lines += _commitment_lines(data, layer, index, place_id)
        events_here = _events_at(data, place_id)
        if events_here:
            lines.append(events_here)
    else:
        lines.append(_event_line(layer.detail[index], layer.fatalities[index]))
    return "\n".join(lines)


def _commitment_lines(data: MapData, layer: Layer, index: int, place_id: int) -> list[str]:
    if place_id < 0:
        counts = layer.detail[index]
        parts = [f"{label(STATUSES[n])} {int(c)}" for n, c in enumerate(counts) if c]
        return [f"{int(layer.count[index])} commitments: " + ", ".join(parts)]
    rows = data.commitments
    here = np.flatnonzero(rows.place_id == place_id)
    lines = [
        f"• {data.commitments.titles.get(int(rows.commitment_id[n]), '')} — "
        f"{label(STATUSES[int(rows.status[n])])}"
        for n in here[:MOST_TITLES]
    ]
    if len(here) > MOST_TITLES:
        lines.append(f"… and {len(here) - MOST_TITLES} more")
    return lines


def _events_at(data: MapData, place_id: int) -> str:
    found = np.flatnonzero(data.events.place_id == place_id)
    if not len(found):
        return ""
    return _event_line(data.events.counts[found[0]], data.events.fatalities[found[0]])


def _event_line(counts, fatalities: float) -> str:
    total = int(np.sum(counts))
    parts = [f"{EVENT_KINDS[n]} {int(c)}" for n, c in enumerate(counts) if c]
    line = f"{total} event{'s' if total != 1 else ''}: " + ", ".join(parts)
    if not np.isnan(fatalities):
        line += f"; {int(fatalities)} killed"
    return line
