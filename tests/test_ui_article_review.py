"""New from article's review table (issue 21): a places column that can be edited, parties
typed as names turned into codes in the cell, a past deadline flagged and not written, and a
statistic's edited date written as its period end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop_app.domain.records import Source
from desktop_app.extract.extractor import Candidate, extract
from desktop_app.session import Session
from desktop_app.session.article import ArticlePlan, ChosenCandidate
from desktop_app.ui.article_dialog import (
    COL_DATE,
    COL_PARTIES,
    COL_PLACES,
    COL_TITLE,
    NOTE_COLOUR,
    ArticleDialog,
)

ARTICLE = (Path(__file__).parent / "articles" / "india_china_dateline.txt").read_text()


@pytest.fixture
def dialog(qtbot):
    QSettings().clear()
    shown = ArticleDialog(text="")
    qtbot.addWidget(shown)
    shown.published.set_iso("2025-03-14")
    shown._show_candidates(extract(ARTICLE))
    return shown


def row_titled(dialog: ArticleDialog, start: str) -> int:
    return next(
        r
        for r in range(dialog.table.rowCount())
        if dialog.table.item(r, COL_TITLE).text().startswith(start)
    )


def test_the_places_column_shows_a_commitments_own_places(dialog):
    row = row_titled(dialog, "Pull troops back")
    cell = dialog.table.item(row, COL_PLACES)
    assert "Depsang" in cell.text() and "Demchok" in cell.text()
    assert "Beijing" not in cell.text()  # the venue is the meeting's
    assert "35.30, 78.00" in cell.toolTip()


def test_edited_places_keep_what_was_known_and_look_up_new_names(dialog):
    row = row_titled(dialog, "Pull troops back")
    dialog.table.item(row, COL_PLACES).setText("Depsang; Lahore; Nowhere Ridge")
    edits = next(e for c, e in dialog.chosen() if c.title.startswith("Pull"))
    places = {p["name"]: p for p in edits["places"]}
    assert places["Depsang"]["lat"] == 35.3  # kept from the extractor
    assert places["Lahore"]["country"] == "PAK"  # from the gazetteer
    assert places["Nowhere Ridge"]["precision"] == "near"
    assert places["Beijing"]["role"] == "venue"  # still the meeting's
    assert "Demchok" not in places  # removed by the user


def test_parties_typed_as_names_become_codes_in_the_cell(dialog):
    item = dialog.table.item(0, COL_PARTIES)
    item.setText("india; china")
    assert item.text() == "IND; CHN" and item.toolTip() == ""
    item.setText("Pakistan; Narnia")
    assert item.text() == "PAK; Narnia"
    assert "Narnia" in item.toolTip()


def test_a_past_deadline_is_flagged_and_not_written(qtbot):
    QSettings().clear()
    dialog = ArticleDialog(text="")
    qtbot.addWidget(dialog)
    dialog.published.set_iso("2025-03-14")
    dialog._show_candidates(
        extract("date 2025-03-14\nIran pledged to repay the loan by June 2024.")
    )
    item = dialog.table.item(0, COL_DATE)
    assert item.text() == "2024-06-30"
    assert item.background().color().name().upper() == NOTE_COLOUR
    assert "before the publication date" in item.toolTip()
    dialog.save = lambda plan: pytest.fail("nothing may be written")
    dialog.accept()
    assert "before the publication date" in dialog.summary.text()
    item.setText("")
    written = []
    dialog.save = written.append
    dialog.accept()
    assert written and written[0].chosen[0].date is None


def test_a_statistics_edited_date_is_its_period_end(db_path):
    statistic = Candidate(
        kind="statistic",
        sentence="Trade reached $118bn in 2024.",
        title="118,000,000,000 USD",
        parties=["CHN"],
        places=[],
        value=118e9,
        unit="USD",
        period_start="2024-01-01",
        period_end="2024-12-31",
    )
    plan = ArticlePlan(
        chosen=[ChosenCandidate(statistic, statistic.title, ["CHN"], "2024-06-30", "economic")],
        source=Source(title="Wire", published_on="2025-03-14"),
        published="2025-03-14",
    )
    session = Session.open(db_path)
    try:
        session.apply(plan.write)
        (end,) = session.db.execute("SELECT period_end FROM statistics").fetchone()
    finally:
        session.close()
    assert end == "2024-06-30"


def test_a_category_is_chosen_from_a_list_in_its_cell_and_kept(dialog, qtbot):
    from PySide6.QtWidgets import QComboBox

    from desktop_app.ui.article_dialog import COL_CATEGORY

    row = row_titled(dialog, "Pull troops back")
    assert dialog.table.cellWidget(row, COL_CATEGORY) is None  # no widget per row
    assert dialog.table.item(row, COL_CATEGORY).text() == "Security"
    dialog.table.editItem(dialog.table.item(row, COL_CATEGORY))
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None and editor.currentData() == "security"
    editor.setCurrentIndex(editor.findData("humanitarian"))
    dialog.table.commitData(editor)
    assert dialog.table.item(row, COL_CATEGORY).text() == "Humanitarian"
    edits = next(e for c, e in dialog.chosen() if c.title.startswith("Pull"))
    assert edits["category"] == "humanitarian"
