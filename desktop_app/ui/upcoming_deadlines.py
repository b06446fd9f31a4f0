"""The dashboard's list of deadlines: commitments overdue, due in the next 30 days, and due in
the 60 after; a click selects the commitment in the Commitments tab."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from desktop_app.ui.i18n import status_label, translate
from desktop_app.ui.status_style import status_colour, text_colour_on

if TYPE_CHECKING:  # numpy loads with the dashboard, not at start-up
    from desktop_app.store.deadlines import DeadlineLists

_COLUMNS = (
    QT_TRANSLATE_NOOP("Deadlines", "Deadline"),
    QT_TRANSLATE_NOOP("Deadlines", "Commitment"),
    QT_TRANSLATE_NOOP("Deadlines", "Status"),
    QT_TRANSLATE_NOOP("Deadlines", "Parties"),
)


def _when(deadline: str, as_of: str) -> str:
    """'in 12 days', 'today', '3 days late'."""
    days = (dt.date.fromisoformat(deadline) - dt.date.fromisoformat(as_of)).days
    if days == 0:
        return translate("Deadlines", "today")
    if days == 1:
        return translate("Deadlines", "in 1 day")
    if days > 1:
        return translate("Deadlines", "in {days} days").format(days=days)
    if days == -1:
        return translate("Deadlines", "1 day late")
    return translate("Deadlines", "{days} days late").format(days=-days)


class UpcomingDeadlines(QTreeWidget):
    commitment_clicked = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Deadlines", "Upcoming deadlines"))
        self.setAccessibleDescription(
            translate(
                "Deadlines",
                "Overdue commitments, those due in the next 30 days and in 31 to 90 days; "
                "Enter or a click selects one",
            )
        )
        self.setObjectName("upcoming_deadlines")
        self.setHeaderLabels([translate("Deadlines", column) for column in _COLUMNS])
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            translate("Deadlines", "Click a commitment to select it in the Commitments tab")
        )
        self.itemClicked.connect(self._clicked)
        self.itemActivated.connect(self._clicked)
        self.show_lists(None)

    def show_lists(self, lists: DeadlineLists | None) -> None:
        self.clear()
        if lists is None:
            return
        from desktop_app.store.deadlines import DUE_SOON_DAYS  # numpy: not at start-up

        first, second = DUE_SOON_DAYS
        later_total = lists.due_total - lists.soon_total
        for title, rows, total in (
            (translate("Deadlines", "Overdue"), lists.overdue, lists.overdue_total),
            (
                translate("Deadlines", "Due in the next {days} days").format(days=first),
                lists.soon,
                lists.soon_total,
            ),
            (
                translate("Deadlines", "Due in {first} to {last} days").format(
                    first=first + 1, last=second
                ),
                lists.later,
                later_total,
            ),
        ):
            left = total - len(rows)  # only the first of a long list are listed
            group = QTreeWidgetItem(self, [f"{title} ({total:,})"])
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for row in rows:
                self._add_row(group, row, lists.as_of)
            if not rows and left <= 0:
                empty = QTreeWidgetItem(group, ["", translate("Deadlines", "none")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            if left > 0:
                more = translate("Deadlines", "… and {count} more").format(count=f"{left:,}")
                QTreeWidgetItem(group, ["", more]).setFlags(Qt.ItemFlag.NoItemFlags)
            group.setExpanded(True)
        for column in (0, 2):
            self.resizeColumnToContents(column)
        self.setColumnWidth(1, max(self.columnWidth(1), 260))

    def _add_row(self, group: QTreeWidgetItem, row: dict, as_of: str) -> None:
        when = f"{row['deadline']} ({_when(row['deadline'], as_of)})"
        item = QTreeWidgetItem(
            group, [when, row["title"], status_label(row["status"]), row["parties"]]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, row["id"])
        background = status_colour(row["status"])
        item.setBackground(2, QBrush(background))
        item.setForeground(2, QBrush(text_colour_on(background)))
        item.setToolTip(1, row["title"])

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        commitment_id = item.data(0, Qt.ItemDataRole.UserRole)
        if commitment_id is not None:
            self.commitment_clicked.emit(int(commitment_id))

    def commitment_ids(self) -> list[int]:
        """The commitments listed, top to bottom (for tests and tools)."""
        found = []
        for g in range(self.topLevelItemCount()):
            group = self.topLevelItem(g)
            for c in range(group.childCount()):
                value = group.child(c).data(0, Qt.ItemDataRole.UserRole)
                if value is not None:
                    found.append(int(value))
        return found
