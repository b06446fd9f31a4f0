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
