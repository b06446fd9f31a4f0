"""Checked rows on their way to the database: new records written in one go, known ones (by
UUID, or by natural key for rows without one) updated or left, the statuses rows carry
recorded; once a problem is found nothing more is written, and a dry run only counts."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from desktop_app.exchange import natural_keys
from desktop_app.exchange.import_result import ImportResult, Problem, column_of
from desktop_app.exchange.row_updates import UpdateMerger
from desktop_app.exchange.status_cells import RowStatus, StatusRecorder
from desktop_app.store import bulk, records

if TYPE_CHECKING:
    from sqlite_utils import Database

OUTCOMES_KEPT = 100  # rows whose outcome is kept for the preview


class Batch:
    """Checked rows waiting to be written: new records in one go, known UUIDs one by one
    (update or leave). Once a problem is found nothing will be kept, so nothing more is
    written; a dry run only counts."""

    def __init__(self, db: Database, cls: type, result: ImportResult, dry_run: bool) -> None:
        self.db, self.cls, self.result, self.dry_run = db, cls, result, dry_run
        self.pending: list[tuple[int, str, object]] = []  # (line, uuid, record)
        self.covered: frozenset[str] = frozenset()  # the fields the file's rows carry
        self._merger: UpdateMerger | None = None
        self._keys_seen: dict[tuple, int] = {}  # natural key -> line, of rows with no UUID
        self.statuses: dict[int, RowStatus] = {}  # line -> the status its cells give
        self.recorder: StatusRecorder | None = None  # set for a file of commitments
        self._empty: bool | None = None  # the table had no rows when the import began
        self._matched: set[str] = set()  # UUIDs rows were given by their natural key

    def write(self) -> None:
        pending, self.pending = self.pending, []
        if not pending or self.result.problems:
            return
        if self._empty is None:  # (asked inside the import's transaction)
            self._empty = bulk.is_empty(self.db, self.cls)
        pending = self._match_natural_keys(pending)
        if pending is None:
            return
        present = bulk.uuids_present(self.db, self.cls, self._to_look_up(pending))
        new = []
        for line, uuid, record in pending:
            if uuid and uuid in present:
                try:
                    self._note(line, self._update_existing(record, uuid, present[uuid]))
                    self._record_status(line, present[uuid])
                except ValueError as error:
                    self._problem(line, column_of(error), str(error))
                    return
                except (sqlite3.IntegrityError, OverflowError) as error:  # checks prevent it
                    self._problem(line, "", f"the row cannot be written ({error})")
                    return
            else:
                record.uuid = uuid or None
                new.append(record)
                self._note(line, "new")
        if not self.dry_run:
            try:
                bulk.add_records(self.db, new)
            except (sqlite3.IntegrityError, OverflowError) as error:  # checks prevent it
                first, last = pending[0][0], pending[-1][0]
                self._problem(
                    first, "", f"the rows of lines {first} to {last} cannot be written ({error})"
                )
                return
        self.result.added += len(new)
        if self.statuses and new:
            added = (
                {}
                if self.dry_run
                else bulk.uuids_present(self.db, self.cls, [record.uuid for record in new])
            )
            for line, uuid, record in pending:
                if uuid and uuid in present:
                    continue
                if uuid:  # a record of ours coming back (its history is in status_updates)
                    self.statuses.pop(line, None)
                    continue
                try:
                    self._record_status(line, added.get(record.uuid))
                except ValueError as error:
                    self._problem(line, column_of(error), str(error))
                    return

    def _to_look_up(self, pending: list[tuple]) -> list[str]:
        """The UUIDs of pending that may be in the table already. In a table that was empty
        when the import began, the only records are those of this import, whose UUIDs are
        the file's (each given once, the rows check): only UUIDs rows were given by their
        natural key (an earlier row's) can be there."""
        if self._empty:
            return [uuid for _, uuid, _ in pending if uuid and uuid in self._matched]
        return [uuid for _, uuid, _ in pending if uuid]

    def _record_status(self, line: int, commitment_id: int | None) -> None:
        status = self.statuses.pop(line, None)
        if status is not None and self.recorder is not None:
            before = self.recorder.added
            self.recorder.record(commitment_id, status)
            self.result.statuses_added = self.recorder.added
            if self.recorder.added > before and line in self.result.outcomes:
                self.result.outcomes[line] += "+status"

    def _match_natural_keys(self, pending: list[tuple]) -> list[tuple] | None:
        """Rows with no UUID given the UUID of the live record with their natural key (a
        re-imported spreadsheet updates what it added); None after a problem: a row that
        repeats an earlier one, or that matches more than one record."""
        unnamed = [(n, record) for n, (_, uuid, record) in enumerate(pending) if not uuid]
        keyed = [(n, natural_keys.key_of(record)) for n, record in unnamed]
        keyed = [(n, key) for n, key in keyed if key is not None]
        if not keyed:
            return pending
        existing = natural_keys.existing_by_key(self.db, self.cls, [key for _, key in keyed])
        noun, same = self.cls.__name__.lower(), natural_keys.DESCRIBED_BY[self.cls]
        pending = list(pending)
        for n, key in keyed:
            line, _uuid, record = pending[n]
            earlier = self._keys_seen.setdefault(key, line)
            matches = existing.get(key, [])
            if earlier != line:
                self._problem(line, "", f"repeats the {noun} of line {earlier} (same {same})")
                return None
            if len(matches) > 1:
                self._problem(
                    line,
                    "",
                    f"matches {len(matches)} {noun}s already recorded (same {same}); add a "
                    "uuid column to say which one it is",
                )
                return None
            if matches:
                pending[n] = (line, matches[0][1], record)
                self._matched.add(matches[0][1])
        return pending

    def _problem(self, line: int, column: str, reason: str) -> None:
        self.result.problems.append(Problem(line, column, reason))

    def _note(self, line: int, outcome: str) -> None:
        if len(self.result.outcomes) < OUTCOMES_KEPT:
            self.result.outcomes[line] = outcome

    def _update_existing(self, record, uuid: str, existing: int) -> str:
        """A row whose UUID is known updates that record, unless nothing changed. Fields the
        file has no column for, and links to deleted records (which no export lists), are kept
        as they are. ValueError if the record so made is not valid."""
        current = records.get(self.db, self.cls, existing)
        if self._merger is None:
            self._merger = UpdateMerger(self.db, self.cls, self.covered)
        record = self._merger.merged(record, current)
        record.uuid = uuid
        if _same(current, record) and _is_live(self.db, self.cls, existing):
            self.result.unchanged += 1
            return "unchanged"
        if not self.dry_run:
            records.update(self.db, existing, record)
            records.set_deleted(self.db, self.cls, existing, False)
        self.result.updated += 1
        return "update"


def _same(a, b) -> bool:
    """Equal records, ignoring the order of links (a CSV groups parties by role)."""

    def normal(record) -> dict:
        values = dict(vars(record))
        for name in records.LINKS.get(type(record), {}):
            values[name] = tuple(sorted(values[name]))
        return values

    return normal(a) == normal(b)


def _is_live(db: Database, cls: type, record_id: int) -> bool:
    table = records.TABLE_OF[cls]
    row = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [record_id]).fetchone()
    return row is not None and row[0] is None
