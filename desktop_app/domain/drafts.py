"""Drafts: records as an editor hands them over, before anything is written.

A draft's links may name records that do not exist yet (a country typed for the first time, a new
place, the web address of a new source). The session resolves them inside the same transaction
that writes the record, so a cancelled or refused edit writes nothing, and undoing the edit takes
the new actors, places and sources away with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.records import Commitment, Event, Place, Source, Statistic, StatusUpdate


@dataclass(frozen=True)
class NewState:
    """The state actor with this ISO 3166-1 alpha-3 code, found or created."""

    iso3: str


@dataclass(frozen=True)
class NewPlace:
    """A place found by name (and country, when given) among the live ones, or created."""

    place: Place


@dataclass(frozen=True)
class NewSource:
    """A source created with the record that cites it."""

    source: Source


ActorRef = int | NewState
PlaceRef = int | NewPlace
SourceRef = int | NewSource


@dataclass
class Draft:
    """A record whose links may still be references to resolve.

    actors: the parties of a commitment or the actors of an event, with their roles (None keeps
    the record's own); places: a commitment's places, or an event's or statistic's place (the
    first one); source: a status update's or statistic's source; sources: a commitment's
    sources (None keeps the record's own); quote_source: the source of a commitment's quote
    (None keeps the record's own).
    """

    record: Commitment | Event | StatusUpdate | Statistic
    actors: tuple[tuple[ActorRef, str], ...] | None = None
    places: tuple[PlaceRef, ...] | None = None
    source: SourceRef | None = None
    sources: tuple[SourceRef, ...] | None = None
    quote_source: SourceRef | None = None

    @property
    def name(self) -> str:
        """What the user calls this record (for undo texts)."""
        record = self.record
        return getattr(record, "title", None) or getattr(record, "label", "") or ""
