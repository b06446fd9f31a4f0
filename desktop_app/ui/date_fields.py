"""Date fields that speak ISO strings, including an optional one that can be left empty."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

ISO_FORMAT = "yyyy-MM-dd"
_NONE = QDate(1900, 1, 1)


def to_qdate(iso: str) -> QDate:
    return QDate.fromString(iso, ISO_FORMAT)


class DateField(QDateEdit):
    def __init__(self, iso: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(ISO_FORMAT)
        self.setDate(to_qdate(iso) if iso else QDate.currentDate())

    def iso(self) -> str | None:
        return self.date().toString(ISO_FORMAT)

    def set_iso(self, iso: str | None) -> None:
        self.setDate(to_qdate(iso) if iso else QDate.currentDate())


class OptionalDateField(DateField):
    """Shows `empty_text` until a date is chosen; the earliest date stands for 'no date'."""

    def __init__(self, iso: str | None = None, empty_text: str = "none", parent=None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(_NONE)
        self.setSpecialValueText(empty_text)
        self.set_iso(iso)

    def iso(self) -> str | None:
        return None if self.date() == _NONE else self.date().toString(ISO_FORMAT)

    def set_iso(self, iso: str | None) -> None:
        self.setDate(to_qdate(iso) if iso else _NONE)
