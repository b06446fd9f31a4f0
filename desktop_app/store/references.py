"""Finding or creating the records other records point at: one rule each, used by the editors'
drafts, New from article and CSV import alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.domain.records import Place, Source
from desktop_app.store import records

if TYPE_CHECKING:
    from sqlite_utils import Database


def find_place(db: Database, place: Place) -> int | None:
    """The live place with this name, country and coordinates; a name alone (no country, no
    coordinates) matches the oldest live place of that name. None when nothing matches."""
    row = db.execute(
        """SELECT id FROM places WHERE name = ? AND deleted_at IS NULL
           AND country_iso3 IS ? AND latitude IS ? AND longitude IS ? ORDER BY id LIMIT 1""",
        [place.name, place.country_iso3, place.latitude, place.longitude],
    ).fetchone()
    if row is None and place.country_iso3 is None and place.latitude is None:
        row = db.execute(
            "SELECT id FROM places WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
            [place.name],
        ).fetchone()
    return row[0] if row else None


def find_or_create_place(db: Database, place: Place) -> int:
    """find_place, or the place added when nothing matches."""
    found = find_place(db, place)
    return found if found is not None else records.add(db, place)


def find_or_create_state(db: Database, iso3: str) -> int:
    """The state actor with this ISO 3166-1 alpha-3 code, created if missing."""
    return records.state_actor(db, iso3)


def find_or_create_source(db: Database, source: Source) -> int:
    """The live source with this web address (the oldest), or the source added: citing the
    same page twice must not make two sources of it."""
    if source.url:
        row = db.execute(
            "SELECT id FROM sources WHERE url = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
            [source.url],
        ).fetchone()
        if row:
            return row[0]
    return records.add(db, source)
