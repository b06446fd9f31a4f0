"""A table model that loads rows from a store query a page at a time.

The view asks for more rows as the user scrolls (canFetchMore/fetchMore), so a table over a
million events holds only the pages that were looked at. Sorting is done by the query, not by a
proxy, for the same reason.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    #: (row key, header) pairs; subclasses set this
    COLUMNS: tuple[tuple[str, str], ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []
        self._total = 0
        self.sort_key = self.COLUMNS[0][0] if self.COLUMNS else ""
        self.descending = False

    # --- what subclasses provide -------------------------------------------------------------
    def fetch(self, limit: int, offset: int) -> list[dict]:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def display(self, row: dict, key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    def cell_role(self, row: dict, key: str, role: int):
        """Extra roles (colours, tooltips) for one cell; None means the default."""
        return None

    # --- loading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self._total = self.count()
        self._rows = self.fetch(self.PAGE_SIZE, 0)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self.fetch(self.PAGE_SIZE, len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_for_id(self, record_id: int) -> int | None:
        """Row number of record_id, loading further pages until found (None if not shown)."""
        while True:
            for number, row in enumerate(self._rows):
                if row["id"] == record_id:
                    return number
            if not self.canFetchMore():
                return None
            self.fetchMore()

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        return self.cell_role(row, key, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = self.COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
