"""The filter bar above the commitments table; it produces a store CommitmentFilter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop_app.domain.status import STATUS_INFO
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.store import listings
from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.accessibility import name_widget
from desktop_app.ui.date_fields import OptionalDateField
from desktop_app.ui.searchable_combo import make_searchable

STATUS_FILTER_NOTE = (
    "Shows the commitments whose status, or one party's own status, is the one chosen: "
    "the Party statuses column names the party when it is not the headline."
)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search titles, descriptions and notes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem("Any status", None)
        for status, info in STATUS_INFO.items():
            self.status.addItem(info.label, status.value)
        self.status.setToolTip(STATUS_FILTER_NOTE)
        self.status.setAccessibleDescription(STATUS_FILTER_NOTE)
        self.category = QComboBox()
        self.category.addItem("Any category", None)
        for category in CATEGORIES:
            self.category.addItem(category.capitalize(), category)
        self.party = QComboBox()
        self.place = QComboBox()
        make_searchable(self.place)  # by either name: Zahidan or زاهدان
        self._choices: dict[QComboBox, list] = {}  # what each list was last filled with
        self.made_from = OptionalDateField(empty_text="made from: any")
        self.made_to = OptionalDateField(empty_text="made to: any")
        self.overdue = QCheckBox("Overdue only")
        # typing is debounced so that one query runs per pause, not per key
        self._typing = QTimer(self, singleShot=True, interval=150)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        for combo in (self.status, self.category, self.party, self.place):
            combo.currentIndexChanged.connect(self.changed)
        # an explicit minimum lets the window shrink on small screens (down to about 640 px)
        for widget in (self.status, self.category, self.party, self.place):
            widget.setMinimumWidth(60)
        for widget in (self.made_from, self.made_to):
            widget.setMinimumWidth(90)
        self.search.setMinimumWidth(120)
        self.made_from.dateChanged.connect(self.changed)
        self.made_to.dateChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self._name_for_screen_readers()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for widget in (self.status, self.category, self.party, self.place):
            layout.addWidget(widget, 1)
        layout.addWidget(self.made_from)
        layout.addWidget(self.made_to)
        layout.addWidget(self.overdue)

    def _name_for_screen_readers(self) -> None:
        search_note = "Finds words in titles, descriptions and status notes (Ctrl+F)"
        name_widget(self.search, "Search commitments", search_note)
        name_widget(self.status, "Status filter", STATUS_FILTER_NOTE)
        name_widget(self.category, "Category filter", "Shows one category of commitment", True)
        name_widget(self.party, "Party filter", "Shows the commitments of one party", True)
        name_widget(self.place, "Place filter", "Shows the commitments at one place", True)
        name_widget(self.made_from, "Made from", "Commitments made on or after this date", True)
        name_widget(self.made_to, "Made to", "Commitments made on or before this date", True)
        name_widget(self.overdue, "Overdue only", "Shows only commitments past their deadline")

    def load_choices(self, db) -> None:
        """Fill the party and place lists from the open database, keeping the selection: the
        actors and places that commitments name (a list is rebuilt only when it changed)."""
        for combo, empty, choices in (
            (self.party, "Any party", listings.party_choices(db)),
            (self.place, "Any place", listings.commitment_place_choices(db)),
        ):
            if self._choices.get(combo) == choices:
                continue
            self._choices[combo] = choices
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(empty, None)
            for record_id, name in choices:
                combo.addItem(name, record_id)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def current_filter(self) -> CommitmentFilter:
        status = self.status.currentData()
        return CommitmentFilter(
            text=self.search.text(),
            statuses=(status,) if status else (),
            category=self.category.currentData(),
            party_id=self.party.currentData(),
            place_id=self.place.currentData(),
            made_from=self.made_from.iso(),
            made_to=self.made_to.iso(),
            overdue_only=self.overdue.isChecked(),
        )

    def set_filter(self, flt: CommitmentFilter) -> None:
        """Show flt in the widgets (emits changed once)."""
        widgets = (
            self.search,
            self.status,
            self.category,
            self.party,
            self.place,
            self.made_from,
            self.made_to,
            self.overdue,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.setText(flt.text)
        self.status.setCurrentIndex(
            max(0, self.status.findData(flt.statuses[0] if flt.statuses else None))
        )
        self.category.setCurrentIndex(max(0, self.category.findData(flt.category)))
        self.party.setCurrentIndex(max(0, self.party.findData(flt.party_id)))
        self.place.setCurrentIndex(max(0, self.place.findData(flt.place_id)))
        self.made_from.set_iso(flt.made_from)
        self.made_to.set_iso(flt.made_to)
        self.overdue.setChecked(flt.overdue_only)
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()
