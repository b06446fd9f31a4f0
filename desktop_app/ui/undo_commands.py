"""Undoable edits. Every change the user makes is applied through the session first and then
pushed here, so a change that fails never reaches the stack; undo and redo revert the change
exactly through the session's change log (desktop_app/session/changes.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop_app.store.errors import StoreError

if TYPE_CHECKING:  # the session (sqlite-utils) loads when a file is opened, after the first paint
    from desktop_app.session import Change, Session


class ChangeCommand(QUndoCommand):
    """A change already applied; undo reverts it, redo reverts the revert."""

    def __init__(
        self,
        session: Session,
        change: Change,
        on_change: Callable[[], None],
        text: str,
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.session = session
        self.to_undo: Change | None = change
        self.to_redo: Change | None = None
        self.on_change = on_change
        self.on_error = on_error

    def redo(self) -> None:
        if self.to_redo is None:  # pushed right after the change was applied
            self.on_change()
            return
        self._revert(self.to_redo, undoing=False)

    def undo(self) -> None:
        self._revert(self.to_undo, undoing=True)

    def _revert(self, change: Change, undoing: bool) -> None:
        try:
            reverse = self.session.revert(change)
        except StoreError as error:
            # the file is as it was before this step; the step cannot be trusted any more
            self.setObsolete(True)
            self.on_error(str(error))
            return
        if undoing:
            self.to_redo = reverse
        else:
            self.to_undo = reverse
        self.on_change()


class RestoreCommand(QUndoCommand):
    """A whole-file step already done (an import), undone by putting back the copy made before
    it; the state after it is copied on the first undo, so that redo can put it back."""

    def __init__(
        self,
        session: Session,
        copy_before: Path,
        on_change: Callable[[], None],
        text: str,
        on_error: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self.session = session
        self.copy_before = copy_before
        self.copy_after: Path | None = None
        self.done_once = False
        self.on_change = on_change
        self.on_error = on_error

    def redo(self) -> None:
        if not self.done_once:
            self.done_once = True
            self.on_change()
            return
        self._restore(self.copy_after, f"Redone: {self.text()}")

    def undo(self) -> None:
        if self.copy_after is None:
            self.copy_after = self.session.new_snapshot_path()
            try:
                self.session.copy_to(self.session.db, self.copy_after)
            except StoreError as error:
                self.copy_after = None
                self.setObsolete(True)
                self.on_error(str(error))
                return
        self._restore(self.copy_before, f"Undone: {self.text()}")

    def _restore(self, copy: Path, logged_as: str) -> None:
        try:
            self.session.restore(copy, logged_as)
        except StoreError as error:
            self.setObsolete(True)
            self.on_error(str(error))
            return
        self.on_change()


def quoted(name: str, limit: int = 40) -> str:
    """A record's name for an undo text, shortened."""
    name = " ".join(name.split())
    return f"“{name[: limit - 1]}…”" if len(name) > limit else f"“{name}”"
