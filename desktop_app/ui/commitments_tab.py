"""The Commitments tab: the filter bar, the table and the detail panel, and which commitment is
selected. The models and views are made anew for each open file (install)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTableView, QVBoxLayout, QWidget

from desktop_app.ui import settings
from desktop_app.ui.accessibility import set_tab_order
from desktop_app.ui.detail_panel import DetailPanel
from desktop_app.ui.filter_bar import FilterBar
from desktop_app.ui.paged_table_model import ID_ROLE
from desktop_app.ui.table_layout import table_view
from desktop_app.ui.table_models import CommitmentTableModel


class CommitmentsTab(QWidget):
    edit_requested = Signal()
    update_status_requested = Signal()
    selection_changed = Signal()
    rows_counted = Signal(int)  # the rows the filter lets through, each time they are read

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.filter_bar = FilterBar()
        self.view = QTableView()  # replaced once a database is open
        self.model: CommitmentTableModel | None = None
        self.detail = DetailPanel()
        self.detail.update_status_requested.connect(self.update_status_requested)
        self.detail.edit_requested.connect(self.edit_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("commitments_splitter")
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.pending: int | None = None  # selected once the row order is read

    def install(self, db, as_of: str) -> None:
        """A new model and view on db (a newly opened file)."""
        if self.model is not None:
            self.model.retire()
        self.model = CommitmentTableModel(db, as_of, self)
        self.model.ids_ready.connect(self._select_pending)
        self.model.reordering_started.connect(self._show_busy)
        self.model.modelReset.connect(lambda: self.rows_counted.emit(self.model.total))
        self.pending = None
        old, self.view = self.view, table_view(self.model, "commitments_table")
        self.view.selectionModel().selectionChanged.connect(self.selection_changed)
        self.view.doubleClicked.connect(self.edit_requested)
        if old.parent() is self.splitter:
            old.setParent(None)
            old.deleteLater()
        self.splitter.insertWidget(0, self.view)
        if self.splitter.count() == 1:
            self.splitter.addWidget(self.detail)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            saved = settings.WINDOW_SPLITTER.read()
            if saved is not None:
                self.splitter.restoreState(saved)
            else:
                self.splitter.setSizes([780, 480])
        # Tab follows the layout: the filters, the table, then the detail panel beside it
        bar = self.filter_bar
        set_tab_order([bar.overdue, bar.unsourced, self.view, *self.detail.focus_order()])

    def save_layout(self) -> None:
        if self.splitter.count() == 2:  # the table and the detail panel exist
            settings.WINDOW_SPLITTER.write(self.splitter.saveState())

    def reload(self, as_of: str, same_data: bool) -> None:
        """Read the table again for this date and the filter, keeping the selection."""
        selected = self.selected_id() or self.pending
        self.model.as_of = as_of
        self.model.filter = self.filter_bar.current_filter()
        self.model.reload(same_data)
        if selected is not None:
            self.select(selected)

    def selected_id(self) -> int | None:
        index = self.view.selectionModel().currentIndex() if self.model else None
        if index is None or not index.isValid():
            return None
        if not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(ID_ROLE)

    def shown_id(self) -> int | None:
        """The commitment the detail panel shows: the selected one, or the one waiting."""
        return self.selected_id() or self.pending

    def select(self, commitment_id: int) -> bool:
        """Select a commitment; False if the filter hides it. On a big table whose row order is
        still being read on a worker, it is selected when the order arrives (the GUI thread
        never reads a million ids)."""
        self.pending = None
        if self.model.ids_pending():
            row = self.model.cached_row_for_id(commitment_id)
            if row is None:
                self.pending = commitment_id
                return True
        else:
            row = self.model.row_for_id(commitment_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def _show_busy(self) -> None:
        """A new order is read on a worker: the rows shown are the old order until it comes."""
        self.view.viewport().setCursor(Qt.CursorShape.BusyCursor)

    def _select_pending(self) -> None:
        """The row order arrived: select what was waiting for it."""
        self.view.viewport().unsetCursor()
        if self.pending is not None and not self.select(self.pending):
            self.selection_changed.emit()  # hidden by the filter after all
