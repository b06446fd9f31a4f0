"""The filter bar above the commitments table; it produces a store CommitmentFilter."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.status import STATUS_INFO
from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.store import listings
from desktop_app.store.queries import CommitmentFilter
from desktop_app.ui.accessibility import name_widget
from desktop_app.ui.date_fields import OptionalDateField
from desktop_app.ui.i18n import category_label, status_label, translate
from desktop_app.ui.searchable_combo import make_searchable


def status_filter_note() -> str:
    return translate(
        "FilterBar",
        "Shows the commitments whose status, or one party's own status, is the one chosen: "
        "the Party statuses column names the party when it is not the headline.",
    )


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("FilterBar", "Search titles, descriptions and notes (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(translate("FilterBar", "Any status"), None)
        for status in STATUS_INFO:
            self.status.addItem(status_label(status), status.value)
        self.status.setToolTip(status_filter_note())
        self.status.setAccessibleDescription(status_filter_note())
        self.category = QComboBox()
        self.category.addItem(translate("FilterBar", "Any category"), None)
        for category in CATEGORIES:
            self.category.addItem(category_label(category), category)
        self.party = QComboBox()
        self.place = QComboBox()
        make_searchable(self.place)  # by either name: Zahidan or زاهدان
        self._choices: dict[QComboBox, list] = {}  # what each list was last filled with
        self.made_from = OptionalDateField(empty_text=translate("FilterBar", "made from: any"))
        self.made_to = OptionalDateField(empty_text=translate("FilterBar", "made to: any"))
        self.overdue = QCheckBox(translate("FilterBar", "Overdue only"))
        self.unsourced = QCheckBox(translate("FilterBar", "Unsourced only"))
        self.unsourced.setToolTip(
            translate(
                "FilterBar",
                "Shows the commitments whose latest rating (on the as-of date) cites no source",
            )
        )
        # places chosen with a rectangle on the map; the button shows them and clears them
        self.area: tuple[int, ...] = ()
        self.area_button = QToolButton()
        self.area_button.setToolTip(
            translate("FilterBar", "Places chosen on the map; click to show every place again")
        )
        self.area_button.clicked.connect(lambda: self.set_area(()))
        self.area_button.hide()
        # the keys of one turn of the event loop (a paste) are one query; while a query runs, keys
        # typed meanwhile make one more, for the newest text (the table model keeps one read going)
        self._typing = QTimer(self, singleShot=True, interval=0)
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
        self.unsourced.toggled.connect(self.changed)
        self._name_for_screen_readers()
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for widget in (self.status, self.category, self.party, self.place):
            layout.addWidget(widget, 1)
        layout.addWidget(self.made_from)
        layout.addWidget(self.made_to)
        # the two boxes stacked: side by side they would widen the window past small screens
        boxes = QVBoxLayout()
        boxes.setSpacing(0)
        boxes.addWidget(self.overdue)
        boxes.addWidget(self.unsourced)
        layout.addLayout(boxes)
        layout.addWidget(self.area_button)

    def set_area(self, place_ids: tuple[int, ...]) -> None:
        """Keep only the commitments at these places (none: every place); emits changed."""
        self._show_area(place_ids)
        self.changed.emit()

    def _show_area(self, place_ids: tuple[int, ...]) -> None:
        self.area = tuple(place_ids)
        count = len(self.area)
        text = (
            translate("FilterBar", "Map area: 1 place ✕")
            if count == 1
            else translate("FilterBar", "Map area: {count} places ✕").format(count=count)
        )
        self.area_button.setText(text)
        self.area_button.setVisible(bool(count))

    def _name_for_screen_readers(self) -> None:
        search_note = translate(
            "FilterBar", "Finds words in titles, descriptions and status notes (Ctrl+F)"
        )
        name_widget(self.search, translate("FilterBar", "Search commitments"), search_note)
        name_widget(self.status, translate("FilterBar", "Status filter"), status_filter_note())
        name_widget(
            self.category,
            translate("FilterBar", "Category filter"),
            translate("FilterBar", "Shows one category of commitment"),
            True,
        )
        name_widget(
            self.party,
            translate("FilterBar", "Party filter"),
            translate("FilterBar", "Shows the commitments of one party"),
            True,
        )
        name_widget(
            self.place,
            translate("FilterBar", "Place filter"),
            translate("FilterBar", "Shows the commitments at one place"),
            True,
        )
        name_widget(
            self.made_from,
            translate("FilterBar", "Made from"),
            translate("FilterBar", "Commitments made on or after this date"),
            True,
        )
        name_widget(
            self.made_to,
            translate("FilterBar", "Made to"),
            translate("FilterBar", "Commitments made on or before this date"),
            True,
        )
        name_widget(
            self.overdue,
            translate("FilterBar", "Overdue only"),
            translate("FilterBar", "Shows only commitments past their deadline"),
        )
        name_widget(
            self.unsourced, translate("FilterBar", "Unsourced only"), self.unsourced.toolTip()
        )
        name_widget(
            self.area_button, translate("FilterBar", "Map area"), self.area_button.toolTip()
        )

    def load_choices(self, db) -> None:
        """Fill the party and place lists from the open database, keeping the selection: the
        actors and places that commitments name (a list is rebuilt only when it changed)."""
        for combo, empty, choices in (
            (self.party, translate("FilterBar", "Any party"), listings.party_choices(db)),
            (
                self.place,
                translate("FilterBar", "Any place"),
                listings.commitment_place_choices(db),
            ),
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
            place_ids=self.area,
            made_from=self.made_from.iso(),
            made_to=self.made_to.iso(),
            overdue_only=self.overdue.isChecked(),
            unsourced_only=self.unsourced.isChecked(),
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
            self.unsourced,
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
        self.unsourced.setChecked(flt.unsourced_only)
        self._show_area(flt.place_ids)
        for widget in widgets:
            widget.blockSignals(False)
        self.changed.emit()
