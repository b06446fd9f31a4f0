"""Merging a colleague's file (THEIRS) into the open one (MINE): the plan, shown before anything
is written. merge_apply.py writes it in one transaction.

Records match by UUID. Actors, places and sources (the records others point at) also match by
their natural key (exchange/natural_keys.py) when each file holds exactly one live record with
that key and neither record is matched by UUID: the pair becomes one record under the smaller
of the two UUIDs, so that merging A into B and B into A name it alike. A record on both sides
with different values is decided by its version: the later updated_at wins, then (saved in the
same second) the higher id of the file the version was saved in, then the greater content, so
every file reaches the same winner in any order. The winner's values are taken field by field;
each value that loses is kept in the merge_conflicts table. Links (parties, places, sources of
a commitment ...) are one more field of the record that owns them. Soft deletion is the
deleted_at field: a change like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.exchange.merge_schema import MergeSchema, RecordTable, read_merge_schema
from desktop_app.exchange.natural_keys import reference_key
from desktop_app.store.errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

#: fields whose difference is bookkeeping, not a conflict a person needs to see
STAMPS = ("updated_at",)
LABEL_COLUMNS = ("title", "name", "label", "url")


@dataclass(frozen=True)
class FieldConflict:
    """One field a record holds with different values in the two files."""

    table: str
    uuid: str
    label: str  # the record, in words
    field: str
    yours: object
    theirs: object
    winner: str  # "yours" or "theirs"
    reason: str  # why it won
    lost_updated_at: str

    def sentence(self) -> str:
        return (
            f"'{field_words(self.table, self.field)} of {self.label}': yours "
            f"{shown(self.yours)}, theirs {shown(self.theirs)} ({self.reason})"
        )


@dataclass
class RecordChange:
    """A record of theirs to write into mine: a new one, or their version of one both hold."""

    table: str
    uuid: str
    values: dict  # canonical: references as UUIDs, links as sorted tuples of UUIDs and roles
    created_at: str
    origin: str  # the id of the file this version was saved in
    label: str
    is_new: bool
    visible: bool = True  # False when only the stamp differs


@dataclass
class MergePlan:
    theirs_path: str
    mine_file_id: str
    theirs_file_id: str
    changes: list[RecordChange] = field(default_factory=list)
    renames: list[tuple[str, str, str]] = field(default_factory=list)  # table, old, new uuid
    created_at: list[tuple[str, str, str]] = field(default_factory=list)  # table, uuid, stamp
    conflicts: list[FieldConflict] = field(default_factory=list)
    # (table, uuid, updated_at, file id): a version both hold alike, saved in a file of a higher
    # id than yours says; kept, so that a later tie is broken as it would be in their file
    origins: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(1 for c in self.changes if c.is_new)

    @property
    def updated(self) -> int:
        return sum(1 for c in self.changes if not c.is_new and c.visible)

    def added_by_table(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes:
            if change.is_new:
                counts[change.table] = counts.get(change.table, 0) + 1
        return counts

    def new_in_words(self) -> str:
        """'1 commitment, 2 status updates': what the new records are."""
        return ", ".join(
            f"{n} {table.replace('_', ' ') if n != 1 else table.rstrip('s').replace('_', ' ')}"
            for table, n in self.added_by_table().items()
        )

    @property
    def writes_anything(self) -> bool:
        return bool(self.changes or self.renames or self.created_at)

    def summary(self, shown_conflicts: int = 3) -> str:
        """'14 new, 3 updated, 1 conflict: ...' in one paragraph."""
        n = len(self.conflicts)
        text = f"{self.added} new, {self.updated} updated, {n} conflict{'s' * (n != 1)}"
        if n and shown_conflicts:
            listed = [c.sentence() for c in self.conflicts[:shown_conflicts]]
            more = f"; and {n - shown_conflicts} more" if n > shown_conflicts else ""
            text += ": " + "; ".join(listed) + more
        return text + "."


class Side:
    """One file's records as the merge compares them, read once."""

    def __init__(self, db: Database, schema: MergeSchema) -> None:
        self.rows: dict[str, dict[str, dict]] = {}
        self.uuid_of: dict[str, dict[int, str]] = {}
        for table in schema.tables:
            cursor = db.execute(f"SELECT * FROM {table.name}")
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor]
            self.rows[table.name] = {r["uuid"]: r for r in rows}
            self.uuid_of[table.name] = {r["id"]: r["uuid"] for r in rows}
        self.links: dict[str, dict[str, set[tuple]]] = {}
        for link in schema.links:
            owned: dict[str, set[tuple]] = {}
            columns = ", ".join((link.owner_column, *link.columns))
            for owner_id, *values in db.execute(f"SELECT {columns} FROM {link.name}"):
                targets = [
                    self.uuid_of[table].get(value) if value is not None else None
                    for table, value in zip(link.references.values(), values, strict=False)
                ]
                owner = self.uuid_of[link.owner_table].get(owner_id)
                if owner is None or any(
                    t is None and v is not None for t, v in zip(targets, values, strict=False)
                ):
                    continue  # a link to nothing (a file written without foreign keys)
                row = (*targets, *values[len(link.references) :])
                owned.setdefault(owner, set()).add(row)
            self.links[link.name] = owned
        self.file_id = db.execute("SELECT file_id FROM file_identity").fetchone()[0]
        self.origins = {
            (table, uuid): (stamp, file_id)
            for table, uuid, stamp, file_id in db.execute(
                "SELECT table_name, uuid, updated_at, file_id FROM version_origins"
            )
        }
        self.canonical: dict[tuple[str, str], str] = {}  # (table, own uuid) -> merged uuid

    def uuid(self, table: str, own: str) -> str:
        return self.canonical.get((table, own), own)

    def origin(self, table: str, uuid: str) -> str:
        """The file a version was saved in: where a merge brought it from, else this one."""
        stamp = self.rows[table][uuid]["updated_at"]
        kept = self.origins.get((table, uuid))
        return kept[1] if kept is not None and kept[0] == stamp else self.file_id


class MergeCancelled(Exception):
    """The user cancelled the merge (or its preview): nothing was written."""


Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


def plan_merge(
    mine: Database, theirs: Database, theirs_path: str = "", report: Progress | None = None
) -> MergePlan:
    """What merging theirs into mine would do; reads both, writes nothing. report(done, total)
    is called after each file is read and each table compared; False cancels (MergeCancelled)."""
    schema = read_merge_schema(mine)
    _refuse_too_large(schema, mine, theirs)
    total = 2 + len(schema.tables)

    def step(done: int) -> None:
        if report is not None and not report(done, total):
            raise MergeCancelled

    my_side = Side(mine, schema)
    step(1)
    their_side = Side(theirs, schema)
    step(2)
    plan = MergePlan(theirs_path, my_side.file_id, their_side.file_id)
    for table in schema.tables:
        _match_natural_keys(table.name, my_side, their_side)
    labels = _Labels(schema, my_side, their_side)
    for done, table in enumerate(schema.tables, start=3):
        mine_by_uuid = {my_side.uuid(table.name, u): u for u in my_side.rows[table.name]}
        for their_uuid in their_side.rows[table.name]:
            uuid = their_side.uuid(table.name, their_uuid)
            own = mine_by_uuid.get(uuid)
            if own is not None and own != uuid:
                plan.renames.append((table.name, own, uuid))
            _decide(plan, schema, table, (my_side, own), (their_side, their_uuid), labels)
        step(done)
    return plan


#: records of both files a merge holds in memory at once (about 2 KB each)
MOST_RECORDS = 500_000


def _refuse_too_large(schema: MergeSchema, mine: Database, theirs: Database) -> None:
    count = sum(
        db.execute(f"SELECT COUNT(*) FROM {table.name}").fetchone()[0]
        for db in (mine, theirs)
        for table in schema.tables
    )
    if count > MOST_RECORDS:
        raise StoreError(
            f"The two files hold {count:,} records together; this version merges up to "
            f"{MOST_RECORDS:,} (it compares them in memory), so nothing was merged."
        )


def _match_natural_keys(table: str, mine: Side, theirs: Side) -> None:
    """Pair the live records of a reference table that only their natural key ties together."""

    def unique_keys(side: Side, other: Side) -> dict[tuple, str]:
        found: dict[tuple, list[str]] = {}
        for uuid, row in side.rows[table].items():
            key = reference_key(table, row)
            if key is not None and row["deleted_at"] is None:
                found.setdefault(key, []).append(uuid)
        # one live record with the key, and not already matched by its UUID
        return {
            key: uuids[0]
            for key, uuids in found.items()
            if len(uuids) == 1 and uuids[0] not in other.rows[table]
        }

    my_keys = unique_keys(mine, theirs)
    for key, their_uuid in unique_keys(theirs, mine).items():
        my_uuid = my_keys.get(key)
        if my_uuid is not None:
            merged = min(my_uuid, their_uuid)
            mine.canonical[(table, my_uuid)] = theirs.canonical[(table, their_uuid)] = merged


def canonical_values(schema: MergeSchema, table: RecordTable, side: Side, uuid: str) -> dict:
    """A record's fields with references as merged UUIDs, and its links as sorted tuples."""
    row = side.rows[table.name][uuid]
    values = {}
    for name in table.fields:
        value = row[name]
        if name in table.references and value is not None:
            target = table.references[name]
            found = side.uuid_of[target].get(value)  # None: it points at nothing
            value = side.uuid(target, found) if found is not None else None
        values[name] = value
    for link in schema.links_of(table.name):
        targets = tuple(link.references.values())
        rows = [
            tuple(
                side.uuid(targets[i], v) if i < len(targets) and v is not None else v
                for i, v in enumerate(values_)
            )
            for values_ in side.links[link.name].get(uuid, ())
        ]
        values[link.name] = tuple(sorted(rows, key=repr))
    return values


def _decide(plan: MergePlan, schema, table, mine: tuple, theirs: tuple, labels) -> None:
    (my_side, my_uuid), (their_side, their_uuid) = mine, theirs
    uuid = their_side.uuid(table.name, their_uuid)
    ours = canonical_values(schema, table, their_side, their_uuid)
    their_row = their_side.rows[table.name][their_uuid]
    origin = their_side.origin(table.name, their_uuid)
    label = labels.of(table.name, uuid)
    if my_uuid is None:
        plan.changes.append(
            RecordChange(table.name, uuid, ours, their_row["created_at"], origin, label, True)
        )
        return
    yours = canonical_values(schema, table, my_side, my_uuid)
    my_row = my_side.rows[table.name][my_uuid]
    if their_row["created_at"] < my_row["created_at"]:
        plan.created_at.append((table.name, uuid, their_row["created_at"]))
    my_origin = my_side.origin(table.name, my_uuid)
    if yours == ours:
        if origin > my_origin:
            plan.origins.append((table.name, uuid, ours["updated_at"], origin))
        return
    my_version = (yours["updated_at"], my_origin, repr(yours))
    their_version = (ours["updated_at"], origin, repr(ours))
    theirs_win = their_version > my_version
    reason = _reason(my_version, their_version, theirs_win)
    differing = [n for n in yours if yours[n] != ours[n] and n not in STAMPS]
    lost = my_version[0] if theirs_win else their_version[0]
    for name in differing:
        mine_words, their_words = labels.both(table.name, name, yours[name], ours[name])
        plan.conflicts.append(
            FieldConflict(
                table.name, uuid, label, name, mine_words, their_words,
                "theirs" if theirs_win else "yours", reason, lost,
            )
        )  # fmt: skip
    if theirs_win:
        change = RecordChange(
            table.name, uuid, ours, my_row["created_at"], origin, label, False, bool(differing)
        )
        plan.changes.append(change)


def _reason(mine: tuple, theirs: tuple, theirs_win: bool) -> str:
    side = "theirs" if theirs_win else "yours"
    if mine[0] != theirs[0]:
        return f"{side} is newer"
    if mine[1] != theirs[1]:
        return f"saved in the same second; {side} wins by file id"
    return f"saved in the same second in the same file; {side} wins by content"


class _Labels:
    """Records and values in words, for the preview and the conflicts log."""

    def __init__(self, schema: MergeSchema, mine: Side, theirs: Side) -> None:
        self.schema = schema
        self.rows: dict[tuple[str, str], dict] = {}
        for side in (theirs, mine):  # yours last: your own words name a record shared by both
            for table, rows in side.rows.items():
                for uuid, row in rows.items():
                    self.rows[(table, side.uuid(table, uuid))] = (row, side)

    def of(self, table: str, uuid: str, depth: int = 0) -> str:
        found = self.rows.get((table, uuid))
        if found is None:
            return uuid[:8]
        row, side = found
        for name in LABEL_COLUMNS:
            if row.get(name):
                return str(row[name])
        references = self.schema.table(table).references
        for column, target in references.items():
            own = side.uuid_of[target].get(row.get(column))
            if own is not None and depth < 2:
                target_uuid = side.uuid(target, own)
                what = table.rstrip("s").replace("_", " ")
                when = f" on {row['date']}" if row.get("date") else ""
                return f"{what}{when} of {self.of(target, target_uuid, depth + 1)}"
        return uuid[:8]

    def both(self, table: str, name: str, yours: object, theirs: object) -> tuple:
        """Two differing values in words; two records of the same name get their UUID's start,
        so that the difference shows."""
        words = self.value(table, name, yours), self.value(table, name, theirs)
        if words[0] == words[1] and name in self.schema.table(table).references:
            return tuple(f"{w} ({v[:8]})" for w, v in zip(words, (yours, theirs), strict=True))
        if words[0] == words[1]:
            return self.value(table, name, yours, True), self.value(table, name, theirs, True)
        return words

    def value(self, table: str, name: str, value: object, with_ids: bool = False) -> object:
        """A reference as the record's name, a link set as its names; other values as they are."""
        record = self.schema.table(table)
        if name in record.references and value is not None:
            return self.of(record.references[name], value)
        link = next((k for k in self.schema.links_of(table) if k.name == name), None)
        if link is None:
            return value
        targets = tuple(link.references.values())
        return [
            " ".join(
                self.of(targets[i], v) + (f" ({v[:8]})" if with_ids else "")
                if i < len(targets) and v is not None
                else str(v)
                for i, v in enumerate(row)
            )
            for row in value
        ]


def field_words(table: str, name: str) -> str:
    """deadline -> Deadline; origin_event_id -> Origin event; commitment_parties -> Parties."""
    owner = table.rstrip("s") + "_"
    words = name.removeprefix(owner).removesuffix("_id").replace("_", " ")
    return words[:1].upper() + words[1:]


def shown(value: object) -> str:
    if value is None or value == "" or value == []:
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
