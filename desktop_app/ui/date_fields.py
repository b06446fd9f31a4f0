"""Date fields that speak ISO strings: a line edit you can type into (YYYY-MM-DD), with a calendar
button, Up/Down for the next or previous day, and a clear message for a date that is not one.

The optional kind may be left empty ("no deadline"); its calendar opens at today, not at a
placeholder year.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QToolBar,
    QWidgetAction,
)

from desktop_app.domain.dates import check_iso_date

ISO_FORMAT = "yyyy-MM-dd"


def to_qdate(iso: str) -> QDate:
    return QDate.fromString(iso, ISO_FORMAT)


def _today() -> str:
    return QDate.currentDate().toString(ISO_FORMAT)


class DateField(QLineEdit):
    """A required date. `dateChanged` is emitted when a new valid date is committed: Enter,
    leaving the field, the calendar, Up/Down, or set_iso."""

    dateChanged = Signal(QDate)
    optional = False

    def __init__(self, iso: str | None = None, parent=None, empty_text: str = "") -> None:
        super().__init__(parent)
        self.setPlaceholderText(empty_text or "YYYY-MM-DD")
        self.setClearButtonEnabled(self.optional)
        self.setMinimumWidth(110)
        self.setMaximumWidth(170)  # a date needs no more; in a toolbar it would take the row
        self._committed: str | None = None
        self.calendar_action = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            "Choose a date",
            self,
        )
        self.calendar_action.triggered.connect(self._show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self._commit)
        self.set_iso(iso)

    # --- values ------------------------------------------------------------------------------
    def iso(self) -> str | None:
        """The date typed, as YYYY-MM-DD; ValueError with a sentence if it is not a date."""
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValueError("a date is needed, as YYYY-MM-DD")
        return check_iso_date(text)

    def set_iso(self, iso: str | None) -> None:
        self.setText(iso or ("" if self.optional else _today()))
        self._commit()

    def _commit(self) -> None:
        try:
            value = self.iso()
        except ValueError as error:
            self.setStyleSheet("border: 1px solid #D55E00;")
            self.setToolTip(str(error)[:1].upper() + str(error)[1:] + ".")
            return
        self.setStyleSheet("")
        self.setToolTip(self.accessibleDescription())  # what the field is for, once it is right
        if value != self._committed:
            self._committed = value
            self.dateChanged.emit(to_qdate(value) if value else QDate())

    # --- keyboard and calendar ---------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}
        if event.key() in steps:
            self.set_iso(self._start_date().addDays(steps[event.key()]).toString(ISO_FORMAT))
            return
        super().keyPressEvent(event)

    def _start_date(self) -> QDate:
        """The date shown, or today when the field is empty or not a date yet."""
        try:
            value = self.iso()
        except ValueError:
            value = None
        return to_qdate(value or _today())

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setSelectedDate(self._start_date())
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(date: QDate) -> None:
            menu.close()
            self.set_iso(date.toString(ISO_FORMAT))

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        self.calendar = calendar  # for tests and accessibility tools
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))


class OptionalDateField(DateField):
    """A date that may be left empty; empty_text says what empty means ("no deadline")."""

    optional = True

    def __init__(self, iso: str | None = None, empty_text: str = "none", parent=None) -> None:
        super().__init__(iso, parent, empty_text=empty_text)


def add_to_toolbar(toolbar: QToolBar, label: str, field: DateField) -> None:
    """Put field in toolbar after its label, which names it for screen readers and gives it
    the label's Alt+letter ('&As of': Alt+A)."""
    caption = QLabel(f" {label} ")
    caption.setBuddy(field)
    toolbar.addWidget(caption)
    toolbar.addWidget(field)
