"""The record tables' views: how each is set up, and their column widths and sort order as the
user left them (kept in QSettings under tables/v2/<table name>)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.ui.paged_table_model import PagedTableModel
from desktop_app.ui.settings import table_layout


def table_view(model: PagedTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    # "commitments_table" is read out as "Commitments table"
    view.setAccessibleName(name.replace("_", " ").capitalize())
    view.setAccessibleDescription(
        "Up and Down move between rows, Ctrl+Home and Ctrl+End to the first and last; Ctrl+Return "
        "edits the selected row and clicking a column header sorts by it"
    )
    view.setModel(model)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    # fit columns to the first 40 rows: Qt's default reads 1,000 rows a column (seconds on a
    # big file, with the window frozen)
    view.horizontalHeader().setResizeContentsPrecision(40)
    view.setWordWrap(False)
    # a table of rows: Tab moves on to the next control instead of cell by cell, so the
    # keyboard is never stuck in a table of thousands of cells
    view.setTabKeyNavigation(False)
    return view


def restore_layouts(views: list[QTableView]) -> list[QTableView]:
    """Column widths and sort order as last left; returns the views with none saved."""
    unsaved = []
    for view in views:
        state = table_layout(view.objectName()).read()
        if state is not None:
            view.horizontalHeader().restoreState(state)
        else:
            unsaved.append(view)
    return unsaved


def save_layouts(views: list[QTableView]) -> None:
    for view in views:
        table_layout(view.objectName()).write(view.horizontalHeader().saveState())


class TableLayouts:
    """The column layouts of a window's tables: restored when a file opens; a table with none
    saved is fitted to its rows once they are read; at close only the tables laid out are
    saved (a table never shown keeps nothing, so that it is fitted when it first is)."""

    def __init__(self) -> None:
        self.views: list[QTableView] = []
        self.unfitted: list[QTableView] = []

    def restore(self, views: list[QTableView]) -> None:
        self.views = views
        self.unfitted = restore_layouts(views)

    def fit(self, views: list[QTableView], first_column_widths: dict | None = None) -> None:
        widths = first_column_widths or {}
        for view in views:
            model = view.model()
            if view not in self.unfitted or not model.loaded:
                continue
            if model.reordering:  # the rows are on their way from a worker: fit to them
                refit = partial(self.fit, [view], {view: widths.get(view)})
                model.ids_ready.connect(refit, Qt.ConnectionType.SingleShotConnection)
                continue
            self.unfitted.remove(view)
            fit_columns(view, widths.get(view))

    def save(self) -> None:
        save_layouts([view for view in self.views if view not in self.unfitted])


WIDEST_COLUMN = 320  # px: one long place name must not push the other columns out of sight


FIT_ROWS = 40  # the rows a column is fitted to (Qt's own default reads 1,000 a column)
CELL_PADDING = 16  # px: the cell's margins and the focus frame, around its text


def fit_columns(view: QTableView, first_column_width: int | None = None) -> None:
    """Columns as wide as the text of their first rows or their header (up to WIDEST_COLUMN),
    the first as wide as asked. Only the text is measured: Qt's resizeColumnsToContents asks
    every cell for a dozen roles (about 100 ms on the GUI thread for one table)."""
    model, header = view.model(), view.horizontalHeader()
    metrics = view.fontMetrics()
    rows = min(model.rowCount(), FIT_ROWS)
    for column in range(model.columnCount()):
        texts = (model.data(model.index(row, column)) for row in range(rows))
        widest = max((metrics.horizontalAdvance(str(t)) for t in texts if t), default=0)
        width = max(widest + CELL_PADDING, header.sectionSizeHint(column))
        view.setColumnWidth(column, min(width, WIDEST_COLUMN))
    if first_column_width is not None:
        view.setColumnWidth(0, first_column_width)
