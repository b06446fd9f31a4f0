"""Doing something right after a widget's first frame is on screen (opening a big file only
then, so that the window appears at once)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call callback once, on the turn of the event loop after widget first paints."""
    _AfterFirstPaint(widget, callback)
