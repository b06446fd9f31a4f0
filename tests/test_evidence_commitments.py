"""A commitment's sources and the quote of the promise: kept by the editor with undo and redo,
shown in the detail panel, and carried through a CSV export and import."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.records import Commitment, Source
from desktop_app.exchange.csv_export import export_rows, export_to_file
from desktop_app.exchange.presets import import_file
from desktop_app.store import records
from desktop_app.store.database import open_database
from desktop_app.ui.commitment_editor import CommitmentEditor
from desktop_app.ui.main_window import TAB_COMMITMENTS
from tests.builders import commitment
from tests.ui_helpers import when_modal_opens

QUOTE = "We will reopen the Torkham crossing within two weeks."
QUOTE_URL = "https://example.org/torkham-statement"
OTHER_URL = "https://example.org/second-report"


def press_ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def stored(window, commitment_id: int) -> Commitment:
    return records.get(window.db, Commitment, commitment_id)


def source_urls(window, ids) -> list[str]:
    return [records.get(window.db, Source, i).url for i in ids]


def test_the_editor_saves_sources_and_a_quote_and_undo_takes_them_away(window, qtbot):
    sources_before = window.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]

    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "Reopen the Torkham crossing")
        qtbot.keyClicks(dialog.promisors, "Afghanistan")
        qtbot.keyClicks(dialog.sources, f"{QUOTE_URL}; {OTHER_URL}")
        dialog.quote.setPlainText(QUOTE)
        qtbot.keyClicks(dialog.quote_source, QUOTE_URL)
        press_ok(dialog)

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    new_id = window.db.execute(
        "SELECT id FROM commitments WHERE title = 'Reopen the Torkham crossing'"
    ).fetchone()[0]
    saved = stored(window, new_id)
    assert source_urls(window, saved.source_ids) == [QUOTE_URL, OTHER_URL]
    assert saved.quote == QUOTE
    # the quote's source is the same source as the first one cited, not a second copy
    assert saved.quote_source_id == saved.source_ids[0]
    assert window.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == sources_before + 2

    window.select_commitment(new_id)
    shown = window.detail.browser.toPlainText()
    assert QUOTE in shown
    assert "example.org" in shown

    window.undo_action.trigger()
    assert window.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == sources_before
    window.redo_action.trigger()
    assert stored(window, new_id).quote == QUOTE
    assert source_urls(window, stored(window, new_id).source_ids) == [QUOTE_URL, OTHER_URL]


def test_editing_sources_and_quote_then_undo_restores_the_old_ones(window, qtbot):
    first = records.add(window.db, Source(title="First report", url=QUOTE_URL))
    commitment_id = commitment(
        window.db, title="Release detained drivers", made_on="2024-03-01", source_ids=(first,)
    )
    window.refresh()
    assert window.select_commitment(commitment_id)

    def fill(dialog: CommitmentEditor) -> None:
        assert dialog.sources.text() == QUOTE_URL  # the stored source is shown
        dialog.sources.clear()
        qtbot.keyClicks(dialog.sources, OTHER_URL)
        dialog.quote.setPlainText("All detained drivers will be released.")
        qtbot.keyClicks(dialog.quote_source, OTHER_URL)
        press_ok(dialog)

    when_modal_opens(fill)
    window.tabs.setCurrentIndex(TAB_COMMITMENTS)
    window.edit_action.trigger()
    edited = stored(window, commitment_id)
    assert source_urls(window, edited.source_ids) == [OTHER_URL]
    assert edited.quote == "All detained drivers will be released."
    assert source_urls(window, [edited.quote_source_id]) == [OTHER_URL]

    window.undo_action.trigger()
    undone = stored(window, commitment_id)
    assert undone.source_ids == (first,)
    assert undone.quote == ""
    assert undone.quote_source_id is None


def test_a_quote_source_without_a_quote_is_refused_in_one_sentence(window, qtbot):
    seen = {}

    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "A promise")
        qtbot.keyClicks(dialog.promisors, "Iran")
        qtbot.keyClicks(dialog.quote_source, QUOTE_URL)
        press_ok(dialog)
        seen["error"] = dialog.error_label.text()
        dialog.reject()

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert seen["error"].startswith("Type the quote")
    assert window.undo_stack.count() == 0


def test_an_unknown_source_that_is_no_web_address_is_refused(window, qtbot):
    seen = {}

    def fill(dialog: CommitmentEditor) -> None:
        qtbot.keyClicks(dialog.title_edit, "A promise")
        qtbot.keyClicks(dialog.promisors, "Iran")
        qtbot.keyClicks(dialog.sources, "my notebook")
        press_ok(dialog)
        seen["error"] = dialog.error_label.text()
        dialog.reject()

    when_modal_opens(fill)
    window.new_commitment_action.trigger()
    assert "neither a known source nor a web address" in seen["error"]


def test_the_quote_and_its_source_survive_csv_export_and_import(db, tmp_path):
    quoted_source = records.add(db, Source(title="Statement", url=QUOTE_URL))
    commitment(db, quote=QUOTE, quote_source_id=quoted_source, source_ids=(quoted_source,))
    commitment(db, title="Unquoted promise")
    folder = tmp_path / "files"
    folder.mkdir()
    for table in ("actors", "sources", "commitments"):
        export_to_file(export_rows(db, table), folder / f"{table}.csv", excel=False)

    other = open_database(tmp_path / "other.db")
    try:
        for table in ("actors", "sources", "commitments"):
            assert import_file(other, table, folder / f"{table}.csv").ok
        rows = other.execute(
            """SELECT c.title, c.quote, s.url FROM commitments c
               LEFT JOIN sources s ON s.id = c.quote_source_id ORDER BY c.title"""
        ).fetchall()
    finally:
        other.close()
    assert [tuple(r) for r in rows] == [
        ("Open the border crossing", QUOTE, QUOTE_URL),
        ("Unquoted promise", "", None),
    ]
