"""A drop-down list the user can also type into to find an entry by any part of its text: the
place filter finds 'Zahidan (زاهدان)' from 'zah' or from 'زاه'. Only entries of the list can be
chosen; typing never adds one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter


def make_searchable(combo: QComboBox) -> None:
    """Let combo be typed into, with suggestions of the entries containing what is typed."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    # text typed but not chosen would show a filter that is not applied: show the chosen entry
    combo.lineEdit().editingFinished.connect(lambda: _show_chosen(combo))


def _show_chosen(combo: QComboBox) -> None:
    found = combo.findText(combo.currentText(), Qt.MatchFlag.MatchFixedString)
    if found >= 0 and found != combo.currentIndex():
        combo.setCurrentIndex(found)  # the exact text of an entry, typed: that entry
    elif found < 0:
        combo.setEditText(combo.itemText(combo.currentIndex()))
