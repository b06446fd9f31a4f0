"""A dialog that remembers its size and place, and shows validation errors inline."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout


class RememberingDialog(QDialog):
    """Form dialog: subclasses fill self.form and implement build_result() (raising ValueError)."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #D55E00;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.result_value = None
        geometry = QSettings().value(f"dialogs/{self.objectName()}/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(560, 0)

    def build_result(self):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.build_result()
        except ValueError as error:
            self.error_label.setText(str(error)[:1].upper() + str(error)[1:] + ".")
            self.error_label.show()
            return
        QSettings().setValue(f"dialogs/{self.objectName()}/geometry", self.saveGeometry())
        super().accept()

    def reject(self) -> None:
        QSettings().setValue(f"dialogs/{self.objectName()}/geometry", self.saveGeometry())
        super().reject()
