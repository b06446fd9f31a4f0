"""Sources as evidence: New from article keeps the article whole (compressed) as the source's
snapshot, the Sources tab lists every source with what cites it and shows the snapshot with the
sentences the records came from highlighted, and duplicates (same web address) merge in one
undoable step."""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.domain.records import Commitment, Event, Source, Statistic, StatusUpdate
from desktop_app.store import records, source_citations, source_merge
from desktop_app.store.database import open_database
from desktop_app.store.snapshots import snapshot_of
from desktop_app.ui.article_dialog import COL_ADD, COL_TITLE, ArticleDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.source_view import HIGHLIGHT_STYLE, highlighted_paragraphs
from desktop_app.ui.tabs import TAB_SOURCES
from tests.builders import commitment
from tests.dump import full_dump
from tests.ui_helpers import when_modal_opens

ARTICLE = (Path(__file__).parent / "articles" / "ladakh_2025-03-10.txt").read_text()
URL = "https://example.org/ladakh"


def add_from_article(qtbot, window, untick: str = "Resume border patrols by the end of June"):
    QApplication.clipboard().setText(ARTICLE)
    chosen = {}

    def review(dialog: ArticleDialog) -> None:
        qtbot.waitUntil(lambda: not dialog.finding, timeout=10000)
        rows = {dialog.table.item(r, COL_TITLE).text(): r for r in range(dialog.table.rowCount())}
        dialog.table.item(rows[untick], COL_ADD).setCheckState(Qt.CheckState.Unchecked)
        chosen["sentences"] = [c.sentence for c, _edits in dialog.chosen()]
        chosen["unticked"] = dialog.candidates[rows[untick]].sentence
        dialog.source_url.setText(URL)
        dialog.add_button.click()

    when_modal_opens(review)
    window.from_article_action.trigger()
    return chosen


def empty_window(qtbot, tmp_path) -> MainWindow:
    QSettings().clear()
    path = tmp_path / "empty.db"
    open_database(path).close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.set_as_of("2025-12-31")
    window.show()
    return window


def test_new_from_article_keeps_the_article_compressed_as_the_snapshot(qtbot, tmp_path):
    window = empty_window(qtbot, tmp_path)
    chosen = add_from_article(qtbot, window)
    source_id, stored = window.db.execute(
        "SELECT id, snapshot FROM sources WHERE url = ?", [URL]
    ).fetchone()
    assert zlib.decompress(stored).decode("utf-8") == ARTICLE  # whole, as pasted
    assert len(stored) < len(ARTICLE.encode("utf-8"))
    snapshot = snapshot_of(window.db, source_id)
    assert list(snapshot.sentences) == list(dict.fromkeys(chosen["sentences"]))
    assert chosen["unticked"] not in snapshot.sentences
    window.undo_action.trigger()
    assert window.db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 0


def test_the_sources_tab_shows_the_snapshot_with_the_sentences_highlighted(qtbot, tmp_path):
    window = empty_window(qtbot, tmp_path)
    chosen = add_from_article(qtbot, window)
    tab = window.sources_tab
    window.tabs.setCurrentIndex(TAB_SOURCES)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and not tab.loading, timeout=10000)
    row = tab.rows[0]
    assert row["url"] == URL and row["has_snapshot"]
    assert row["cited"] == len(source_citations.citing_records(window.db, row["id"]))
    assert row["cited"] >= 2  # the commitments and their meeting
    tab.table.selectRow(0)
    html = tab.view.toHtml()
    text = tab.view.toPlainText()
    assert "Snapshot" in text
    assert "Withdraw troops" in text
    # every chosen sentence is highlighted; the unticked one is shown but not highlighted
    marked = highlighted_paragraphs(ARTICLE, tuple(chosen["sentences"]))
    assert marked.count(HIGHLIGHT_STYLE) == len(set(chosen["sentences"]))
    unticked = chosen["unticked"]
    assert " ".join(unticked.split()) in text.replace("\n", " ")
    assert f"<span style='{HIGHLIGHT_STYLE}'>{unticked}" not in marked
    assert "#ffe08a" in html.lower()  # the tint reached the view


def test_highlights_find_sentences_across_line_breaks_and_merge_overlaps():
    text = "date 2025-01-01\nFirst one. The second\nsentence here.\n\nAnother paragraph."
    html = highlighted_paragraphs(text, ("The second sentence here.", "second sentence"))
    assert html.count("<span") == 1
    assert f"<span style='{HIGHLIGHT_STYLE}'>The second sentence here.</span>" in html
    assert html.count("<p>") == 2


def test_merging_duplicate_sources_repoints_every_citation_and_undo_puts_them_back(window, qtbot):
    db = window.db
    first = records.add(db, Source(title="Report", url="https://example.org/r"))
    second = records.add(
        db, Source(title="Same report", url="https://example.org/r/", publisher="Wire")
    )
    third = records.add(db, Source(title="Again", url="https://example.org/r"))
    both = commitment(db, title="Cites both", source_ids=(first, second))
    quoted = commitment(
        db, title="Quoted", source_ids=(third,), quote="We will.", quote_source_id=third
    )
    event_id = records.add(
        db, Event(date="2024-02-01", kind="meeting", title="Talks", source_ids=(second,))
    )
    update_id = records.add(
        db, StatusUpdate(commitment_id=both, date="2024-03-01", status="stalled", source_id=third)
    )
    statistic_id = records.add(db, Statistic(label="Attacks", value=3, source_id=second))
    window.refresh()
    before = full_dump(db)
    assert source_merge.duplicate_groups(db) == [[first, second, third]]

    window.tabs.setCurrentIndex(TAB_SOURCES)
    tab = window.sources_tab
    qtbot.waitUntil(lambda: not tab.loading and tab.merge_button.isEnabled())
    tab.merge_button.click()

    live = [r[0] for r in db.execute("SELECT id FROM sources WHERE deleted_at IS NULL")]
    assert first in live and second not in live and third not in live
    assert records.get(db, Commitment, both).source_ids == (first,)
    assert records.get(db, Commitment, quoted).source_ids == (first,)
    assert records.get(db, Commitment, quoted).quote_source_id == first
    assert records.get(db, Event, event_id).source_ids == (first,)
    assert records.get(db, StatusUpdate, update_id).source_id == first
    assert records.get(db, Statistic, statistic_id).source_id == first
    assert records.get(db, Source, first).publisher == "Wire"  # a gap filled from a duplicate
    assert source_merge.duplicate_groups(db) == []
    assert window.undo_action.text() == "&Undo Merge 2 duplicate sources"

    window.undo_action.trigger()
    assert full_dump(db) == before
    window.redo_action.trigger()
    assert records.get(db, Event, event_id).source_ids == (first,)


def test_the_sources_tab_reads_again_each_time_it_is_shown(window, qtbot, tmp_path):
    from desktop_app.store.database import connect_existing

    tab = window.sources_tab
    window.tabs.setCurrentIndex(TAB_SOURCES)
    qtbot.waitUntil(lambda: not tab.loading and tab.table.rowCount() > 0)
    shown = tab.table.rowCount()
    other = connect_existing(window.database_path)  # another program adds a source
    try:
        records.add(other, Source(title="Added elsewhere", url="https://example.org/elsewhere"))
    finally:
        other.close()
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(TAB_SOURCES)
    qtbot.waitUntil(lambda: not tab.loading and tab.table.rowCount() == shown + 1)
