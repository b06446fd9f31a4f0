"""File > Merge from another database… and View > Merge conflicts, driven as a user would."""

from __future__ import annotations

import csv

from PySide6.QtWidgets import QFileDialog

from desktop_app.store.database import open_database
from desktop_app.store.sample import write_sample
from desktop_app.ui.merge_dialog import MergeDialog, run_merge
from tests.builders import commitment
from tests.dump import full_dump
from tests.ui_helpers import when_modal_opens

LATER = "2030-01-01T00:00:00+00:00"


def _colleague_file(tmp_path):
    """The sample, edited by a colleague: one deadline moved later, one commitment added."""
    path = write_sample(tmp_path / "colleague.db")
    db = open_database(path)
    db.execute(
        "UPDATE commitments SET deadline = '2026-09-30', updated_at = ? WHERE id = 1", [LATER]
    )
    commitment(db, "Reopen the Taftan crossing", parties=("IRN", "PAK"))
    db.close()
    return path


def test_the_preview_then_the_merge_as_one_step_that_undo_takes_back(window, qtbot, tmp_path):
    theirs = _colleague_file(tmp_path)
    # the sample is written anew for the colleague, so every record has other UUIDs: match
    # them up by giving the window's file the colleague's identities first
    mine = open_database(theirs)
    same = mine.execute("SELECT uuid FROM commitments WHERE id = 1").fetchone()[0]
    mine.close()
    window.db.execute("UPDATE commitments SET uuid = ? WHERE id = 1", [same])
    title, deadline = window.db.execute(
        "SELECT title, deadline FROM commitments WHERE id = 1"
    ).fetchone()
    before = full_dump(window.db)
    seen = {}

    def merge_it(dialog: MergeDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["rows"] = [
            [dialog.conflicts.item(r, c).text() for c in range(dialog.conflicts.columnCount())]
            for r in range(dialog.conflicts.rowCount())
        ]
        dialog.grab().save(str(tmp_path / "merge-dialog.png"))
        dialog.merge_button.click()

    when_modal_opens(merge_it)
    plan = run_merge(window, str(theirs))
    assert plan is not None
    assert "1 updated" in seen["summary"] and "new" in seen["summary"]
    deadline_rows = [row for row in seen["rows"] if row[1] == "Deadline"]
    assert deadline_rows == [
        [title, "Deadline", deadline or "(empty)", "2026-09-30", "theirs", "theirs is newer"]
    ]
    after = full_dump(window.db)
    assert window.db.execute("SELECT deadline FROM commitments WHERE id = 1").fetchone()[0] == (
        "2026-09-30"
    )
    assert window.undo_action.text() == "&Undo Merge from colleague.db"
    copies = list(tmp_path.glob("sample.before-merge-*.db"))
    assert len(copies) == 1 and str(copies[0]) in window.statusBar().currentMessage()
    window.undo_action.trigger()
    assert full_dump(window.db) == before
    window.redo_action.trigger()
    assert full_dump(window.db) == after


def test_a_newer_or_foreign_file_is_explained_in_the_dialog(window, qtbot, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    dialog = MergeDialog(window, str(text))
    qtbot.addWidget(dialog)
    assert "not a Commitment Tracker database" in dialog.summary.text()
    assert not dialog.merge_button.isEnabled()


def test_the_conflicts_log_lists_and_exports_the_losing_values(
    window, qtbot, tmp_path, monkeypatch
):
    from desktop_app.session.merging import merge_from_file
    from desktop_app.ui.merge_conflicts_dialog import MergeConflictsDialog

    theirs = _colleague_file(tmp_path)
    same = open_database(theirs)
    uuid = same.execute("SELECT uuid FROM commitments WHERE id = 1").fetchone()[0]
    same.close()
    window.db.execute("UPDATE commitments SET uuid = ? WHERE id = 1", [uuid])
    merge_from_file(window.db, theirs)
    window.merge_conflicts_action.trigger()
    dialog = window.findChild(MergeConflictsDialog)
    qtbot.addWidget(dialog)
    fields = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
    assert "Deadline" in fields
    target = tmp_path / "conflicts.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.export_button.click()
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    deadline = next(r for r in rows if r["Field"] == "Deadline")
    assert deadline["Kept value"] == "2026-09-30" and deadline["Kept"] == "theirs"
    assert deadline["Record UUID"] == uuid
    dialog.grab().save(str(tmp_path / "merge-conflicts.png"))


def test_big_files_are_compared_on_a_worker(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MergeDialog, "PLAN_HERE_UP_TO", 0)  # bytes: every file is "big"
    theirs = _colleague_file(tmp_path)
    dialog = MergeDialog(window, str(theirs))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.merge_button.isEnabled, timeout=10000)
    assert "new" in dialog.summary.text()


def test_another_file_name_must_be_compared_before_merging(window, qtbot, tmp_path):
    theirs = _colleague_file(tmp_path)
    dialog = MergeDialog(window, str(theirs))
    qtbot.addWidget(dialog)
    assert dialog.merge_button.isEnabled()
    qtbot.keyClicks(dialog.path, "x")
    assert not dialog.merge_button.isEnabled()
    qtbot.keyClick(dialog.path, "\r")
    assert "does not exist" in dialog.summary.text()


def test_the_commands_are_in_the_file_and_view_menus(window, qtbot):
    menus = {
        menu.title(): [a.text() for a in menu.actions()]
        for menu in (action.menu() for action in window.menuBar().actions())
    }
    assert "&Merge from another database…" in menus["&File"]
    assert "Merge co&nflicts" in menus["&View"]
    seen = when_modal_opens(lambda dialog: dialog.reject())
    window.merge_action.trigger()
    assert isinstance(seen[0], MergeDialog)
