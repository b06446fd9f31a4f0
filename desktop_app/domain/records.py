"""The records an analyst keeps, as validated dataclasses.

Constructing a record checks it: a record that exists is a record the store may write. Links to
other records are by their integer id in the open database; `uuid` is the stable identity used
across databases and in CSV files (None until the store assigns one).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.dates import check_iso_date
from desktop_app.domain.status import Status, parse_status
from desktop_app.domain.vocabulary import (
    ACTOR_KINDS,
    CATEGORIES,
    DATE_PRECISIONS,
    EVENT_KINDS,
    EVENT_ROLES,
    PARTY_ROLES,
    PLACE_PRECISIONS,
    check_choice,
)


def _required_text(value: str, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValueError(f"{what} must not be empty")
    return text


def _optional_text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def _iso3(value: str | None) -> str | None:
    code = (value or "").strip().upper()
    if not code:
        return None
    if len(code) != 3 or not code.isalpha():
        raise ValueError(f"{value!r} is not a three-letter ISO 3166-1 country code")
    return code


def _check_dates_in_order(start: str | None, end: str | None, what: str) -> None:
    if start and end and end < start:
        raise ValueError(f"{what} ends ({end}) before it starts ({start})")


@dataclass
class Actor:
    name: str
    kind: str = "state"
    iso3: str | None = None
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.name = _required_text(self.name, "An actor's name")
        self.kind = check_choice(self.kind, ACTOR_KINDS, "actor kind")
        self.iso3 = _iso3(self.iso3)


@dataclass
class Place:
    name: str
    country_iso3: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str = "exact"
    local_name: str = ""  # in the country's own script (زاهدان for Zahedan); '' when none
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.name = _required_text(self.name, "A place's name")
        self.local_name = (self.local_name or "").strip()
        self.country_iso3 = _iso3(self.country_iso3)
        self.admin1 = _optional_text(self.admin1)
        self.precision = check_choice(self.precision, PLACE_PRECISIONS, "place precision")
        for value, low, high, what in (
            (self.latitude, -90, 90, "latitude"),
            (self.longitude, -180, 180, "longitude"),
        ):
            if value is not None and not (low <= float(value) <= high):
                raise ValueError(f"{what} {value} is outside {low}..{high}")
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("a place needs both latitude and longitude, or neither")


@dataclass
class Source:
    title: str
    url: str | None = None
    publisher: str | None = None
    published_on: str | None = None
    accessed_on: str | None = None
    excerpt: str | None = None
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.title = _required_text(self.title, "A source's title")
        self.url = _optional_text(self.url)
        self.publisher = _optional_text(self.publisher)
        self.published_on = check_iso_date(self.published_on)
        self.accessed_on = check_iso_date(self.accessed_on)
        self.excerpt = _optional_text(self.excerpt)


@dataclass
class Event:
    date: str
    kind: str
    title: str
    description: str = ""
    end_date: str | None = None
    date_precision: str = "day"
    place_id: int | None = None
    fatalities: int | None = None
    actors: tuple[tuple[int, str], ...] = ()  # (actor id, role)
    source_ids: tuple[int, ...] = ()
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.date = check_iso_date(self.date) or ""
        if not self.date:
            raise ValueError("an event needs a date")
        self.end_date = check_iso_date(self.end_date)
        _check_dates_in_order(self.date, self.end_date, "the event")
        self.kind = check_choice(self.kind, EVENT_KINDS, "event kind")
        self.title = _required_text(self.title, "An event's title")
        self.description = (self.description or "").strip()
        self.date_precision = check_choice(self.date_precision, DATE_PRECISIONS, "date precision")
        if self.fatalities is not None:
            self.fatalities = int(self.fatalities)
            if self.fatalities < 0:
                raise ValueError("fatalities cannot be negative")
        self.actors = tuple(
            (int(actor_id), check_choice(role, EVENT_ROLES, "event role"))
            for actor_id, role in self.actors
        )
        self.source_ids = tuple(int(s) for s in self.source_ids)


@dataclass
class Commitment:
    title: str
    made_on: str
    category: str = "other"
    description: str = ""
    origin_event_id: int | None = None
    deadline: str | None = None
    deadline_precision: str = "day"
    parties: tuple[tuple[int, str], ...] = ()  # (actor id, role)
    place_ids: tuple[int, ...] = ()
    source_ids: tuple[int, ...] = ()
    quote: str = ""  # the exact words of the promise
    quote_source_id: int | None = None  # where those words are quoted from
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.title = _required_text(self.title, "A commitment's title")
        self.made_on = check_iso_date(self.made_on) or ""
        if not self.made_on:
            raise ValueError("a commitment needs the date it was made")
        self.category = check_choice(self.category, CATEGORIES, "category")
        self.description = (self.description or "").strip()
        self.deadline = check_iso_date(self.deadline)
        if self.deadline and self.deadline < self.made_on:
            raise ValueError(f"the deadline {self.deadline} is before the commitment was made")
        self.deadline_precision = check_choice(
            self.deadline_precision, DATE_PRECISIONS, "deadline precision"
        )
        self.parties = tuple(
            (int(actor_id), check_choice(role, PARTY_ROLES, "party role"))
            for actor_id, role in self.parties
        )
        self.place_ids = tuple(int(p) for p in self.place_ids)
        self.source_ids = tuple(int(s) for s in self.source_ids)
        self.quote = (self.quote or "").strip()
        if self.quote_source_id is not None:
            self.quote_source_id = int(self.quote_source_id)
            if not self.quote:
                raise ValueError("a quote's source is given but not the quote itself")


@dataclass
class StatusUpdate:
    commitment_id: int
    date: str
    status: Status | str
    actor_id: int | None = None
    note: str = ""
    source_id: int | None = None
    evidence_event_id: int | None = None
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.date = check_iso_date(self.date) or ""
        if not self.date:
            raise ValueError("a status update needs a date")
        self.status = parse_status(str(self.status))
        self.note = (self.note or "").strip()


@dataclass
class Statistic:
    label: str
    value: float
    unit: str = ""
    period_start: str | None = None
    period_end: str | None = None
    baseline_value: float | None = None
    baseline_start: str | None = None
    baseline_end: str | None = None
    place_id: int | None = None
    country_iso3: str | None = None
    source_id: int | None = None
    method_note: str = ""
    uuid: str | None = None

    def __post_init__(self) -> None:
        self.label = _required_text(self.label, "A statistic's label")
        self.value = float(self.value)
        self.unit = (self.unit or "").strip()
        self.period_start = check_iso_date(self.period_start)
        self.period_end = check_iso_date(self.period_end)
        _check_dates_in_order(self.period_start, self.period_end, "the period")
        self.baseline_start = check_iso_date(self.baseline_start)
        self.baseline_end = check_iso_date(self.baseline_end)
        _check_dates_in_order(self.baseline_start, self.baseline_end, "the baseline period")
        if self.baseline_value is not None:
            self.baseline_value = float(self.baseline_value)
        self.country_iso3 = _iso3(self.country_iso3)
        self.method_note = (self.method_note or "").strip()

    @property
    def change_percent(self) -> float | None:
        """Change against the baseline in percent (e.g. +67 for 664 against 398)."""
        return change_percent(self.value, self.baseline_value)


def change_percent(value: float, baseline: float | None) -> float | None:
    """The change from baseline to value in percent; None without a (non-zero) baseline.
    The store's SQL (listings.CHANGE_PERCENT) says the same; a test holds them together."""
    if not baseline:
        return None
    return (value - baseline) / baseline * 100.0
