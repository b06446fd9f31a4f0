"""Drive modal dialogs the way a user does: wait for one to open, then fill it and press a key."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal_opens(callback, attempts: int = 200) -> list:
    """Call callback(dialog) on the next modal widget to open; returns a list that records it."""
    seen: list = []

    def poll(remaining: int = attempts) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog)
            callback(dialog)
        elif remaining > 0:
            QTimer.singleShot(10, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)
    return seen
