"""Resolving a draft's references into ids, inside the transaction that writes the record."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from desktop_app.domain.drafts import (
    ActorRef,
    Draft,
    NewPlace,
    NewSource,
    NewState,
    PlaceRef,
    SourceRef,
)
from desktop_app.domain.records import Commitment
from desktop_app.store.references import (
    find_or_create_place,
    find_or_create_source,
    find_or_create_state,
)

if TYPE_CHECKING:
    from sqlite_utils import Database

    from desktop_app.store.records import Record


def actor_id(db: Database, ref: ActorRef) -> int:
    return find_or_create_state(db, ref.iso3) if isinstance(ref, NewState) else int(ref)


def place_id(db: Database, ref: PlaceRef) -> int:
    return find_or_create_place(db, ref.place) if isinstance(ref, NewPlace) else int(ref)


def source_id(db: Database, ref: SourceRef) -> int:
    """A cited source: a known one's id, or a web address found among the live sources (the
    first citation of a page creates it)."""
    return find_or_create_source(db, ref.source) if isinstance(ref, NewSource) else int(ref)


def resolve(db: Database, draft: Draft) -> Record:
    """The draft's record with every reference replaced by the id it names (created if new)."""
    record = draft.record
    changes: dict = {}
    if draft.actors is not None:
        commitment = isinstance(record, Commitment)
        pairs: dict = {}
        for ref, role in draft.actors:
            found = actor_id(db, ref)
            # a commitment names each party once (its first role wins); an event may give an
            # actor several roles
            pairs.setdefault(found if commitment else (found, role), (found, role))
        changes["parties" if commitment else "actors"] = tuple(pairs.values())
    if draft.places is not None:
        ids = tuple(dict.fromkeys(place_id(db, ref) for ref in draft.places))
        if isinstance(record, Commitment):
            changes["place_ids"] = ids
        else:
            changes["place_id"] = ids[0] if ids else None
    if draft.source is not None:
        changes["source_id"] = source_id(db, draft.source)
    if draft.sources is not None:
        changes["source_ids"] = tuple(dict.fromkeys(source_id(db, ref) for ref in draft.sources))
    if draft.quote_source is not None:
        changes["quote_source_id"] = source_id(db, draft.quote_source)
    return dataclasses.replace(record, **changes) if changes else record
