"""Turning the cells of one CSV row into a domain record: parsing dates, numbers and lists,
and finding or creating the actors, places and sources the cells name (inside the import's
transaction).

A link is given by name (the columns people read in a spreadsheet: promisors, places, sources,
party ...) and, in our own exports, by UUID too (promisor_uuids, place_uuids, source_uuids,
party_uuid ...). A UUID the database knows decides the link, and the name beside it must still
name that record (an edited name is not silently ignored); a UUID it does not know falls back to
the name, and a record created for that name keeps the UUID. A file without the UUID columns
links by name alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop_app.domain import gazetteer
from desktop_app.domain.country_names import split_country_list
from desktop_app.domain.records import (
    Actor,
    Commitment,
    Event,
    Place,
    Source,
    Statistic,
    StatusUpdate,
)
from desktop_app.exchange.cell_values import (
    RowError,
    _date,
    _no_repeats,
    _number,
    _whole_number,
)
from desktop_app.exchange.csv_export import SEP  # between the names (or UUIDs) in one cell
from desktop_app.exchange.written_dates import DateOrder
from desktop_app.store import records
from desktop_app.store.references import find_place

if TYPE_CHECKING:
    from sqlite_utils import Database


_NOUNS = {
    Actor: "actor",
    Place: "place",
    Source: "source",
    Event: "event",
    Commitment: "commitment",
}
_LABELS = {  # how a linked record is named in a cell, as the export writes it
    Actor: "SELECT COALESCE(iso3, name) FROM actors WHERE id = ?",
    Place: "SELECT name FROM places WHERE id = ?",
    Source: "SELECT COALESCE(url, title) FROM sources WHERE id = ?",
}


class Resolver:
    """Finds (or creates, inside the import's transaction) the records that cells name.

    In a dry run nothing is created: a record that would be is given a negative id of its own,
    so the rows are checked and counted exactly as they would be imported, without writing
    (and without waiting for the write lock)."""

    def __init__(
        self,
        db: Database,
        actor_kind: str = "organisation",
        dry_run: bool = False,
        date_order: DateOrder | None = None,
    ):
        self.db = db
        self.actor_kind = actor_kind
        self.dry_run = dry_run
        self.date_order = date_order  # how the file writes 03/04/2024 (None: refused)
        self.new_actors: list[str] = []  # actors made by name, no country among them
        self.ambiguous_dates = False  # a date read two ways with no order known
        self.actor_ids: dict[str, int] = {}
        self.place_ids: dict[tuple, int] = {}
        self.source_ids: dict[str, int] = {}
        self._uuid_ids: dict[tuple[type, str], int | None] = {}
        self._labels: dict[tuple[type, int], str] = {}
        self._known_links: dict[tuple, tuple[int, ...]] = {}  # see resolve_links
        self._pretend = 0

    def _create(self, record) -> int:
        if self.dry_run:
            self._pretend -= 1
            return self._pretend
        return records.add(self.db, record)

    def actor(self, text: str, column: str, kind: str | None = None, uuid: str | None = None):
        key = text.strip()
        if key in self.actor_ids:
            return self.actor_ids[key]
        if len(key) == 3 and key.isalpha() and key.isupper():
            if gazetteer.country_by_code(key) is None:
                raise RowError(column, f"{key!r} is not an ISO 3166-1 alpha-3 country code")
            row = self.db.execute(
                "SELECT id FROM actors WHERE iso3 = ? AND kind = 'state' AND deleted_at IS NULL",
                [key],
            ).fetchone()
            if row:
                found = row[0]
            elif self.dry_run:
                found = self._create(None)
            elif uuid:  # the state actor records.state_actor would make, with this UUID
                import pycountry

                country = pycountry.countries.get(alpha_3=key)
                name = getattr(country, "common_name", None) or country.name
                found = self._create(Actor(name=name, kind="state", iso3=key, uuid=uuid))
            else:
                found = records.state_actor(self.db, key)
        else:
            row = self.db.execute(
                "SELECT id FROM actors WHERE name = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [key],
            ).fetchone()
            if row:
                found = row[0]
            else:
                found = self._create(Actor(name=key, kind=kind or self.actor_kind, uuid=uuid))
                self.new_actors.append(key)
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
        uuid: str | None = None,
    ) -> int:
        key = (name, country, latitude, longitude)
        if key in self.place_ids:
            return self.place_ids[key]
        place = Place(
            name=name,
            country_iso3=country,
            latitude=latitude,
            longitude=longitude,
            admin1=admin1,
            precision=precision,
            uuid=uuid,
        )
        found = find_place(self.db, place)  # the one rule for "the same place"
        self.place_ids[key] = found if found is not None else self._create(place)
        return self.place_ids[key]

    def source(self, url_or_title: str, uuid: str | None = None) -> int:
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
                else self._create(
                    Source(
                        title=key,
                        url=key if is_url else None,
                        publisher=None if is_url else key,
                        uuid=uuid,
                    )
                )
            )
        return self.source_ids[key]

    def known(self, cls: type, uuid: str) -> int | None:
        """The id of the record of cls with this UUID (deleted ones included), or None."""
        key = (cls, uuid)
        if key not in self._uuid_ids:
            self._uuid_ids[key] = records.id_for_uuid(self.db, cls, uuid)
        return self._uuid_ids[key]

    def label(self, cls: type, record_id: int) -> str:
        key = (cls, record_id)
        if key not in self._labels:
            self._labels[key] = self.db.execute(_LABELS[cls], [record_id]).fetchone()[0]
        return self._labels[key]

    def by_uuid(self, cls: type, cells: dict, column: str, required: bool = False) -> int | None:
        value = cells.get(column, "").strip()
        if not value:
            if required:
                raise RowError(column, "a UUID is required here")
            return None
        found = self.known(cls, value)
        if found is None:
            what = _NOUNS[cls]
            raise RowError(
                column, f"no {what} with UUID {value} in the database; import the {what}s first"
            )
        return found

    def linked(
        self,
        cls: type,
        cells: dict,
        names_column: str,
        uuids_column: str,
        by_name: Callable[[str, str | None], int],
        one: bool = False,
    ) -> list[int]:
        """The ids of the records named in cells[names_column] (a list, or one name if one)
        and cells[uuids_column], in order.

        UUIDs the database knows decide, provided the names are the ones the export writes for
        them (compared as a whole: a name may itself hold a ';'); a names column that is absent
        leaves the UUIDs alone to decide. Unknown UUIDs are matched with the names one for one
        and fall back to them.
        """
        names_text = cells.get(names_column)
        if not names_text and not cells.get(uuids_column):  # most cells of most rows
            return []
        names, uuids = link_parts(cls, names_text, cells.get(uuids_column, ""), one)
        return self.resolve_links(
            cls, names_text, names, uuids, names_column, uuids_column, by_name, one
        )

    def resolve_links(
        self,
        cls: type,
        names_text: str | None,
        names: list[str],
        uuids: list[str],
        names_column: str,
        uuids_column: str,
        by_name: Callable[[str, str | None], int],
        one: bool = False,
    ) -> list[int]:
        """linked() once the cells are split (link_parts): the ids, found or made. Links whose
        UUIDs were all known, and named as they should be, are remembered: asked again, they
        give the same ids (a known UUID stays known, a label read is kept)."""
        if not uuids:
            return [by_name(name, None) for name in names]
        key = (cls, names_text, tuple(names), tuple(uuids), one)
        if key in self._known_links:
            return list(self._known_links[key])
        what = _NOUNS[cls]
        ids = [self.known(cls, uuid) for uuid in uuids]
        if None not in ids:
            labels = [self.label(cls, found) for found in ids]
            if names_text is None or _split(SEP.join(labels), one) == list(names):
                self._known_links[key] = tuple(ids)
                return ids
            raise RowError(
                names_column,
                f"{names_text.strip()!r} does not name the {what}s {uuids_column} points at "
                f"({SEP.join(labels)!r}); change both, or empty {uuids_column} to link by name",
            )
        if len(names) != len(uuids):
            unknown = uuids[ids.index(None)]
            raise RowError(
                uuids_column,
                f"no {what} with UUID {unknown} in the database, and {names_column} does not "
                f"name one for each UUID; import the {what}s first",
            )
        for n, (name, uuid) in enumerate(zip(names, uuids, strict=True)):
            if ids[n] is None:
                ids[n] = by_name(name, uuid)
                self._uuid_ids[(cls, uuid)] = ids[n]  # the same UUID again means this one
                if ids[n] < 0:  # a dry run's stand-in: no row to read its label from
                    self._labels[(cls, ids[n])] = name
            elif name != self.label(cls, ids[n]):
                raise RowError(
                    names_column,
                    f"{name!r} is not the {what} {uuids_column} points at "
                    f"({self.label(cls, ids[n])!r}); change both, or empty {uuids_column} to "
                    "link by name",
                )
        return ids

    def linked_one(
        self,
        cls: type,
        cells: dict,
        name_column: str,
        uuid_column: str,
        by_name: Callable[[str, str | None], int],
    ) -> int | None:
        found = self.linked(cls, cells, name_column, uuid_column, by_name, one=True)
        return found[0] if found else None

    def distinct(self, column: str, ids: list, what: str) -> None:
        """RowError if an id (or the id of an (id, role) pair) is listed twice."""
        _no_repeats(column, ids, what)


def link_parts(
    cls: type, names_text: str | None, uuids_text: str, one: bool = False
) -> tuple[list[str], list[str]]:
    """The names and UUIDs of a link's cells, split (and, for a list of actors named without
    UUIDs, countries written by name given as their codes): what linked() resolves."""
    names = _split(names_text or "", one)
    uuids = _split(uuids_text, one)
    if not uuids and cls is Actor and not one:
        names = _countries_as_codes(names)
    return names, uuids


def _split(text: str, one: bool = False) -> list[str]:
    if one:
        return [text.strip()] if text.strip() else []
    return [part.strip() for part in text.split(";") if part.strip()]


def _countries_as_codes(names: list[str]) -> list[str]:
    """Names as people write parties, countries by name and in lists ("Saudi Arabia, Iran",
    "Pakistan and Iran", "Türkiye"), as the ISO codes of their states; the other parts (an
    organisation, an armed group) as they are written."""
    found = []
    for name in names:
        countries, others = split_country_list(name)
        found += [country.iso3 for country in countries] + others if countries else [name]
    return list(dict.fromkeys(found))  # a party named twice is one party


def _list(cells: dict, name: str) -> list[str]:
    return _split(cells.get(name, ""))


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
        local_name=cells.get("local_name") or "",
    )


def _build_source(r: Resolver, cells: dict) -> Source:
    return Source(
        title=cells.get("title", ""),
        url=cells.get("url") or None,
        publisher=cells.get("publisher") or None,
        published_on=_date(r, cells, "published_on"),
        accessed_on=_date(r, cells, "accessed_on"),
        excerpt=cells.get("excerpt") or None,
    )


# role -> (names column, UUIDs column)
PARTY_COLUMNS = {
    "promisor": ("promisors", "promisor_uuids"),
    "beneficiary": ("beneficiaries", "beneficiary_uuids"),
    "guarantor": ("guarantors", "guarantor_uuids"),
}
EVENT_ACTOR_COLUMNS = {
    "actor": ("actors", "actor_uuids"),
    "target": ("targets", "target_uuids"),
    "host": ("hosts", "host_uuids"),
    "participant": ("participants", "participant_uuids"),
}


def _actors_by_role(r: Resolver, cells: dict, columns: dict[str, tuple[str, str]]) -> tuple:
    found = []
    for role, (names_column, uuids_column) in columns.items():
        ids = r.linked(
            Actor,
            cells,
            names_column,
            uuids_column,
            lambda name, uuid, column=names_column: r.actor(name, column, uuid=uuid),
        )
        r.distinct(names_column, ids, "actor")
        found += [(actor_id, role) for actor_id in ids]
    return tuple(found)


def _sources(r: Resolver, cells: dict) -> tuple[int, ...]:
    given = {key: cells.get(key, "").strip() for key in ("sources", "source", "source_uuids")}
    if given["source"] and not given["sources"] and not given["source_uuids"]:
        ids = [r.source(given["source"])]  # one source, as an ACLED file gives it
    else:
        ids = r.linked(Source, cells, "sources", "source_uuids", r.source)
    r.distinct("sources", ids, "source")
    return tuple(ids)


def _build_commitment(r: Resolver, cells: dict) -> Commitment:
    parties = _actors_by_role(r, cells, PARTY_COLUMNS)
    r.distinct("promisors", list(parties), "party (a party has one role)")
    place_ids = r.linked(
        Place, cells, "places", "place_uuids", lambda name, uuid: r.place(name, uuid=uuid)
    )
    r.distinct("places", place_ids, "place")
    return Commitment(
        title=cells.get("title", ""),
        made_on=_date(r, cells, "made_on", required=True),
        category=cells.get("category") or "other",
        description=cells.get("description", ""),
        deadline=_date(r, cells, "deadline"),
        deadline_precision=cells.get("deadline_precision") or "day",
        parties=parties,
        place_ids=tuple(place_ids),
        source_ids=_sources(r, cells),
        origin_event_id=r.by_uuid(Event, cells, "origin_event_uuid"),
        quote=cells.get("quote", ""),
        quote_source_id=r.linked_one(Source, cells, "quote_source", "quote_source_uuid", r.source),
    )


def _build_event(r: Resolver, cells: dict) -> Event:
    latitude = _number(cells, "latitude", -90, 90)
    longitude = _number(cells, "longitude", -180, 180)
    country = _country(cells, "place_country")

    def place_by_name(name: str, uuid: str | None) -> int:
        admin1 = cells.get("admin1") or None
        precision = cells.get("precision") or "exact"
        return r.place(name, country, latitude, longitude, admin1, precision, uuid)

    return Event(
        date=_date(r, cells, "date", required=True),
        end_date=_date(r, cells, "end_date"),
        date_precision=cells.get("date_precision") or "day",
        kind=cells.get("kind", ""),
        title=cells.get("title", ""),
        description=cells.get("description", ""),
        place_id=r.linked_one(Place, cells, "place", "place_uuid", place_by_name),
        fatalities=_whole_number(cells, "fatalities"),
        actors=_actors_by_role(r, cells, EVENT_ACTOR_COLUMNS),
        source_ids=_sources(r, cells),
    )


def _build_status_update(r: Resolver, cells: dict) -> StatusUpdate:
    return StatusUpdate(
        commitment_id=r.by_uuid(Commitment, cells, "commitment_uuid", required=True),
        date=_date(r, cells, "date", required=True),
        status=cells.get("status", ""),
        actor_id=r.linked_one(
            Actor,
            cells,
            "party",
            "party_uuid",
            lambda name, uuid: r.actor(name, "party", uuid=uuid),
        ),
        note=cells.get("note", ""),
        source_id=r.linked_one(Source, cells, "source", "source_uuid", r.source),
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
        period_start=_date(r, cells, "period_start"),
        period_end=_date(r, cells, "period_end"),
        baseline_value=_number(cells, "baseline_value"),
        baseline_start=_date(r, cells, "baseline_start"),
        baseline_end=_date(r, cells, "baseline_end"),
        place_id=r.linked_one(
            Place, cells, "place", "place_uuid", lambda name, uuid: r.place(name, uuid=uuid)
        ),
        country_iso3=_country(cells, "country"),
        source_id=r.linked_one(Source, cells, "source", "source_uuid", r.source),
        method_note=cells.get("method_note", ""),
    )


BUILDERS: dict[str, Callable[[Resolver, dict], object]] = {
    "actors": _build_actor,
    "places": _build_place,
    "sources": _build_source,
    "commitments": _build_commitment,
    "events": _build_event,
    "status_updates": _build_status_update,
    "statistics": _build_statistic,
}


row_date = _date  # the date of a cell the builders do not read (a status date)

#: the columns that hold dates (the date order of a file is guessed from them)
DATE_FIELDS = (
    "made_on",
    "deadline",
    "date",
    "end_date",
    "published_on",
    "accessed_on",
    "period_start",
    "period_end",
    "baseline_start",
    "baseline_end",
    "status_date",
)
#: checks of one cell each, whatever the other cells hold (a row's every faulty cell is listed)
_CELL_CHECKS: dict[str, Callable] = {
    **{name: (lambda r, cells, name=name: _date(r, cells, name)) for name in DATE_FIELDS},
    "latitude": lambda _r, cells: _number(cells, "latitude", -90, 90),
    "longitude": lambda _r, cells: _number(cells, "longitude", -180, 180),
    "fatalities": lambda _r, cells: _whole_number(cells, "fatalities"),
    "value": lambda _r, cells: _number(cells, "value"),
    "baseline_value": lambda _r, cells: _number(cells, "baseline_value"),
}


#: the cells of _CELL_CHECKS each builder reads with that same check (a record built means they
#: passed); the others are checked on their own (exchange/parallel_check.py relies on this)
CHECKED_BY_BUILDER: dict[str, frozenset[str]] = {
    "actors": frozenset(),
    "places": frozenset({"latitude", "longitude"}),
    "sources": frozenset({"published_on", "accessed_on"}),
    "events": frozenset({"date", "end_date", "latitude", "longitude", "fatalities"}),
    "commitments": frozenset({"made_on", "deadline"}),
    "status_updates": frozenset({"date"}),
    "statistics": frozenset(
        {"value", "period_start", "period_end", "baseline_value", "baseline_start", "baseline_end"}
    ),
}


def cell_problems(r: Resolver, cells: dict, skip: frozenset[str] = frozenset()) -> list[RowError]:
    """The problems of the row's cells taken one by one (dates, numbers, coordinates): what
    building the record stops at after the first. Cells named in skip are left out."""
    found = []
    for name in cells:
        check = _CELL_CHECKS.get(name)
        if check is None or name in skip:
            continue
        try:
            check(r, cells)
        except RowError as error:
            found.append(error)
    return found
