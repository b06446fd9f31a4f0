"""File > Export brief… and File > Export deadlines (.ics)… in the window, on real files."""

from __future__ import annotations

import unicodedata

from icalendar import Calendar
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop_app.ui import brief_dialog


def _text(path) -> str:
    pages = PdfReader(path).pages
    return " ".join(
        " ".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in pages
    )


def test_the_file_menu_offers_the_brief_and_the_calendar(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Export &brief…" in texts and "Export &deadlines (.ics)…" in texts


def test_the_dialog_exports_the_ticked_parties_and_categories(window, qtbot, tmp_path):
    dialog = brief_dialog.BriefDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.as_of.iso() == "2024-12-31"  # the window's date
    for widget, wanted in ((dialog.parties, "Iran"), (dialog.categories, "Economic")):
        item = widget.findItems(wanted, Qt.MatchFlag.MatchExactly)[0]
        item.setCheckState(Qt.CheckState.Checked)
    dialog.page_size.setCurrentText("Letter")
    dialog.output.setText(str(tmp_path / "brief.txt"))
    dialog.accept()
    assert not dialog.error_label.isHidden() and ".pdf or .html" in dialog.error_label.text()
    dialog.output.setText(str(tmp_path / "brief.pdf"))
    dialog.accept()
    scope, output, page_size = dialog.result_value
    assert (scope.parties, scope.categories, page_size) == (("Iran",), ("economic",), "Letter")
    written = []
    brief_dialog.export_brief_to(window, scope, output, page_size, on_done=written.append)
    qtbot.waitUntil(lambda: bool(written), timeout=20000)
    text = _text(output)
    assert "Parties: Iran · Categories: Economic" in text
    assert "Activate joint border markets" in text and "Cooperate against terrorism" not in text
    assert round(PdfReader(output).pages[0].mediabox.width) == 612  # Letter
    assert "Brief written to" in window.statusBar().currentMessage()


def test_the_deadlines_export_writes_a_calendar(window, qtbot, tmp_path):
    counted = []
    brief_dialog.export_deadlines_to(window, tmp_path / "d.ics", on_done=counted.append)
    qtbot.waitUntil(lambda: bool(counted), timeout=10000)
    events = Calendar.from_ical((tmp_path / "d.ics").read_bytes()).walk("VEVENT")
    assert counted == [2] and len(events) == 2
    assert "(Fulfilled)" in str(events[0]["summary"])  # the envoys, as of 2024-12-31


def test_the_dashboard_lists_deadlines_and_a_click_selects_one(qtbot, tmp_path):
    from desktop_app.store.database import open_database
    from desktop_app.store.deadlines import deadline_lists
    from desktop_app.store.sample import write_sample
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tabs import TAB_COMMITMENTS, TAB_DASHBOARD
    from tests.builders import commitment

    path = write_sample(tmp_path / "s.db")
    db = open_database(path)
    late = commitment(db, "Reopen the Taftan crossing", "2024-01-02", deadline="2024-01-20")
    envoys = db.execute("SELECT id FROM commitments WHERE deadline = '2024-01-26'").fetchone()[0]
    db.close()
    window = MainWindow(path)
    qtbot.addWidget(window)
    window.set_as_of("2024-01-24")
    window.show()
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    listed = window.dashboard_tab.deadlines
    qtbot.waitUntil(lambda: bool(listed.commitment_ids()), timeout=15000)
    lists = deadline_lists(window.db, "2024-01-24")
    expected = [r["id"] for r in lists.overdue + lists.soon + lists.later]
    assert listed.commitment_ids() == expected == [late, envoys]
    overdue_group = listed.topLevelItem(0)
    assert overdue_group.text(0) == "Overdue (1)"
    assert overdue_group.child(0).text(0) == "2024-01-20 (4 days late)"
    assert listed.topLevelItem(1).child(0).text(0) == "2024-01-26 (in 2 days)"
    rect = listed.visualItemRect(overdue_group.child(0))
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentIndex() == TAB_COMMITMENTS
    assert window.commitments.selected_id() == late


def test_editing_a_commitment_keeps_its_quote(window, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.ui.commitment_editor import CommitmentEditor
    from tests import sql_reference
    from tests.ui_helpers import when_modal_opens

    found = sql_reference.search_commitments(window.db, "ambassadors", "2024-12-31")[0]["id"]
    quoted = "SELECT quote, quote_source_id FROM commitments WHERE id = ?"
    before = window.db.execute(quoted, [found]).fetchone()
    assert before[0].startswith("Paraphrase") and before[1] is not None
    window.select_commitment(found)

    def retitle(dialog: CommitmentEditor) -> None:
        dialog.title_edit.setText("Return both ambassadors to their posts")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal_opens(retitle)
    window.edit_action.trigger()
    title = window.db.execute("SELECT title FROM commitments WHERE id = ?", [found]).fetchone()
    assert title[0] == "Return both ambassadors to their posts"
    assert window.db.execute(quoted, [found]).fetchone() == before
