"""The change log: every insert, update and soft delete of a record made through the session is
logged in the same transaction with the time, table, record UUID, field, old and new values and
the analyst's name; undo and redo are logged as changes back; a write that fails logs nothing;
an import logs one entry; the log is exported as its own CSV table and shown in the detail
panel's Changes view."""

from __future__ import annotations

import csv
import json

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.records import Commitment, Event, StatusUpdate
from desktop_app.exchange.csv_export import export_rows, export_to_file
from desktop_app.session import Session
from desktop_app.store import records
from desktop_app.store.errors import StoreError
from desktop_app.ui import settings
from desktop_app.ui.analyst import AnalystDialog, ask_once
from desktop_app.ui.main_window import TAB_COMMITMENTS
from tests.ui_helpers import when_modal_opens

COLUMNS = "analyst, table_name, record_uuid, action, field, old_value, new_value"


@pytest.fixture
def session(db_path):
    opened = Session.open(db_path, analyst="Ana Analyst")
    yield opened
    opened.close()


def entries(db, after: int = 0) -> list[tuple]:
    return [
        tuple(r)
        for r in db.execute(
            f"SELECT {COLUMNS} FROM record_changes WHERE id > ? ORDER BY id", [after]
        )
    ]


def last_id(db) -> int:
    return db.execute("SELECT COALESCE(MAX(id), 0) FROM record_changes").fetchone()[0]


def add_commitment(session: Session, title: str = "Reopen the crossing") -> tuple[int, str]:
    commitment_id, _ = session.add(Commitment(title=title, made_on="2024-03-05"))
    uuid = session.db.execute(
        "SELECT uuid FROM commitments WHERE id = ?", [commitment_id]
    ).fetchone()[0]
    return commitment_id, uuid


def test_an_insert_is_logged_with_the_new_values_and_the_analyst(session):
    _, uuid = add_commitment(session)
    [(analyst, table, record, action, field, old, new)] = entries(session.db)
    assert (analyst, table, record, action, field, old) == (
        "Ana Analyst",
        "commitments",
        uuid,
        "insert",
        None,
        None,
    )
    added = json.loads(new)
    assert added["title"] == "Reopen the crossing"
    assert added["made_on"] == "2024-03-05"
    stamp = session.db.execute("SELECT created_at FROM record_changes").fetchone()[0]
    assert stamp[:2] == "20" and stamp.endswith("+00:00")


def test_an_update_logs_each_changed_field_with_old_and_new_values(session):
    commitment_id, uuid = add_commitment(session)
    mark = last_id(session.db)
    session.update(
        commitment_id,
        Commitment(title="Reopen Torkham", made_on="2024-03-05", deadline="2024-03-19"),
    )
    who = ("Ana Analyst", "commitments", uuid, "update")
    assert entries(session.db, mark) == [
        (*who, "title", "Reopen the crossing", "Reopen Torkham"),
        (*who, "deadline", None, "2024-03-19"),
    ]


def test_a_soft_delete_and_its_undo_are_logged(session):
    commitment_id, uuid = add_commitment(session)
    mark = last_id(session.db)
    delete = session.set_deleted(Commitment, commitment_id)
    [(_, table, record, action, field, old, new)] = entries(session.db, mark)
    assert (table, record, action, field, old) == (
        "commitments",
        uuid,
        "delete",
        "deleted_at",
        None,
    )
    assert new is not None  # the time of the deletion
    mark = last_id(session.db)
    session.revert(delete)  # undo
    [(_, _, record, action, field, old, new)] = entries(session.db, mark)
    assert (record, action, field, new) == (uuid, "restore", "deleted_at", None)


def test_undoing_an_edit_is_logged_as_the_change_back_and_redo_again(session):
    commitment_id, uuid = add_commitment(session)
    edit = session.update(commitment_id, Commitment(title="Renamed", made_on="2024-03-05"))
    mark = last_id(session.db)
    redo = session.revert(edit)
    assert entries(session.db, mark) == [
        ("Ana Analyst", "commitments", uuid, "update", "title", "Renamed", "Reopen the crossing")
    ]
    mark = last_id(session.db)
    session.revert(redo)
    assert entries(session.db, mark) == [
        ("Ana Analyst", "commitments", uuid, "update", "title", "Reopen the crossing", "Renamed")
    ]


def test_undoing_an_addition_logs_its_removal_with_the_old_values(session):
    commitment_id, add = session.add(Commitment(title="Short-lived", made_on="2024-03-05"))
    uuid = records.get(session.db, Commitment, commitment_id).uuid
    mark = last_id(session.db)
    session.revert(add)
    [(_, table, record, action, _, old, new)] = entries(session.db, mark)
    assert (table, record, action, new) == ("commitments", uuid, "remove", None)
    assert json.loads(old)["title"] == "Short-lived"


def test_a_refused_write_logs_nothing(session):
    mark = last_id(session.db)

    def half_then_fail(db):
        records.add(db, Event(date="2024-01-01", kind="meeting", title="Talks"))
        db.execute("INSERT INTO events (uuid) VALUES ('x')")  # NOT NULL columns: refused

    with pytest.raises(StoreError):
        session.apply(half_then_fail)
    assert entries(session.db, mark) == []


def test_every_record_table_is_logged(session):
    commitment_id, _ = add_commitment(session)
    session.add(StatusUpdate(commitment_id=commitment_id, date="2024-04-01", status="stalled"))
    session.add(Event(date="2024-01-01", kind="meeting", title="Talks"))
    tables = {row[1] for row in entries(session.db)}
    assert tables == {"commitments", "status_updates", "events"}


def test_changing_the_analyst_names_later_changes_only(session):
    add_commitment(session, "First")
    session.set_analyst("Bo Other")
    add_commitment(session, "Second")
    assert [row[0] for row in entries(session.db)] == ["Ana Analyst", "Bo Other"]


def test_writes_of_other_connections_are_not_logged_row_by_row(session, db_path):
    from desktop_app.store.database import connect_existing

    other = connect_existing(db_path)
    try:
        records.add(other, Event(date="2024-01-01", kind="meeting", title="Bulk"))
    finally:
        other.close()
    assert entries(session.db) == []


def test_an_import_logs_one_entry_with_its_counts(session, tmp_path):
    from desktop_app.session.imports import import_path

    path = tmp_path / "events.csv"
    path.write_text(
        "date,kind,title\n2024-01-01,meeting,One\n2024-01-02,visit,Two\n2024-01-03,other,Three\n",
        encoding="utf-8",
    )
    worker = session.worker_connection()
    try:
        result = import_path(worker, "events", path, analyst="Ana Analyst")
    finally:
        worker.close()
    assert result.ok
    assert entries(session.db) == [
        ("Ana Analyst", "events", None, "import", None, None, "3 added, 0 updated from events.csv")
    ]


def test_the_log_is_exported_as_its_own_table(session, tmp_path):
    commitment_id, uuid = add_commitment(session)
    session.update(commitment_id, Commitment(title="Renamed", made_on="2024-03-05"))
    path = tmp_path / "record_changes.csv"
    export_to_file(export_rows(session.db, "record_changes"), path, excel=False)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["action"], r["record_uuid"], r["field"]) for r in rows] == [
        ("insert", uuid, ""),
        ("update", uuid, "title"),
    ]
    assert rows[1]["old_value"] == "Reopen the crossing"
    assert rows[1]["new_value"] == "Renamed"
    assert rows[1]["analyst"] == "Ana Analyst"
    assert all(r["uuid"] and r["changed_at"] for r in rows)


def test_the_changes_view_shows_an_edit_and_its_undo(window, qtbot):
    settings.ANALYST_NAME.write("Ana Analyst")
    window.session.set_analyst("Ana Analyst")
    commitment_id = window.db.execute(
        "SELECT id FROM commitments WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
    ).fetchone()[0]
    old_title = records.get(window.db, Commitment, commitment_id).title
    window.tabs.setCurrentIndex(TAB_COMMITMENTS)
    assert window.select_commitment(commitment_id)

    def rename(dialog) -> None:
        dialog.title_edit.setText("A renamed commitment")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal_opens(rename)
    window.edit_action.trigger()
    window.undo_action.trigger()
    text = window.detail.changes_browser.toPlainText()
    # newest first: the undo (back to the old title), then the edit
    undo_at = text.index(f"title: A renamed commitment → {old_title}")
    edit_at = text.index(f"title: {old_title} → A renamed commitment")
    assert undo_at < edit_at
    assert text.count("Ana Analyst") == 2


def test_the_analyst_is_asked_once_and_kept(window, qtbot):
    settings.ANALYST_NAME.write("")
    dialog = ask_once(window)
    assert isinstance(dialog, AnalystDialog)
    dialog.name.setText("  Ana   Analyst ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.ANALYST_NAME.read() == "Ana Analyst"
    assert window.session.analyst == "Ana Analyst"
    assert ask_once(window) is None  # known now: not asked again


def test_sources_added_and_taken_away_are_logged_on_their_commitment(session):
    from desktop_app.domain.records import Source

    first, _ = session.add(Source(title="First", url="https://example.org/1"))
    second, _ = session.add(Source(title="Second", url="https://example.org/2"))
    source_uuid = {
        i: session.db.execute("SELECT uuid FROM sources WHERE id = ?", [i]).fetchone()[0]
        for i in (first, second)
    }
    commitment_id, _ = session.add(
        Commitment(title="Cited", made_on="2024-03-05", source_ids=(first,))
    )
    uuid = records.get(session.db, Commitment, commitment_id).uuid
    mark = last_id(session.db)
    # the first source stays: only the second is logged as added
    edit = session.update(
        commitment_id, Commitment(title="Cited", made_on="2024-03-05", source_ids=(first, second))
    )
    assert entries(session.db, mark) == [
        ("Ana Analyst", "commitments", uuid, "link", "sources", None, source_uuid[second])
    ]
    mark = last_id(session.db)
    session.revert(edit)
    assert entries(session.db, mark) == [
        ("Ana Analyst", "commitments", uuid, "unlink", "sources", source_uuid[second], None)
    ]
    assert records.get(session.db, Commitment, commitment_id).source_ids == (first,)
    mark = last_id(session.db)
    session.update(
        commitment_id, Commitment(title="Cited", made_on="2024-03-05", source_ids=(first,))
    )
    assert entries(session.db, mark) == []  # nothing changed, nothing logged


def test_a_command_line_import_is_logged_under_the_analyst_given(db_path, tmp_path):
    from desktop_app.cli import run_cli
    from desktop_app.store.database import open_database

    open_database(db_path).close()
    path = tmp_path / "events.csv"
    path.write_text("date,kind,title\n2024-01-01,meeting,One\n", encoding="utf-8")
    args = ["import", "--db", str(db_path), "--table", "events", "--analyst", "Cli Analyst"]
    assert run_cli([*args, str(path)]) == 0
    db = open_database(db_path)
    try:
        assert entries(db) == [
            (
                "Cli Analyst",
                "events",
                None,
                "import",
                None,
                None,
                "1 added, 0 updated from events.csv",
            )
        ]
    finally:
        db.close()


def test_undoing_and_redoing_an_import_are_logged(session, tmp_path, qtbot):
    from PySide6.QtGui import QUndoStack

    from desktop_app.session.imports import import_path
    from desktop_app.ui.undo_commands import RestoreCommand

    path = tmp_path / "events.csv"
    path.write_text("date,kind,title\n2024-01-01,meeting,One\n", encoding="utf-8")
    copy_before = session.new_snapshot_path()
    worker = session.worker_connection()
    try:  # as the import dialog does: a copy, then the import, on a worker's connection
        Session.copy_to(worker, copy_before)
        assert import_path(worker, "events", path, analyst="Ana Analyst").ok
    finally:
        worker.close()
    stack = QUndoStack()
    errors = []
    stack.push(
        RestoreCommand(session, copy_before, lambda: None, "Import of events.csv", errors.append)
    )
    imported = (
        "Ana Analyst",
        "events",
        None,
        "import",
        None,
        None,
        "1 added, 0 updated from events.csv",
    )

    stack.undo()
    assert entries(session.db) == [
        ("Ana Analyst", "file", None, "import", None, None, "Undone: Import of events.csv")
    ]  # the copy put back holds no entry of the import itself
    stack.redo()
    assert entries(session.db) == [
        imported,
        ("Ana Analyst", "file", None, "import", None, None, "Redone: Import of events.csv"),
    ]
    assert errors == []
