"""Edit > Place names…: the places of the open file with their English and local names
(Zahidan, زاهدان), to correct or add either. Found by either name; OK saves every change as one
step that Undo takes back."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLineEdit, QTableWidget, QTableWidgetItem

from desktop_app.domain.records import Place
from desktop_app.store import records
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.i18n import translate
from desktop_app.ui.paged_table_model import text_alignment
from desktop_app.ui.settings import dialog_geometry

COLUMNS = (  # translated where shown
    QT_TRANSLATE_NOOP("PlaceNames", "Name"),
    QT_TRANSLATE_NOOP("PlaceNames", "Local name"),
    QT_TRANSLATE_NOOP("PlaceNames", "Country"),
)
NAME, LOCAL, COUNTRY = range(len(COLUMNS))

_PLACES = """SELECT id, name, local_name, COALESCE(country_iso3, '') FROM places
             WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"""


class PlaceNamesDialog(RememberingDialog):
    def __init__(self, db, parent=None) -> None:
        super().__init__(translate("PlaceNames", "Place names"), parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("PlaceNames", "Find a place by either name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._show_matching)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("PlaceNames", c) for c in COLUMNS])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab goes on to OK; arrows move in the table
        self.table.setAccessibleName(translate("PlaceNames", "Places"))
        self.table.setAccessibleDescription(
            translate(
                "PlaceNames",
                "Each place's name and its name in the country's own script; F2 edits a cell",
            )
        )
        self.form.addRow(translate("PlaceNames", "&Find"), self.search)
        self.form.addRow(translate("PlaceNames", "&Places"), self.table)
        self.stored: dict[int, tuple[str, str]] = {}
        for place_id, name, local, country in db.execute(_PLACES).fetchall():
            self._add_row(place_id, name, local, country)
        self.table.resizeColumnsToContents()
        self.table.itemChanged.connect(_align)  # a name typed in another script
        if dialog_geometry(self.objectName()).read() is None:
            self.resize(620, 480)  # room for the list the first time

    def _add_row(self, place_id: int, name: str, local: str, country: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.stored[place_id] = (name, local)
        for column, text in ((NAME, name), (LOCAL, local), (COUNTRY, country)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, place_id)
            if column == COUNTRY:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
            _align(item)

    def _show_matching(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.table.rowCount()):
            names = (self.table.item(row, NAME).text(), self.table.item(row, LOCAL).text())
            self.table.setRowHidden(
                row, bool(wanted) and not any(wanted in n.casefold() for n in names)
            )

    def build_result(self) -> list[tuple[int, Place]]:
        """The places whose names were changed, as (id, place with its new names)."""
        changed = []
        for row in range(self.table.rowCount()):
            place_id = self.table.item(row, NAME).data(Qt.ItemDataRole.UserRole)
            name = self.table.item(row, NAME).text().strip()
            local = self.table.item(row, LOCAL).text().strip()
            if (name, local) == self.stored[place_id]:
                continue
            if not name:
                raise ValueError(
                    translate("PlaceNames", "row {row} has no name; a place needs one").format(
                        row=row + 1
                    )
                )
            place = records.get(self.db, Place, place_id)
            changed.append((place_id, dataclasses.replace(place, name=name, local_name=local)))
        return changed


def _align(item: QTableWidgetItem) -> None:
    """زاهدان from the right edge of its cell, as in the other tables; Latin text from the left."""
    default = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    wanted = text_alignment(item.text()) or default
    if item.textAlignment() != wanted:
        item.setTextAlignment(wanted)


def edit_place_names(window) -> None:
    """Show the dialog; OK writes every changed place in one transaction, one undo step."""
    from desktop_app.ui.record_actions import push_change

    dialog = PlaceNamesDialog(window.db, parent=window)
    saved: dict = {}

    def save(changed: list[tuple[int, Place]]) -> None:
        if changed:
            saved["change"], saved["count"] = window.session.update_all(changed), len(changed)

    dialog.save = save
    if dialog.exec() and "change" in saved:
        count = saved["count"]
        step = (
            translate("PlaceNames", "Edit {count} place names")
            if count != 1
            else translate("PlaceNames", "Edit 1 place name")
        )
        push_change(window, saved["change"], step.format(count=count))
