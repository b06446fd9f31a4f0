"""A table cell that holds one of a few fixed choices, edited with a drop-down list.

A combo box widget in every row of a long table costs a widget per row (a 300-row review took
about 90 ms to fill); this delegate draws the choice as text and makes a combo box only for
the cell being edited. The value is the item's UserRole data, the label its text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QTableWidgetItem

VALUE_ROLE = Qt.ItemDataRole.UserRole


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: list[tuple[str, str]], parent=None) -> None:
        """choices: (label, value) pairs, in the order the list shows them."""
        super().__init__(parent)
        self.choices = choices

    def item(self, value: str) -> QTableWidgetItem:
        """A cell showing value's label (the first choice when value is not one of them)."""
        label, value = next(((lb, v) for lb, v in self.choices if v == value), self.choices[0])
        cell = QTableWidgetItem(label)
        cell.setData(VALUE_ROLE, value)
        return cell

    def createEditor(self, parent, _option, _index) -> QComboBox:
        editor = QComboBox(parent)
        for label, value in self.choices:
            editor.addItem(label, value)
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        # both read first: the first setData updates the open editor back from the cell
        label, value = editor.currentText(), editor.currentData()
        model.setData(index, value, VALUE_ROLE)
        model.setData(index, label, Qt.ItemDataRole.DisplayRole)
