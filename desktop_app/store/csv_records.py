"""Turning the cells of one CSV row into a domain record: parsing dates, numbers and lists,
and finding or creating the actors, places and sources the cells name (inside the import's
transaction)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.domain import gazetteer
from desktop_app.domain.dates import parse_iso_date
from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.store import records

if TYPE_CHECKING:
    from sqlite_utils import Database


class RowError(ValueError):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column


# --- cell parsing ---------------------------------------------------------------------------
_THOUSANDS = re.compile(r"^-?[\d,]+(\.\d+)?$")
_AMBIGUOUS = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")


def _date(cells: dict, name: str, required: bool = False) -> str | None:
    text = cells.get(name, "").strip()
    if not text:
        if required:
            raise RowError(name, "a date is required here")
        return None
    if _AMBIGUOUS.match(text):
        raise RowError(
            name, f"{text!r} is ambiguous (day/month or month/day?); write it as YYYY-MM-DD"
        )
    try:
        return parse_iso_date(text).isoformat()
    except ValueError as error:
        raise RowError(name, str(error)) from None


def _number(
    cells: dict, name: str, low: float | None = None, high: float | None = None
) -> float | None:
    text = cells.get(name, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        if not _THOUSANDS.match(text):
            raise RowError(name, f"{text!r} is not a number") from None
        value = float(text.replace(",", ""))  # 1,234 or 12,345.5
    if value != value or value in (float("inf"), float("-inf")):
        raise RowError(name, f"{text!r} is not a finite number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise RowError(name, f"{text} is outside the range {low:g} to {high:g}")
    return value


def _list(cells: dict, name: str) -> list[str]:
    return [part.strip() for part in cells.get(name, "").split(";") if part.strip()]


class Resolver:
    """Finds (or creates, inside the import's transaction) the records that cells name."""

    def __init__(self, db: Database, actor_kind: str = "organisation") -> None:
        self.db = db
        self.actor_kind = actor_kind
        self.actor_ids: dict[str, int] = {}
        self.place_ids: dict[tuple, int] = {}
        self.source_ids: dict[str, int] = {}

    def actor(self, text: str, column: str, kind: str | None = None) -> int:
        key = text.strip()
        if key in self.actor_ids:
            return self.actor_ids[key]
        if len(key) == 3 and key.isalpha() and key.isupper():
            if gazetteer.country_by_code(key) is None:
                raise RowError(column, f"{key!r} is not an ISO 3166-1 alpha-3 country code")
            found = records.state_actor(self.db, key)
        else:
            row = self.db.execute(
                "SELECT id FROM actors WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [key],
            ).fetchone()
            found = (
                row[0]
                if row
                else records.add(self.db, Actor(name=key, kind=kind or self.actor_kind))
            )
        self.actor_ids[key] = found
        return found

    def place(
        self,
        name: str,
        country: str | None = None,
        latitude: float | None = None,
        longitude: float | None = None,
        admin1: str | None = None,
        precision: str = "exact",
    ) -> int:
        key = (name, country, latitude, longitude)
        if key in self.place_ids:
            return self.place_ids[key]
        row = self.db.execute(
            """SELECT id FROM places WHERE name = ? AND deleted_at IS NULL
               AND country_iso3 IS ? AND latitude IS ? AND longitude IS ? ORDER BY id LIMIT 1""",
            [name, country, latitude, longitude],
        ).fetchone()
        if row is None and country is None and latitude is None:
            row = self.db.execute(
                "SELECT id FROM places WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [name],
            ).fetchone()
        found = (
            row[0]
            if row
            else records.add(
                self.db,
                Place(
                    name=name,
                    country_iso3=country,
                    latitude=latitude,
                    longitude=longitude,
                    admin1=admin1,
                    precision=precision,
                ),
            )
        )
        self.place_ids[key] = found
        return found

    def source(self, url_or_title: str) -> int:
        key = url_or_title.strip()
        if key not in self.source_ids:
            is_url = key.startswith(("http://", "https://"))
            column = "url" if is_url else "title"
            row = self.db.execute(
                f"SELECT id FROM sources WHERE {column} = ? AND deleted_at IS NULL LIMIT 1", [key]
            ).fetchone()
            self.source_ids[key] = (
                row[0]
                if row
                else records.add(
                    self.db,
                    Source(
                        title=key, url=key if is_url else None, publisher=None if is_url else key
                    ),
                )
            )
        return self.source_ids[key]

    def by_uuid(self, cls: type, cells: dict, column: str, required: bool = False) -> int | None:
        value = cells.get(column, "").strip()
        if not value:
            if required:
                raise RowError(column, "a UUID is required here")
            return None
        found = records.id_for_uuid(self.db, cls, value)
        if found is None:
            what = {Commitment: "commitment", Event: "event"}[cls]
            raise RowError(
                column, f"no {what} with UUID {value} in the database; import the {what}s first"
            )
        return found


def _country(cells: dict, column: str) -> str | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    country = gazetteer.find_country(text)
    if country is None:
        raise RowError(column, f"{text!r} is not a known country")
    return country.iso3


# --- builders: cells -> domain record ------------------------------------------------------------
def _build_actor(r: Resolver, cells: dict) -> Actor:
    default_kind = "state" if cells.get("iso3") else "organisation"
    return Actor(
        name=cells.get("name", ""),
        kind=cells.get("kind") or default_kind,
        iso3=cells.get("iso3") or None,
    )


def _build_place(r: Resolver, cells: dict) -> Place:
    return Place(
        name=cells.get("name", ""),
        country_iso3=_country(cells, "country"),
        admin1=cells.get("admin1"),
        latitude=_number(cells, "latitude", -90, 90),
        longitude=_number(cells, "longitude", -180, 180),
        precision=cells.get("precision") or "exact",
    )


def _parties(r: Resolver, cells: dict, columns: dict[str, str]) -> tuple:
    return tuple(
        (r.actor(name, column), role)
        for column, role in columns.items()
        for name in _list(cells, column)
    )


def _build_commitment(r: Resolver, cells: dict) -> Commitment:
    return Commitment(
        title=cells.get("title", ""),
        made_on=_date(cells, "made_on", required=True),
        category=cells.get("category") or "other",
        description=cells.get("description", ""),
        deadline=_date(cells, "deadline"),
        deadline_precision=cells.get("deadline_precision") or "day",
        parties=_parties(
            r,
            cells,
            {"promisors": "promisor", "beneficiaries": "beneficiary", "guarantors": "guarantor"},
        ),
        place_ids=tuple(r.place(name) for name in _list(cells, "places")),
        origin_event_id=r.by_uuid(Event, cells, "origin_event_uuid"),
    )


def _build_event(r: Resolver, cells: dict) -> Event:
    latitude = _number(cells, "latitude", -90, 90)
    longitude = _number(cells, "longitude", -180, 180)
    place_name = cells.get("place", "").strip()
    fatalities = _number(cells, "fatalities", 0)
    if fatalities is not None and fatalities != int(fatalities):
        raise RowError("fatalities", f"{cells['fatalities']!r} is not a whole number")
    return Event(
        date=_date(cells, "date", required=True),
        end_date=_date(cells, "end_date"),
        date_precision=cells.get("date_precision") or "day",
        kind=cells.get("kind", ""),
        title=cells.get("title", ""),
        description=cells.get("description", ""),
        place_id=r.place(
            place_name,
            _country(cells, "place_country"),
            latitude,
            longitude,
            cells.get("admin1") or None,
            cells.get("precision") or "exact",
        )
        if place_name
        else None,
        fatalities=None if fatalities is None else int(fatalities),
        actors=_parties(
            r,
            cells,
            {
                "actors": "actor",
                "targets": "target",
                "hosts": "host",
                "participants": "participant",
            },
        ),
        source_ids=(r.source(cells["source"]),) if cells.get("source", "").strip() else (),
    )


def _build_status_update(r: Resolver, cells: dict) -> StatusUpdate:
    party = cells.get("party", "").strip()
    return StatusUpdate(
        commitment_id=r.by_uuid(Commitment, cells, "commitment_uuid", required=True),
        date=_date(cells, "date", required=True),
        status=cells.get("status", ""),
        actor_id=r.actor(party, "party") if party else None,
        note=cells.get("note", ""),
        source_id=r.source(cells["source"]) if cells.get("source", "").strip() else None,
        evidence_event_id=r.by_uuid(Event, cells, "evidence_event_uuid"),
    )


def _build_statistic(r: Resolver, cells: dict) -> Statistic:
    value = _number(cells, "value")
    if value is None:
        raise RowError("value", "a number is required here")
    return Statistic(
        label=cells.get("label", ""),
        value=value,
        unit=cells.get("unit", ""),
        period_start=_date(cells, "period_start"),
        period_end=_date(cells, "period_end"),
        baseline_value=_number(cells, "baseline_value"),
        baseline_start=_date(cells, "baseline_start"),
        baseline_end=_date(cells, "baseline_end"),
        country_iso3=_country(cells, "country"),
        method_note=cells.get("method_note", ""),
    )


BUILDERS: dict[str, Callable[[Resolver, dict], object]] = {
    "actors": _build_actor,
    "places": _build_place,
    "commitments": _build_commitment,
    "events": _build_event,
    "status_updates": _build_status_update,
    "statistics": _build_statistic,
}
