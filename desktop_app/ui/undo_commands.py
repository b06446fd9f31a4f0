"""Undoable edits. Every change the user makes goes through one of these on the window's stack.

Deletion is soft in the store, so undoing an addition or a deletion flips deleted_at and the
record keeps its id and UUID.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop_app.store import records
from desktop_app.store.records import Record


class AddRecordCommand(QUndoCommand):
    def __init__(self, db, record: Record, on_change: Callable[[], None], text: str) -> None:
        super().__init__(text)
        self.db = db
        self.record = record
        self.on_change = on_change
        self.record_id: int | None = None

    def redo(self) -> None:
        if self.record_id is None:
            self.record_id = records.add(self.db, self.record)
        else:
            records.set_deleted(self.db, type(self.record), self.record_id, False)
        self.on_change()

    def undo(self) -> None:
        records.set_deleted(self.db, type(self.record), self.record_id, True)
        self.on_change()


class UpdateRecordCommand(QUndoCommand):
    def __init__(
        self, db, record_id: int, before: Record, after: Record, on_change, text: str
    ) -> None:
        super().__init__(text)
        self.db = db
        self.record_id = record_id
        self.before = before
        self.after = after
        self.on_change = on_change

    def redo(self) -> None:
        records.update(self.db, self.record_id, self.after)
        self.on_change()

    def undo(self) -> None:
        records.update(self.db, self.record_id, self.before)
        self.on_change()


class DeleteRecordCommand(QUndoCommand):
    def __init__(self, db, cls: type, record_id: int, on_change, text: str) -> None:
        super().__init__(text)
        self.db = db
        self.cls = cls
        self.record_id = record_id
        self.on_change = on_change

    def redo(self) -> None:
        records.set_deleted(self.db, self.cls, self.record_id, True)
        self.on_change()

    def undo(self) -> None:
        records.set_deleted(self.db, self.cls, self.record_id, False)
        self.on_change()


class AddManyCommand(QUndoCommand):
    """Several records created together (an article's commitments, event and source) as one
    undoable step. `create(db)` runs once, in one transaction, and returns what it added."""

    def __init__(self, db, create: Callable, on_change: Callable[[], None], text: str) -> None:
        super().__init__(text)
        self.db = db
        self.create = create
        self.on_change = on_change
        self.created: list[tuple[type, int]] | None = None

    def redo(self) -> None:
        if self.created is None:
            with self.db.atomic():
                self.created = self.create(self.db)
        else:
            with self.db.atomic():
                for cls, record_id in self.created:
                    records.set_deleted(self.db, cls, record_id, False)
        self.on_change()

    def undo(self) -> None:
        with self.db.atomic():
            for cls, record_id in reversed(self.created or []):
                records.set_deleted(self.db, cls, record_id, True)
        self.on_change()
