"""Editing from the main window: new records through their editors, status updates, edits and
deletions. Each is applied through the session when the user presses OK (a refusal keeps the
editor open with the reason) and then pushed as an undoable step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.dates import today_iso
from desktop_app.domain.drafts import Draft
from desktop_app.domain.records import Commitment, Event, Statistic
from desktop_app.store import listings, records
from desktop_app.ui.i18n import status_label, translate
from desktop_app.ui.tabs import TAB_COMMITMENTS, TAB_EVENTS, TAB_STATISTICS
from desktop_app.ui.undo_commands import ChangeCommand, quoted

if TYPE_CHECKING:  # the session (sqlite-utils) loads when a file is opened, after the first paint
    from desktop_app.session import Change

#: undo step names (new, edit, delete) for each kind of record, translated when pushed; one
#: template a kind, since other languages inflect the noun and its article
STEP_TEXTS = {
    Commitment: (
        QT_TRANSLATE_NOOP("RecordActions", "New commitment {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Edit commitment {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Delete commitment {name}"),
    ),
    Event: (
        QT_TRANSLATE_NOOP("RecordActions", "New event {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Edit event {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Delete event {name}"),
    ),
    Statistic: (
        QT_TRANSLATE_NOOP("RecordActions", "New statistic {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Edit statistic {name}"),
        QT_TRANSLATE_NOOP("RecordActions", "Delete statistic {name}"),
    ),
}
NEW, EDIT, DELETE = range(3)


def step_text(cls: type, step: int, name: str) -> str:
    """An undo step's name in the interface's language, e.g. New event "Summit"."""
    return translate("RecordActions", STEP_TEXTS[cls][step]).format(name=quoted(name))


#: the window's commands that are functions of this module of the same name
WINDOW_EDITS = ("new_commitment", "new_event", "new_statistic", "update_status", "change_analyst")


def push_change(window, change: Change, text: str) -> None:
    """Put a change already applied on the undo stack (and refresh the window)."""

    def failed(message: str) -> None:
        QMessageBox.warning(window, translate("RecordActions", "Not undone"), message)

    window.undo_stack.push(ChangeCommand(window.session, change, window.refresh, text, failed))


def _record_of(item):
    return item.record if isinstance(item, Draft) else item


def _name(item) -> str:
    record = _record_of(item)
    return getattr(record, "title", None) or getattr(record, "label", "") or ""


def _add_through(window, editor) -> int | None:
    """Show an editor for a new record; its OK adds the record. Returns the new id."""
    added: dict = {}

    def save(item) -> None:
        added["id"], added["change"] = window.session.add(item)

    editor.save = save
    if not editor.exec():
        return None
    kind = type(_record_of(editor.result_value))
    push_change(window, added["change"], step_text(kind, NEW, _name(editor.result_value)))
    return added["id"]


def new_commitment(window) -> None:
    from desktop_app.ui.commitment_editor import CommitmentEditor

    editor = CommitmentEditor(window.db, parent=window, made_on=window.as_of)
    record_id = _add_through(window, editor)
    if record_id is not None:
        window.tabs.setCurrentIndex(TAB_COMMITMENTS)
        window.select_commitment(record_id)


def new_event(window) -> None:
    from desktop_app.ui.event_editor import EventEditor

    _add_through(window, EventEditor(window.db, parent=window, date=window.as_of))


def new_statistic(window) -> None:
    from desktop_app.ui.statistic_editor import StatisticEditor

    _add_through(window, StatisticEditor(window.db, parent=window))


def new_from_article(window) -> None:
    from desktop_app.ui.article_dialog import ArticleDialog

    dialog = ArticleDialog(window)
    added: dict = {}

    def save(plan) -> None:
        added["count"], added["change"] = window.session.apply(plan.write)

    dialog.save = save
    if dialog.exec():
        count = added["count"]
        push_change(
            window,
            added["change"],
            translate("RecordActions", "New from article ({count} commitments)").format(
                count=count
            ),
        )
        window.tabs.setCurrentIndex(TAB_COMMITMENTS)


def update_status(window) -> None:
    from desktop_app.ui.status_dialog import StatusDialog

    commitment_id = window.selected_id(TAB_COMMITMENTS)
    if commitment_id is None:
        window.statusBar().showMessage(
            translate("RecordActions", "Select a commitment first, then update its status."), 5000
        )
        return
    detail = listings.commitment_detail(window.db, commitment_id) or {"title": ""}
    dialog = StatusDialog(window.db, commitment_id, window.as_of or today_iso(), parent=window)
    added: dict = {}

    def save(draft) -> None:
        _, added["change"] = window.session.add(draft)

    dialog.save = save
    if dialog.exec():
        label = status_label(dialog.result_value.record.status)
        text = translate("RecordActions", "Status {status} for {title}")
        push_change(
            window, added["change"], text.format(status=label, title=quoted(detail["title"]))
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
    edited: dict = {}

    def save(item) -> None:
        change = window.session.update(record_id, item)
        if records.get(window.db, cls, record_id) == before:
            window.session.revert(change)  # nothing changed: no step to undo
        else:
            edited["change"] = change

    editor.save = save
    if editor.exec() and "change" in edited:
        push_change(window, edited["change"], step_text(cls, EDIT, _name(before)))


def delete_selected(window) -> None:
    tab = window.tabs.currentIndex()
    record_id = window.selected_id(tab)
    cls = {TAB_COMMITMENTS: Commitment, TAB_EVENTS: Event, TAB_STATISTICS: Statistic}.get(tab)
    if record_id is None or cls is None:
        return
    name = _name(records.get(window.db, cls, record_id))
    from desktop_app.store.errors import StoreError

    try:
        change = window.session.set_deleted(cls, record_id)
    except StoreError as error:
        QMessageBox.warning(window, translate("RecordActions", "Not deleted"), str(error))
        return
    push_change(window, change, step_text(cls, DELETE, name))
    window.statusBar().showMessage(translate("RecordActions", "Deleted. Undo with Ctrl+Z."), 5000)


def change_analyst(window) -> None:
    """Edit > Analyst name…: who the change log says makes the changes."""
    from desktop_app.ui.analyst import change_name

    change_name(window)
