"""The ACLED preset: an ACLED event export imported as events, actors, places and sources.

ACLED's codebook columns used: event_id_cnty, event_date, event_type, sub_event_type, actor1,
actor2, country, iso (numeric ISO 3166), admin1, location, latitude, longitude, geo_precision
(1 exact, 2 near, 3 region), source, notes, fatalities. A row keeps a UUID derived from its
event_id_cnty, so importing a newer export of the same events updates them.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from typing import TYPE_CHECKING

from desktop_app.domain import gazetteer
from desktop_app.exchange.csv_import import (
    ImportResult,
    PreparedFile,
    Problem,
    import_rows,
    normalise_header,
)
from desktop_app.exchange.row_builders import RowError

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type", "country", "location")
ACLED_COLUMNS = (
    *ACLED_REQUIRED,
    "sub_event_type",
    "actor1",
    "actor2",
    "iso",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
_NAMESPACE = uuid_module.UUID("5b0f6d7e-9a43-4c7e-9d8e-3f4d2a1c0b11")

_KINDS = {
    "battles": "attack",
    "explosions/remote violence": "strike",
    "violence against civilians": "attack",
    "protests": "incident",
    "riots": "incident",
}
_PRECISION = {"1": "exact", "2": "near", "3": "region"}


def _event_kind(event_type: str, sub_event_type: str) -> str:
    if event_type.strip().lower() == "strategic developments":
        return "agreement" if "agreement" in sub_event_type.lower() else "other"
    return _KINDS.get(event_type.strip().lower(), "other")


def _acled_date(text: str) -> str:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise RowError("event_date", f"{text!r} is not an ACLED date (YYYY-MM-DD or 16 January 2024)")


def _country_code(cells: dict) -> str:
    numeric = cells.get("iso", "").strip()
    if numeric.isdigit():
        import pycountry

        found = pycountry.countries.get(numeric=numeric.zfill(3))
        if found:
            return found.alpha_3
    country = gazetteer.find_country(cells.get("country", ""))
    if country is None:
        raise RowError("country", f"{cells.get('country')!r} is not a known country")
    return country.iso3


def _acled_to_event_cells(cells: dict) -> dict:
    event_id = cells.get("event_id_cnty", "").strip()
    if not event_id:
        raise RowError("event_id_cnty", "an ACLED event id is required")
    sub_type = cells.get("sub_event_type", "").strip()
    location = cells.get("location", "").strip()
    event_type = cells.get("event_type", "").strip()
    return {
        "uuid": str(uuid_module.uuid5(_NAMESPACE, event_id)),
        "date": _acled_date(cells.get("event_date", "")),
        "kind": _event_kind(event_type, sub_type),
        "title": f"{sub_type or event_type} in {location}" if location else sub_type or event_type,
        "description": cells.get("notes", ""),
        "place": location,
        "place_country": _country_code(cells),
        "admin1": cells.get("admin1", ""),
        "precision": _PRECISION.get(cells.get("geo_precision", "").strip(), "exact"),
        "latitude": cells.get("latitude", ""),
        "longitude": cells.get("longitude", ""),
        "fatalities": cells.get("fatalities", ""),
        "actors": cells.get("actor1", "").replace(";", ","),
        "targets": cells.get("actor2", "").replace(";", ","),
        "source": cells.get("source", ""),
    }


def acled_import(
    db: Database, prepared: PreparedFile, dry_run: bool = False, progress=None
) -> ImportResult:
    positions = {normalise_header(h): i for i, h in enumerate(prepared.header)}
    missing = [c for c in ACLED_REQUIRED if c not in positions]
    if missing:
        return ImportResult(
            problems=[Problem(1, ", ".join(missing), "required ACLED column missing")]
        )
    mapping = {c: positions[c] for c in ACLED_COLUMNS if c in positions}
    return import_rows(
        db,
        "events",
        prepared,
        mapping,
        dry_run=dry_run,
        progress=progress,
        preset_transform=_acled_to_event_cells,
        actor_kind="armed_group",
    )
