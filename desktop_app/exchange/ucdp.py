"""The UCDP preset: a file of the Uppsala Conflict Data Program's Georeferenced Event Dataset
(GED) imported as events, actors, places and sources.

GED codebook columns used: id, type_of_violence (1 state-based conflict, 2 non-state conflict,
3 one-sided violence), conflict_name, dyad_name, side_a, side_b, source_article, source_office,
where_prec (1 exact place ... 7 at sea or in the air), where_coordinates, where_description,
adm_1, adm_2, latitude, longitude, country, date_prec (1 exact day ... 5 only the year known),
date_start, date_end, deaths_a, deaths_b, deaths_civilians, deaths_unknown, best, low, high.
country_id is a Gleditsch-Ward number, not an ISO one, so countries are found by name.

A row keeps a UUID derived from its GED id, so importing the same file again (or a newer
release of the same events) updates them instead of adding them twice. The translation only:
presets.py runs the import.
"""

from __future__ import annotations

import re
import uuid as uuid_module

from desktop_app.domain import gazetteer
from desktop_app.exchange.csv_import import Problem, normalise_header
from desktop_app.exchange.row_builders import RowError

UCDP_REQUIRED = ("id", "type_of_violence", "country", "date_start")
UCDP_COLUMNS = (
    *UCDP_REQUIRED,
    "conflict_name",
    "dyad_name",
    "side_a",
    "side_b",
    "source_article",
    "source_office",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "date_prec",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "low",
    "high",
)
_NAMESPACE = uuid_module.UUID("8f3c2a61-4d0e-4b7a-a5c9-1e6f0d2b7c43")

# Every GED event is organised violence that killed at least one person, and the GED does not
# say by what means (an air strike and a gunfight are both "state-based"), so all three types
# are attacks, as ACLED's battles and violence against civilians are; "strike" would claim
# remote violence the data does not record. The type is kept in the description.
_VIOLENCE = {
    "1": ("attack", "State-based conflict"),
    "2": ("attack", "Non-state conflict"),
    "3": ("attack", "One-sided violence"),
}
# date_prec: 1 the day is known; 2 a span of two to six days; 3 the week; 4 the month; 5 the
# year. Start and end are the first and last possible days.
_DATE_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month", "5": "year"}
# where_prec: 1 the exact place; 2 within about 25 km of it; 3 a district (ADM2); 4 a
# province (ADM1); 5 a part of a country bigger than a province; 6 the country; 7 over water
# or in international airspace
_PLACE_PRECISION = {"1": "exact", "2": "near", "3": "region", "4": "region"}
_PLACE_PRECISION |= {"5": "region", "6": "region", "7": "region"}

_GOVERNMENT = re.compile(r"^government of (.+)$", re.IGNORECASE)
# "Russia (Soviet Union)", "DR Congo (Zaire)": the country's name, then a former one
_FORMER_NAME = re.compile(r"^(.+?)\s*\((.+)\)$")
# "Boulkessi village", "Kabul town": the GED names a settlement with its kind
_SETTLEMENT = re.compile(r"\s+(?:town|village|city)$")
# three capitals are read by the importer as a country code ("PKK", "ADF" are not)
_LIKE_A_CODE = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T][\d:.]*)?$")  # also "2023-03-14 00:00:00.000"


def missing_columns(header: list[str]) -> list[str]:
    names = {normalise_header(h) for h in header}
    return [c for c in UCDP_REQUIRED if c not in names]


def header_problem(header: list[str]) -> Problem | None:
    """The problem of a file that is not a GED file (a required column missing), or None."""
    missing = missing_columns(header)
    return Problem(1, ", ".join(missing), "required UCDP column missing") if missing else None


def column_mapping(header: list[str]) -> dict[str, int]:
    positions = {normalise_header(h): i for i, h in enumerate(header)}
    return {c: positions[c] for c in UCDP_COLUMNS if c in positions}


def country_named(text: str) -> gazetteer.Country | None:
    """The country a GED name means: "Mali", "Russia (Soviet Union)", "Bosnia-Herzegovina"."""
    text = text.strip()
    candidates = [text]
    former = _FORMER_NAME.match(text)
    if former:
        candidates += [former.group(1), former.group(2)]
    candidates += [name.replace("-", " and ") for name in candidates if "-" in name]
    for name in candidates:
        found = gazetteer.find_country(name)
        if found is not None:
            return found
    return None


def _side(text: str) -> str:
    """How a side is named in the importer's actor cell: a government as its country's code
    (the state actor), any other side by its name."""
    name = text.strip().replace(";", ",")  # ";" separates the names in one cell
    government = _GOVERNMENT.match(name)
    country = country_named(government.group(1)) if government else None
    if country is not None:
        return country.iso3
    if _LIKE_A_CODE.match(name):
        return f"{name} (armed group)"
    return name


def _sides(cells: dict) -> str:
    """side_a and side_b, as one actor cell. The civilians of one-sided violence are its
    victims, not an actor (the description says who they were)."""
    sides = [cells.get("side_a", ""), cells.get("side_b", "")]
    if cells.get("type_of_violence", "").strip() == "3":
        sides = [s for s in sides if s.strip().lower() != "civilians"]
    return "; ".join(_side(s) for s in sides if s.strip())


def _date(cells: dict, column: str) -> str:
    text = cells.get(column, "").strip()
    found = _DATE.match(text)
    if found is None:
        raise RowError(column, f"{text!r} is not a GED date (YYYY-MM-DD)")
    return found.group(1)


def _code(cells: dict, column: str, codes: dict, default):
    text = cells.get(column, "").strip()
    if not text:
        return default
    if text not in codes:
        raise RowError(column, f"{text!r} is not a GED {column} (one of {', '.join(codes)})")
    return codes[text]


def _title(cells: dict, event_id: str) -> str:
    sides = " - ".join(s.strip() for s in (cells.get("side_a", ""), cells.get("side_b", "")))
    who = (
        cells.get("dyad_name", "").strip()
        or sides.strip(" -")
        or cells.get("conflict_name", "").strip()
        or f"UCDP event {event_id}"
    )
    where = cells.get("where_description", "").strip()
    return f"{who}: {where}" if where else who


def _estimate(cells: dict) -> str:
    """ "UCDP estimate: best 12 (low 10, high 15)." from the cells that are there."""
    best, low, high = (cells.get(c, "").strip() for c in ("best", "low", "high"))
    bounds = ", ".join(f"{name} {value}" for name, value in (("low", low), ("high", high)) if value)
    if not best:
        return f"UCDP estimate: {bounds}." if bounds else ""
    return f"UCDP estimate: best {best}" + (f" ({bounds})." if bounds else ".")


def _description(cells: dict, event_id: str, violence: str, country_found: bool) -> str:
    conflict = cells.get("conflict_name", "").strip()
    lines = [f"{violence} ({conflict})." if conflict else f"{violence}."]
    lines.append(_estimate(cells))
    deaths = [
        f"{label} {cells[column].strip()}"
        for column, label in (
            ("deaths_a", "side A"),
            ("deaths_b", "side B"),
            ("deaths_civilians", "civilians"),
            ("deaths_unknown", "unknown"),
        )
        if cells.get(column, "").strip()
    ]
    if deaths:
        lines.append(f"Deaths: {', '.join(deaths)}.")
    if not country_found:
        lines.append(f"Country: {cells.get('country', '').strip()} (no ISO country by that name).")
    lines.append(f"UCDP GED event {event_id}.")
    return "\n".join(line for line in lines if line)


def _place(cells: dict, country: gazetteer.Country | None) -> str:
    name = _SETTLEMENT.sub("", cells.get("where_coordinates", "").strip())
    return (
        name
        or cells.get("adm_2", "").strip()
        or cells.get("adm_1", "").strip()
        or (country.name if country else cells.get("country", "").strip())
    )


def ucdp_to_event_cells(cells: dict) -> dict:
    """One GED row as the cells of one event (the importer's preset_transform)."""
    event_id = cells.get("id", "").strip()
    if not event_id:
        raise RowError("id", "a UCDP event id is required")
    kind, violence = _code(cells, "type_of_violence", _VIOLENCE, ("incident", "Violence"))
    country = country_named(cells.get("country", ""))
    start = _date(cells, "date_start")
    end = _date(cells, "date_end") if cells.get("date_end", "").strip() else start
    return {
        "uuid": str(uuid_module.uuid5(_NAMESPACE, event_id)),
        "date": start,
        "end_date": end if end != start else "",
        "date_precision": _code(cells, "date_prec", _DATE_PRECISION, "day"),
        "kind": kind,
        "title": _title(cells, event_id),
        "description": _description(cells, event_id, violence, country is not None),
        "place": _place(cells, country),
        "place_country": country.iso3 if country else "",
        "admin1": cells.get("adm_1", "").strip(),
        "precision": _code(cells, "where_prec", _PLACE_PRECISION, "exact"),
        "latitude": cells.get("latitude", ""),
        "longitude": cells.get("longitude", ""),
        "fatalities": cells.get("best", ""),
        "actors": _sides(cells),
        "source": cells.get("source_article", "").strip() or cells.get("source_office", ""),
    }
