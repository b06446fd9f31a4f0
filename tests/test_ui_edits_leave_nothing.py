"""Edits through the window's editors: a cancelled, refused or undone edit leaves the database
exactly as it was (compared as a full dump), and the undo text names the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.ui.article_dialog import COL_ADD, COL_PARTIES, ArticleDialog
from desktop_app.ui.commitment_editor import CommitmentEditor
from desktop_app.ui.event_editor import EventEditor
from desktop_app.ui.main_window import TAB_COMMITMENTS, TAB_EVENTS
from desktop_app.ui.status_dialog import StatusDialog
from tests import sql_reference
from tests.dump import full_dump
from tests.ui_helpers import when_modal_opens

ARTICLE = (
    "date 2024-03-05\n"
    "Afghanistan and Pakistan agreed on Monday to reopen the Torkham crossing within two "
    "weeks, officials said after talks in Kabul. Pakistan pledged to release detained truck "
    "drivers by the end of March, and both sides promised to meet again in April."
)


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_cancel_after_a_refused_save_leaves_no_new_actor_or_place(window, qtbot):
    before = full_dump(window.db)
    errors = []

    def fill(dialog: CommitmentEditor) -> None:
        # a new country and a new place, but no title: OK is refused
        qtbot.keyClicks(dialog.promisors, "Afghanistan; Turkmenistan")
        qtbot.keyClicks(dialog.places, "Torkham")
        press_ok(dialog)
        errors.append(dialog.error_label.text())
        dialog.reject()

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert "must not be empty" in errors[0]
    assert full_dump(window.db) == before
    assert window.undo_stack.count() == 0


def test_undoing_a_new_commitment_takes_its_new_party_and_place_away(window, qtbot):
    before = full_dump(window.db)

    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "Reopen the Torkham crossing")
        qtbot.keyClicks(dialog.promisors, "Afghanistan")
        qtbot.keyClicks(dialog.places, "Torkham")
        press_ok(dialog)

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert window.db.execute("SELECT COUNT(*) FROM places WHERE name = 'Torkham'").fetchone()[0]
    assert window.undo_action.text() == "&Undo New commitment “Reopen the Torkham crossing”"
    window.undo_action.trigger()
    assert full_dump(window.db) == before
    window.redo_action.trigger()
    assert window.db.execute("SELECT COUNT(*) FROM places WHERE name = 'Torkham'").fetchone()[0]


def test_undoing_a_status_update_takes_its_source_away(window, qtbot):
    window.select_commitment(
        sql_reference.search_commitments(window.db, "liaison", "2024-12-31")[0]["id"]
    )
    before = full_dump(window.db)

    def fill(dialog: StatusDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData("stalled"))
        qtbot.keyClicks(dialog.note, "No officer named since March.")
        qtbot.keyClicks(dialog.source_url, "https://example.org/stalled")
        press_ok(dialog)

    when_modal_opens(fill)
    window.update_status_action.trigger()
    assert "Appoint liaison officers" in window.undo_action.text()
    assert (
        window.db.execute(
            "SELECT COUNT(*) FROM sources WHERE url = 'https://example.org/stalled'"
        ).fetchone()[0]
        == 1
    )
    window.undo_action.trigger()
    assert full_dump(window.db) == before


def test_editing_an_event_then_undo_and_redo(window, qtbot):
    window.tabs.setCurrentIndex(TAB_EVENTS)
    view = window.events_view
    view.selectRow(0)
    event_id = window.selected_id(TAB_EVENTS)
    before = full_dump(window.db)
    old_title = window.db.execute("SELECT title FROM events WHERE id = ?", [event_id]).fetchone()[0]

    def fill(dialog: EventEditor) -> None:
        dialog.title_edit.selectAll()
        qtbot.keyClicks(dialog.title_edit, "A renamed event")
        dialog.place.clear()
        qtbot.keyClicks(dialog.place, "Somewhere new")
        press_ok(dialog)

    when_modal_opens(fill)
    window.edit_action.trigger()

    def title() -> str:
        return window.db.execute("SELECT title FROM events WHERE id = ?", [event_id]).fetchone()[0]

    assert title() == "A renamed event"
    assert old_title[:20] in window.undo_action.text()
    window.undo_action.trigger()
    assert title() == old_title
    assert full_dump(window.db) == before
    window.redo_action.trigger()
    assert title() == "A renamed event"


def test_a_bad_party_in_new_from_article_is_marked_and_nothing_is_written(window, qtbot):
    QApplication.clipboard().setText(ARTICLE)
    before = full_dump(window.db)
    seen = {}

    def review(dialog: ArticleDialog) -> None:
        qtbot.waitUntil(lambda: not dialog.finding, timeout=10000)  # read on a worker
        row = next(
            r
            for r in range(dialog.table.rowCount())
            if dialog.table.item(r, COL_ADD).checkState() == Qt.CheckState.Checked
        )
        dialog.table.item(row, COL_PARTIES).setText("Narnia; Pakistan")
        dialog.add_button.click()
        seen["open"] = dialog.isVisible()
        seen["summary"] = dialog.summary.text()
        seen["marked"] = dialog.table.currentItem() is dialog.table.item(row, COL_PARTIES)
        # fixed by the user: names are accepted and stored as codes
        dialog.table.item(row, COL_PARTIES).setText("Afghanistan; pak")
        dialog.add_button.click()

    when_modal_opens(review)
    window.from_article_action.trigger()
    assert seen["open"] and seen["marked"]
    assert "Narnia" in seen["summary"] and "not a country" in seen["summary"]
    assert window.undo_stack.count() == 1
    codes = {
        r[0]
        for r in window.db.execute(
            "SELECT a.iso3 FROM commitment_parties p JOIN actors a ON a.id = p.actor_id "
            "JOIN commitments c ON c.id = p.commitment_id WHERE c.made_on = '2024-03-05'"
        )
    }
    assert {"AFG", "PAK"} <= codes
    window.undo_action.trigger()
    assert full_dump(window.db) == before
    assert window.tabs.currentIndex() == TAB_COMMITMENTS
