"""Editing from the main window: new records through their editors, status updates, edits and
deletions, each pushed as an undo command on the window's stack."""

from __future__ import annotations

from desktop_app.domain.dates import today_iso
from desktop_app.domain.records import Commitment, Event, Statistic
from desktop_app.domain.status import STATUS_INFO
from desktop_app.store import records
from desktop_app.ui.tabs import TAB_COMMITMENTS, TAB_EVENTS, TAB_STATISTICS
from desktop_app.ui.undo_commands import AddRecordCommand, DeleteRecordCommand, UpdateRecordCommand


def _add_through(window, editor_cls, noun: str) -> AddRecordCommand | None:
    """Open an editor for a new record; push its creation as an undoable step."""
    editor = editor_cls(window.db, parent=window)
    if not editor.exec():
        return None
    record = editor.result_value
    name = getattr(record, "title", None) or getattr(record, "label", "")
    command = AddRecordCommand(window.db, record, window.refresh, f"New {noun} “{name}”")
    window.undo_stack.push(command)
    return command


def new_commitment(window) -> None:
    from desktop_app.ui.commitment_editor import CommitmentEditor

    command = _add_through(window, CommitmentEditor, "commitment")
    if command is not None:
        window.tabs.setCurrentIndex(TAB_COMMITMENTS)
        window.select_commitment(command.record_id)


def new_event(window) -> None:
    from desktop_app.ui.event_editor import EventEditor

    _add_through(window, EventEditor, "event")


def new_statistic(window) -> None:
    from desktop_app.ui.statistic_editor import StatisticEditor

    _add_through(window, StatisticEditor, "statistic")


def new_from_article(window) -> None:
    from desktop_app.ui.article_dialog import ArticleDialog
    from desktop_app.ui.undo_commands import AddManyCommand

    dialog = ArticleDialog(window)
    if dialog.exec():
        create, count = dialog.creator()
        window.undo_stack.push(
            AddManyCommand(
                window.db, create, window.refresh, f"New from article ({count} commitments)"
            )
        )
        window.tabs.setCurrentIndex(TAB_COMMITMENTS)


def update_status(window) -> None:
    from desktop_app.ui.status_dialog import StatusDialog

    commitment_id = window.selected_id(TAB_COMMITMENTS)
    if commitment_id is None:
        window.statusBar().showMessage("Select a commitment first, then update its status.", 5000)
        return
    dialog = StatusDialog(window.db, commitment_id, today_iso(), parent=window)
    if dialog.exec():
        update = dialog.result_value
        label = STATUS_INFO[update.status].label
        window.undo_stack.push(
            AddRecordCommand(window.db, update, window.refresh, f"Status: {label}")
        )


def edit_selected(window, *_args) -> None:
    tab = window.tabs.currentIndex()
    record_id = window.selected_id(tab)
    if record_id is None:
        return
    from desktop_app.ui.commitment_editor import CommitmentEditor
    from desktop_app.ui.event_editor import EventEditor
    from desktop_app.ui.statistic_editor import StatisticEditor

    cls, editor_cls = {
        TAB_COMMITMENTS: (Commitment, CommitmentEditor),
        TAB_EVENTS: (Event, EventEditor),
        TAB_STATISTICS: (Statistic, StatisticEditor),
    }[tab]
    before = records.get(window.db, cls, record_id)
    editor = editor_cls(window.db, before, parent=window)
    if editor.exec() and editor.result_value != before:
        window.undo_stack.push(
            UpdateRecordCommand(
                window.db,
                record_id,
                before,
                editor.result_value,
                window.refresh,
                f"Edit {cls.__name__.lower()}",
            )
        )


def delete_selected(window) -> None:
    tab = window.tabs.currentIndex()
    record_id = window.selected_id(tab)
    cls = {TAB_COMMITMENTS: Commitment, TAB_EVENTS: Event, TAB_STATISTICS: Statistic}.get(tab)
    if record_id is None or cls is None:
        return
    window.undo_stack.push(
        DeleteRecordCommand(
            window.db, cls, record_id, window.refresh, f"Delete {cls.__name__.lower()}"
        )
    )
    window.statusBar().showMessage("Deleted. Undo with Ctrl+Z.", 5000)
