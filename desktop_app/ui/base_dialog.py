"""A dialog that remembers its size and place, and shows validation errors inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from desktop_app.store.errors import StoreError
from desktop_app.ui.accessibility import (
    buttons_in_shown_order,
    form_fields,
    prepare_form,
    set_tab_order,
)
from desktop_app.ui.settings import dialog_geometry
from desktop_app.ui.status_style import warning_text_colour


class RememberingDialog(QDialog):
    """Form dialog: subclasses fill self.form and implement build_result() (raising ValueError).

    When `save` is set, OK hands it the result and the dialog closes only if it succeeds; a
    StoreError (another program writing, a full disk) is shown in the dialog like a bad value,
    so the user's typing is not lost.
    """

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(type(self).__name__)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {warning_text_colour()};")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons_in_shown_order(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.result_value = None
        self.save: Callable[[object], None] | None = None
        geometry = dialog_geometry(self.objectName()).read()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(560, 0)

    def showEvent(self, event) -> None:
        # Subclasses fill the form after this __init__, so the buttons were made first: Tab
        # would start on OK. The keyboard starts on the first field and ends on the buttons.
        prepare_form(self.form)
        fields = [field for field in form_fields(self.form) if field.isEnabled()]
        buttons = sorted(self.buttons.buttons(), key=lambda button: button.x())  # as shown
        set_tab_order([*fields, *buttons])
        super().showEvent(event)
        if fields:
            fields[0].setFocus()

    def build_result(self):
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.build_result()
            if self.save is not None:
                self.save(self.result_value)
        except (ValueError, StoreError) as error:
            self.error_label.setText(str(error)[:1].upper() + str(error)[1:] + ".")
            self.error_label.show()
            return
        dialog_geometry(self.objectName()).write(self.saveGeometry())
        super().accept()

    def reject(self) -> None:
        dialog_geometry(self.objectName()).write(self.saveGeometry())
        super().reject()
