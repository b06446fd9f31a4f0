"""Local names of recorded places, filled from the gazetteer (GeoNames' alternate names)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite_utils loads when a database is opened, not at start-up
    from sqlite_utils import Database

# only places in countries that write in another script can get a local name; a file with
# none of them never reads the gazetteer (a second on first use)
_CANDIDATES = """SELECT id, name, country_iso3 FROM places
                 WHERE local_name = '' AND country_iso3 IN ({codes})"""


def fill_local_names(db: Database) -> int:
    """Give each place with no local name the one GeoNames has for the city of that name in
    that country (its official name or another Latin spelling); returns how many were filled.
    Runs inside the caller's transaction (a migration's)."""
    from desktop_app.domain import gazetteer
    from desktop_app.domain.local_names import COUNTRY_SCRIPTS

    codes = sorted(
        country.iso3 for country in gazetteer.countries() if country.iso2 in COUNTRY_SCRIPTS
    )
    marks = ", ".join("?" for _ in codes)
    rows = db.execute(_CANDIDATES.format(codes=marks), codes).fetchall()
    filled = 0
    for place_id, name, country_iso3 in rows:
        local = gazetteer.local_name_of(name, country_iso3)
        if local:
            db.execute("UPDATE places SET local_name = ? WHERE id = ?", [local, place_id])
            filled += 1
    return filled
