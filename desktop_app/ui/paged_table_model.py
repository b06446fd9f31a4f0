"""A table model over a store query that holds only the pages being looked at.

rowCount() is the full count from the start, so the scroll bar is true; the rows themselves are
read a page at a time when the view asks for them and kept in a small LRU cache. Pages near the
top are read with LIMIT/OFFSET; for big tables the ids in table order are read once on a worker
thread (8 bytes a row), after which any page, however deep, is one `WHERE id IN (…)` query.
Sorting is done by the query, not by a proxy, for the same reason.
"""

from __future__ import annotations

import logging
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.domain.local_names import reads_right_to_left
from desktop_app.ui.i18n import translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    CACHED_PAGES = 40
    #: above this many rows the ordered ids are read on a worker thread
    BACKGROUND_IDS_FROM = 5_000
    #: the table the rows come from (its size decides where reloads run); subclasses set it
    TABLE = ""
    #: (row key, header) pairs; subclasses set this
    COLUMNS: tuple[tuple[str, str], ...] = ()
    ids_ready = Signal()
    reordering_started = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._ids: array | None = None
        self._ids_order: tuple | None = None  # the order_key the ids were read in
        self._loaded = False  # nothing is read before the first reload()
        self._total = 0
        self._generation = 0
        self._reordering = False  # a costly order is being read on a worker (reload)
        self._order_read_running = False  # at most one such read at a time
        self._order_wanted = False  # a newer order was asked for while one was read
        self._retired = False  # replaced, or its window closed: its reads are dropped
        self.sort_key = self.COLUMNS[0][0] if self.COLUMNS else ""
        self.descending = False

    # --- what subclasses provide -------------------------------------------------------------
    def page_reader(self) -> Callable:
        """reader(db, limit, offset) -> rows in table order; like ids_reader, what the order
        depends on is read from the model now, and the reader may run on a worker."""
        raise NotImplementedError

    def count_reader(self) -> Callable:
        """reader(db) -> how many rows the table shows."""
        raise NotImplementedError

    def fetch(self, limit: int, offset: int) -> list[dict]:
        return self.page_reader()(self.db, limit, offset)

    def count(self) -> int:
        return self.count_reader()(self.db)

    def order_is_costly(self) -> bool:
        """Whether even the first page needs work over every row (a sort by a worked-out
        status): its order is then read whole, with the first page, in one go."""
        return False

    def ids_reader(self) -> Callable:
        """reader(db) -> every id in table order (an array("q") is kept as it is). What the
        order depends on is read from the model now, on the GUI thread: the reader may run on
        a worker, with a connection of its own, while the model changes."""
        raise NotImplementedError

    def ordered_ids(self, db=None) -> Iterable[int]:
        """Every id in table order, read now through db (the model's own by default)."""
        return self.ids_reader()(db or self.db)

    def rows_for(self, ids: list[int]) -> list[dict]:
        return self.rows_reader()(self.db, ids)

    def rows_reader(self) -> Callable:
        """reader(db, ids) -> the rows of these ids in their order, read through db (a
        worker's connection or the model's own)."""
        raise NotImplementedError

    def rows_in_table(self) -> int:
        """About how many rows the table holds before any filter (an upper bound: deleted
        rows count), read at once from the end of its b-tree; 0 for a model with no TABLE."""
        if not self.TABLE:
            return 0
        sql = f"SELECT COALESCE(MAX(id), 0) FROM {self.TABLE}"
        return self.db.execute(sql).fetchone()[0]

    def ids_are_cheap(self) -> bool:
        """Whether every id in order is quick enough to read at once (a narrowing search)."""
        return False

    def database_path(self):
        """The file to open for reading ids on a worker thread (None: read them here)."""
        return None

    def display(self, row: dict, key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    def cell_role(self, row: dict, key: str, role: int):
        """Extra roles (colours, tooltips) for one cell; None means the default."""
        return None

    # --- loading -------------------------------------------------------------------------------
    def order_key(self) -> tuple:
        """What the order of the rows depends on, besides the data itself."""
        return (self.sort_key, self.descending)

    def reload(self, same_data: bool = False) -> None:
        """Read the count and the first page again. With same_data (nothing was written, only
        something the rows show changed), ids already read in an unchanged order are kept."""
        keep_ids = same_data and self._ids is not None and self._ids_order == self.order_key()
        if not keep_ids and self._worth_reordering_in_background():
            self._reorder_in_background()
            return
        self._reordering = False
        self._loaded = True
        self.beginResetModel()
        self._generation += 1
        self._pages.clear()
        if not keep_ids:
            self._ids = None
            if self.ids_are_cheap():  # one query gives the count, the first page and the rest
                self._ids, self._ids_order = _as_array(self.ordered_ids(None)), self.order_key()
        if self._ids is not None:
            self._total = len(self._ids)
            self._pages[0] = self.rows_for(list(self._ids[: self.PAGE_SIZE]))
        else:
            self._total = self.count()
            if self._total:
                self._pages[0] = self.fetch(self.PAGE_SIZE, 0)
        self.endResetModel()
        if self._ids is None and self._total > self.BACKGROUND_IDS_FROM:
            self._read_ids_in_background()

    def _worth_reordering_in_background(self) -> bool:
        # on a big table even the count and first page can take a third of a second (a sort
        # by status works out every row's status; a plain count reads every row)
        return self.database_path() is not None and self.rows_in_table() > self.BACKGROUND_IDS_FROM

    def _reorder_in_background(self) -> None:
        """Read the ids in the new order (their count with them) and the first page on a
        worker; the rows shown stay (in their old order, or as they were before an edit)
        until both arrive, then the model is reset to them."""
        self._loaded, self._reordering = True, True
        self._generation += 1
        if self._order_read_running:  # typing fast: one read at a time, then the newest only
            self._order_wanted = True
            return
        self._start_order_read()

    def _order_read_ended(self) -> bool:
        """A read of the row order ended; True if a newer one was asked for meanwhile (and
        is now started)."""
        self._order_read_running = False
        if self._order_wanted and not self._retired:
            self._order_wanted = False
            self._start_order_read()
            return True
        return False

    def _start_order_read(self) -> None:
        from desktop_app.ui.worker import run_in_background, with_own_connection

        self._order_read_running = True
        generation, order, size = self._generation, self.order_key(), self.PAGE_SIZE
        whole = self.order_is_costly() or self.ids_are_cheap()
        ids_reader, rows_reader = self.ids_reader(), self.rows_reader()
        count_reader, page_reader = self.count_reader(), self.page_reader()

        def work(db, _report):
            if not whole:  # the count and the first page now, the whole order after
                return None, count_reader(db), page_reader(db, size, 0)
            ids = _as_array(ids_reader(db))
            return ids, len(ids), rows_reader(db, list(ids[:size]))

        def done(result: tuple) -> None:
            if self._order_read_ended() or generation != self._generation:
                return
            ids, total, first_page = result
            self.beginResetModel()
            self._pages.clear()
            self._ids, self._ids_order, self._total = ids, order, total
            if first_page:
                self._pages[0] = first_page
            self._reordering = False
            self.endResetModel()
            if ids is None and total > self.BACKGROUND_IDS_FROM:
                self._read_ids_in_background()  # ids_ready says when
            else:
                self.ids_ready.emit()

        def failed(error: BaseException) -> None:
            logging.getLogger("commitment_tracker").error("Reading the row order failed: %r", error)
            if not self._order_read_ended() and generation == self._generation:
                self._reordering = False
                self._ids = None
                self.reload()  # here, then: slow, but the table is right

        self.reordering_started.emit()
        run_in_background(self, with_own_connection(self.database_path(), work), done, failed)

    def retire(self) -> None:
        """This model is being replaced (another file was opened, its connection closed):
        reads still on their way are dropped when they arrive, not shown or followed up."""
        self._generation += 1
        self._reordering = self._order_wanted = False
        self._retired = True

    @property
    def reordering(self) -> bool:
        """Whether a new row order is being read on a worker (the rows shown are the old)."""
        return self._reordering

    def _read_ids_in_background(self) -> None:
        path = self.database_path()
        if path is None:
            self._ids, self._ids_order = _as_array(self.ordered_ids(None)), self.order_key()
            return
        from desktop_app.ui.worker import run_in_background, with_own_connection

        generation, order, reader = self._generation, self.order_key(), self.ids_reader()

        def work(db, _report):
            return _as_array(reader(db))

        def done(ids: array) -> None:
            if generation == self._generation:
                self._ids, self._ids_order = ids, order
                self.ids_ready.emit()

        def failed(error: BaseException) -> None:
            # the table still works: the ids are read on demand (wait_for_ids)
            logging.getLogger("commitment_tracker").error("Reading the row order failed: %r", error)

        run_in_background(self, with_own_connection(path, work), done, failed)

    def wait_for_ids(self) -> None:
        """Read the ordered ids now if the worker has not delivered them yet."""
        if self._ids is None:
            self._ids, self._ids_order = _as_array(self.ordered_ids(None)), self.order_key()

    @property
    def total(self) -> int:
        return self._total

    @property
    def loaded(self) -> bool:
        """Whether reload() has read the rows at least once."""
        return self._loaded

    def page(self, number: int) -> list[dict]:
        if number in self._pages:
            self._pages.move_to_end(number)
            return self._pages[number]
        start = number * self.PAGE_SIZE
        if self._reordering and self._ids is None:
            return []  # the old order was never read: blank rows until the new one arrives
        if self._ids is not None:
            rows = self.rows_for(list(self._ids[start : start + self.PAGE_SIZE]))
        else:
            rows = self.fetch(self.PAGE_SIZE, start)
        self._pages[number] = rows
        while len(self._pages) > self.CACHED_PAGES:
            self._pages.popitem(last=False)
        return rows

    def row(self, number: int) -> dict | None:
        rows = self.page(number // self.PAGE_SIZE)
        offset = number % self.PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def ids_pending(self) -> bool:
        """Whether the ordered ids are being read on a worker: row_for_id would read them
        again here, on the GUI thread (ids_ready says when they arrive)."""
        return self._reordering or (
            self._ids is None
            and self._total > self.BACKGROUND_IDS_FROM
            and self.database_path() is not None
        )

    def cached_row_for_id(self, record_id: int) -> int | None:
        """The row of record_id among the pages already read, without any query (None while
        a new order is read: the pages shown are in the old one)."""
        if self._reordering:
            return None
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row["id"] == record_id:
                    return number * self.PAGE_SIZE + offset
        return None

    def row_for_id(self, record_id: int) -> int | None:
        """Row number of record_id in the current order (None if the filter hides it)."""
        if self._total <= self.PAGE_SIZE:
            rows = self.page(0)
            return next((n for n, row in enumerate(rows) if row["id"] == record_id), None)
        self.wait_for_ids()
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    # --- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("Columns", self.COLUMNS[section][1])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._total:
            return None
        row = self.row(index.row())
        if row is None:
            return None
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, key)
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        value = self.cell_role(row, key, role)
        if value is None and role == Qt.ItemDataRole.TextAlignmentRole:
            return text_alignment(self.display(row, key))
        return value

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column; a model not loaded yet only notes it for its first reload()."""
        key, descending = self.COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending) and self._loaded:
            return  # the same order again (the header tells the view twice): nothing to read
        self.sort_key, self.descending = key, descending
        if self._loaded:
            self.reload()


_RIGHT_TO_LEFT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def text_alignment(text: str):
    """Text that reads right to left (a Persian title, an Arabic name) starts at the cell's
    right edge, as it would in its own script's documents; other text keeps the default."""
    return _RIGHT_TO_LEFT if reads_right_to_left(text) else None


def _as_array(ids: Iterable[int]) -> array:
    return ids if isinstance(ids, array) else array("q", ids)
