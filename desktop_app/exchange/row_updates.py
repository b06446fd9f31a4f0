"""A row that updates a record it names by UUID: the fields and links its file carries replace
the stored ones; everything the file has no column for (and links to deleted records, which no
export lists) is kept."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from desktop_app.domain.records import Commitment, Event, Place, Statistic, StatusUpdate
from desktop_app.exchange.row_builders import EVENT_ACTOR_COLUMNS, PARTY_COLUMNS

if TYPE_CHECKING:
    from sqlite_utils import Database


# The columns that carry each field of a record; a field not listed is carried by the column of
# its own name, and parties and event actors by the columns of their role.
CARRIERS: dict[type, dict[str, tuple[str, ...]]] = {
    Place: {"country_iso3": ("country",)},
    Commitment: {
        "place_ids": ("places", "place_uuids"),
        "source_ids": ("sources", "source_uuids"),
        "origin_event_id": ("origin_event_uuid",),
        "quote_source_id": ("quote_source", "quote_source_uuid"),
    },
    Event: {
        "place_id": ("place", "place_uuid"),
        "source_ids": ("source", "sources", "source_uuids"),
    },
    StatusUpdate: {
        "commitment_id": ("commitment_uuid",),
        "actor_id": ("party", "party_uuid"),
        "source_id": ("source", "source_uuid"),
        "evidence_event_id": ("evidence_event_uuid",),
    },
    Statistic: {
        "place_id": ("place", "place_uuid"),
        "country_iso3": ("country",),
        "source_id": ("source", "source_uuid"),
    },
}
ROLE_FIELDS = {Commitment: ("parties", PARTY_COLUMNS), Event: ("actors", EVENT_ACTOR_COLUMNS)}
# link field -> the table of the records it points at
LINK_TARGETS: dict[type, dict[str, str]] = {
    Commitment: {
        "parties": "actors",
        "place_ids": "places",
        "source_ids": "sources",
        "origin_event_id": "events",
        "quote_source_id": "sources",
    },
    Event: {"actors": "actors", "source_ids": "sources", "place_id": "places"},
    StatusUpdate: {"actor_id": "actors", "source_id": "sources", "evidence_event_id": "events"},
    Statistic: {"place_id": "places", "source_id": "sources"},
}


def _target(item) -> int:
    return item[0] if isinstance(item, tuple) else item


class UpdateMerger:
    """What a row (made into a record) makes of the record it names by UUID, for one import.

    A field none of whose columns the file has keeps its current value (a file of a few
    columns changes those and nothing else), and so do the links to deleted records, which no
    export lists."""

    def __init__(self, db: Database, cls: type, covered: frozenset[str]) -> None:
        self.db = db
        carriers = CARRIERS.get(cls, {})
        self.role_field, role_columns = ROLE_FIELDS.get(cls, (None, {}))
        self.kept_roles = {
            role for role, columns in role_columns.items() if not covered & set(columns)
        }
        self.kept_fields = [
            f.name
            for f in dataclasses.fields(cls)
            if f.name not in ("uuid", self.role_field)
            and not covered & set(carriers.get(f.name, (f.name,)))
        ]
        # links whose target table holds deleted records (none: nothing to keep, no queries)
        self.links = {
            name: table
            for name, table in LINK_TARGETS.get(cls, {}).items()
            if db.execute(f"SELECT 1 FROM {table} WHERE deleted_at IS NOT NULL LIMIT 1").fetchone()
        }

    def merged(self, record, current):
        """record with current's kept fields and deleted links; ValueError if the record so
        made is not valid (a kept deadline before a new date made, say)."""
        values = dict(vars(record))
        changed = False
        for name in self.kept_fields:
            if values[name] != getattr(current, name):
                values[name], changed = getattr(current, name), True
        if self.role_field and self.kept_roles:
            given = {pair[0] for pair in values[self.role_field]}
            kept = tuple(
                pair
                for pair in getattr(current, self.role_field)
                if pair[1] in self.kept_roles and pair[0] not in given
            )
            if kept:
                values[self.role_field], changed = values[self.role_field] + kept, True
        for name, table in self.links.items():
            old, new = getattr(current, name), values[name]
            if isinstance(old, tuple):
                gone = _deleted(self.db, table, [_target(item) for item in old])
                given = {_target(item) for item in new}
                kept = tuple(
                    item for item in old if _target(item) in gone and _target(item) not in given
                )
                if kept:
                    values[name], changed = tuple(new) + kept, True
            elif old is not None and new is None and _deleted(self.db, table, [old]):
                values[name], changed = old, True
        return type(record)(**values) if changed else record


def _deleted(db: Database, table: str, ids: list[int]) -> set[int]:
    """Those of ids whose record in table is deleted."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    sql = f"SELECT id FROM {table} WHERE deleted_at IS NOT NULL AND id IN ({marks})"
    return {row[0] for row in db.execute(sql, ids)}
