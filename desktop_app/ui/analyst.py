"""The analyst's name, asked once (at the first start) and kept in the settings: the change log
records it with every change the window makes. Edit > Analyst name… changes it."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from desktop_app.session.imports import login_name
from desktop_app.ui import settings
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.i18n import translate


class AnalystDialog(RememberingDialog):
    def __init__(self, current: str, parent=None) -> None:
        super().__init__(translate("AnalystDialog", "Analyst name"), parent)
        self.name = QLineEdit(current or login_name())
        self.name.setPlaceholderText(
            translate("AnalystDialog", "Your name, as the change log should record it")
        )
        self.form.addRow(translate("AnalystDialog", "Your &name"), self.name)

    def build_result(self) -> str:
        name = " ".join(self.name.text().split())
        if not name:
            raise ValueError(
                translate(
                    "AnalystDialog", "type a name: the change log records it with every change"
                )
            )
        return name


def use_name(window, name: str) -> None:
    """Keep name in the settings and give it to the open file's session."""
    settings.ANALYST_NAME.write(name)
    if window.session is not None:
        window.session.set_analyst(name)


def change_name(window) -> None:
    dialog = AnalystDialog(settings.ANALYST_NAME.read(), window)
    if dialog.exec():
        use_name(window, dialog.result_value)


def ask_once(window) -> AnalystDialog | None:
    """At the first start, ask for the name without blocking the window (returns the dialog
    shown, or None when the name is known already)."""
    if settings.ANALYST_NAME.read():
        return None
    dialog = AnalystDialog("", window)
    dialog.accepted.connect(lambda: use_name(window, dialog.result_value))
    dialog.open()
    return dialog
