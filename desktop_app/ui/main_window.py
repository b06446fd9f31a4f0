"""The main window: wires the tabs, the menus and the status bar together.

It owns no data: it reads through the session's connection, writes only through the session
(ui/record_actions.py), and every edit is a step on self.undo_stack.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import APP_NAME
from desktop_app.domain.dates import today_iso
from desktop_app.store import queries
from desktop_app.store.errors import StoreError
from desktop_app.ui import (
    accessibility,
    gui_thread_gc,
    record_actions,
    settings,
    sources_tab,
)
from desktop_app.ui.commitments_tab import CommitmentsTab
from desktop_app.ui.counts_label import CountsLabel
from desktop_app.ui.dashboard_tab import DashboardTab
from desktop_app.ui.database_files import RecentFiles
from desktop_app.ui.date_fields import ISO_FORMAT, DateField, add_to_toolbar
from desktop_app.ui.first_paint import after_first_paint
from desktop_app.ui.i18n import VIEW_MENU_TABS, translate
from desktop_app.ui.map_tab import MapTab
from desktop_app.ui.paged_table_model import ID_ROLE
from desktop_app.ui.saved_views import SavedViews
from desktop_app.ui.table_layout import TableLayouts, table_view
from desktop_app.ui.table_models import CommitmentTableModel, EventTableModel, StatisticTableModel
from desktop_app.ui.tabs import TAB_COMMITMENTS, TAB_DASHBOARD, TAB_EVENTS, TAB_STATISTICS
from desktop_app.ui.window_actions import WindowActions
from desktop_app.ui.window_slots import window_slots

if TYPE_CHECKING:  # the session (and sqlite-utils) load when a file is opened
    from desktop_app.session import Session


class MainWindow(QMainWindow):
    def __init__(self, database_path: str | Path, open_after_first_paint: bool = False) -> None:
        """A window on database_path. With open_after_first_paint the window paints first and
        opens the file right after, so that a big database does not delay the first frame."""
        super().__init__()
        self.session: Session | None = None
        self.database_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.as_of = today_iso()
        self._build_central()
        self._build_actions()
        self._build_menus_and_toolbar()
        self.data_version = 0  # counts edits, so that cached chart numbers know they are old
        self._stale_tables: set[int] = set()  # tabs whose table is read when next shown
        self.layouts = TableLayouts()
        if open_after_first_paint:
            self._open_after_first_paint(Path(database_path))
        else:
            self.open_file(database_path)
        self._restore_layout()
        self._watch = QTimer(self, interval=1000, timeout=self._follow_other_writers)
        self._watch.start()

    @property
    def db(self):
        """The open database, for reading (writes go through self.session)."""
        return self.session.db if self.session is not None else None

    def _open_after_first_paint(self, path: Path) -> None:
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.statusBar().showMessage(translate("MainWindow", "Opening {path}…").format(path=path))
        self.menuBar().setEnabled(False)
        after_first_paint(self, lambda: self._open_deferred(path))

    def _open_deferred(self, path: Path) -> None:
        from desktop_app.paths import default_database_path
        from desktop_app.store.sample import open_or_seed

        if not self.isVisible():
            return  # closed before the file was opened
        self.menuBar().setEnabled(True)
        self.statusBar().clearMessage()
        if self.open_path_with_message(path):
            return
        fallback = default_database_path()
        open_or_seed(fallback).close()
        self.open_file(fallback)

    def _follow_other_writers(self) -> None:
        """Refresh when another program (a CLI import, another window) changed the file."""
        if self.session is not None and self.session.changed_elsewhere():
            self.refresh()

    # --- building ------------------------------------------------------------------------------
    def _build_central(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.commitments = CommitmentsTab()
        self.filter_bar, self.detail = self.commitments.filter_bar, self.commitments.detail
        self.filter_bar.changed.connect(self._refresh_commitments)
        self.commitments.update_status_requested.connect(
            partial(record_actions.update_status, self)
        )
        self.commitments.edit_requested.connect(partial(record_actions.edit_selected, self))
        self.commitments.selection_changed.connect(self._show_detail)
        self.tabs.addTab(self.commitments, translate("MainWindow", "&Commitments"))
        # events: a search box and the table
        self.event_search = QLineEdit()
        self.event_search.setPlaceholderText(translate("MainWindow", "Search events"))
        self.event_search.setAccessibleName(self.event_search.placeholderText())
        self.event_search.setClearButtonEnabled(True)
        self.event_search.textChanged.connect(self._apply_event_search)
        self.events_page = QWidget()
        QVBoxLayout(self.events_page).addWidget(self.event_search)
        self.tabs.addTab(self.events_page, translate("MainWindow", "Even&ts"))
        self.statistics_page = QWidget()
        QVBoxLayout(self.statistics_page)
        self.tabs.addTab(self.statistics_page, translate("MainWindow", "&Statistics"))
        self.dashboard_tab = DashboardTab()
        self.dashboard_tab.commitment_clicked.connect(self._select_from_chart)
        self.tabs.addTab(self.dashboard_tab, translate("MainWindow", "&Dashboard"))
        self.map_tab = MapTab.attach(self)
        self.sources_tab = sources_tab.SourcesTab.attach(self)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.counts_label = CountsLabel()
        self.commitments.rows_counted.connect(self.counts_label.show_count)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_actions(self) -> None:
        self.commands = WindowActions(self, self.undo_stack, window_slots(self))
        for name, action in self.commands.actions.items():
            setattr(self, f"{name}_action", action)  # window.undo_action, for tests and tools

    def _build_menus_and_toolbar(self) -> None:
        tab_names = [translate("MainWindow", name) for name in VIEW_MENU_TABS]
        submenus = self.commands.build_menus(self, tab_names, self.tabs.setCurrentIndex)
        self.recent_menu, self.views_menu = submenus["recent"], submenus["views"]
        self.recent_files = RecentFiles(submenus["recent"], self.open_path_with_message)
        self.saved_views = SavedViews(submenus["views"], self.save_view_action, self.recall_view)
        toolbar = self.commands.build_toolbar(self)
        self.as_of_field = DateField(self.as_of)
        self.as_of_field.setAccessibleDescription(
            translate("MainWindow", "Tables, details and charts show this date")
        )
        self.as_of_field.dateChanged.connect(self._as_of_changed)
        add_to_toolbar(toolbar, translate("MainWindow", "&As of"), self.as_of_field)  # Alt+A
        accessibility.set_tab_order([self.as_of_field, self.tabs, self.filter_bar.search])
        toolbar.addAction(self.today_action)

    # --- database ------------------------------------------------------------------------------
    def open_file(self, path: str | Path) -> None:
        """Open the database at path in this window; raises StoreError if it cannot be used."""
        from desktop_app.ui.busy_wait import wait_without_freezing

        path = Path(path).expanduser().resolve()
        version = wait_without_freezing(lambda: _inspected(path))  # off the GUI thread
        from desktop_app.session import Session  # (imported by _inspected)

        session = Session.open_inspected(path, version, settings.ANALYST_NAME.read() or "")
        if self.session is not None:
            self.layouts.save()
            self.session.close()
            gui_thread_gc.thaw()  # the old file's models may now be garbage in frozen cycles
        self.session = session
        self.database_path = path
        self.undo_stack.clear()
        self._install_models()
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.setWindowFilePath(str(path))
        self.recent_files.remember(path)
        settings.LAST_DATABASE.write(str(path))
        self.refresh()  # the models' first read, in the order set above
        self._fit_columns(list(self.layouts.unfitted))
        key = self._chart_cache_key()
        self.dashboard_tab.prefetch(
            path, self.commitment_model.rows_in_table(), key, lambda: self._chart_cache_key() == key
        )

    def open_path_with_message(self, path: str | Path) -> bool:
        try:
            self.open_file(path)
        except StoreError as error:
            QMessageBox.warning(
                self, translate("MainWindow", "Cannot open the database"), str(error)
            )
            return False
        return True

    def _install_models(self) -> None:
        self.commitments.install(self.db, self.as_of)
        self.event_model = EventTableModel(self.db, self.as_of, self)
        self.statistic_model = StatisticTableModel(self.db, self.as_of, self)
        for attribute, page, model, name in (
            ("events_view", self.events_page, self.event_model, "events_table"),
            ("statistics_view", self.statistics_page, self.statistic_model, "statistics_table"),
        ):
            previous = getattr(self, attribute, None)
            if previous is not None:
                previous.model().retire()
                previous.setParent(None)
                previous.deleteLater()
            view = table_view(model, name)
            view.doubleClicked.connect(partial(record_actions.edit_selected, self))
            page.layout().addWidget(view)
            setattr(self, attribute, view)
        self.commitments_view.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.events_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.statistics_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.layouts.restore([self.commitments_view, self.events_view, self.statistics_view])

    # --- refreshing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read everything shown from the store (after an edit, an import, a new file)."""
        if self.db is None:
            return
        self.data_version += 1
        self.filter_bar.load_choices(self.db)
        self._stale_tables = {TAB_EVENTS, TAB_STATISTICS}
        self._reload_if_stale(self.tabs.currentIndex())
        self._refresh_commitments(same_data=False)

    def _reload_if_stale(self, tab: int) -> None:
        """The events and statistics tables are read when they are shown, not before."""
        model = {TAB_EVENTS: self.event_model, TAB_STATISTICS: self.statistic_model}.get(tab)
        if model is None or tab not in self._stale_tables:
            return
        self._stale_tables.discard(tab)
        model.reload()
        self._fit_columns([self._view_for_tab(tab)])

    def _refresh_commitments(self, same_data: bool = True) -> None:
        """The commitments, counts and charts; same_data: only the date or filter moved."""
        self.commitments.reload(self.as_of, same_data)
        self._show_detail()
        self._update_counts()
        self._refresh_dashboard()

    def _apply_event_search(self, text: str) -> None:
        self.event_model.text = text
        self.event_model.reload()

    def _as_of_changed(self, date: QDate) -> None:
        self.as_of = date.toString(ISO_FORMAT)
        if self.db is not None:
            self.event_model.as_of = self.statistic_model.as_of = self.as_of
            self._stale_tables = {TAB_EVENTS, TAB_STATISTICS}
            self._reload_if_stale(self.tabs.currentIndex())
            self._refresh_commitments()

    def set_as_of(self, iso: str) -> None:
        self.as_of_field.set_iso(iso)

    def _update_counts(self) -> None:
        args = (self.db, self.database_path, self._chart_cache_key(), self.as_of)
        self.counts_label.update_counts(*args, self.commitment_model.total)

    def _show_detail(self, *_args) -> None:
        self.detail.show_commitment(self.db, self.commitments.shown_id(), self.as_of)

    def _tab_changed(self, index: int) -> None:
        self._reload_if_stale(index)
        if index == TAB_DASHBOARD:
            self.dashboard_tab.create_soon(refresh=self._refresh_dashboard)

    def _refresh_dashboard(self) -> None:
        shown = self.tabs.currentIndex() == TAB_DASHBOARD
        flt = self.commitment_model.filter
        key = self._chart_cache_key()
        self.dashboard_tab.refresh(self.database_path, self.as_of, flt, key, shown)
        self.map_tab.follow(self.database_path, self.as_of, flt, key)

    def _chart_cache_key(self) -> tuple:
        """Names the data the charts' kept numbers were counted from (a new one after edits)."""
        token = self.session.token if self.session is not None else None
        return (str(self.database_path), token, self.data_version)

    @property
    def dashboard(self):
        """The dashboard's charts, once its tab has been shown."""
        return self.dashboard_tab.dashboard

    def _select_from_chart(self, commitment_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_COMMITMENTS)
        if not self.select_commitment(commitment_id):
            self.statusBar().showMessage(
                translate(
                    "MainWindow",
                    "That commitment is hidden by the current filter; clear it with Ctrl+L.",
                ),
                6000,
            )

    # --- selection -----------------------------------------------------------------------------
    def _view_for_tab(self, tab: int) -> QTableView | None:
        return {
            TAB_COMMITMENTS: self.commitments_view,
            TAB_EVENTS: self.events_view,
            TAB_STATISTICS: self.statistics_view,
        }.get(tab)

    @property
    def commitment_model(self) -> CommitmentTableModel:
        return self.commitments.model

    @property
    def commitments_view(self) -> QTableView:
        return self.commitments.view

    def selected_id(self, tab: int | None = None) -> int | None:
        tab = self.tabs.currentIndex() if tab is None else tab
        if tab == TAB_COMMITMENTS:
            return self.commitments.selected_id()
        view = self._view_for_tab(tab)
        if view is None:
            return None
        index = view.selectionModel().currentIndex()
        if not index.isValid() or not view.selectionModel().isRowSelected(index.row()):
            return None
        return index.data(ID_ROLE)

    def select_commitment(self, commitment_id: int) -> bool:
        """Select a commitment; False if the filter hides it."""
        return self.commitments.select(commitment_id)

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == TAB_EVENTS:
            self.event_search.setFocus()
            self.event_search.selectAll()
            return
        self.tabs.setCurrentIndex(TAB_COMMITMENTS)
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    def save_current_view(self, name: str | None = None) -> None:
        self.saved_views.save(self.filter_bar.current_filter(), name)

    def recall_view(self, name: str) -> None:
        flt = self.saved_views.get(name)
        if flt is not None:
            self.tabs.setCurrentIndex(TAB_COMMITMENTS)
            self.filter_bar.set_filter(flt)

    def clear_filter(self) -> None:
        self.filter_bar.set_filter(queries.CommitmentFilter())

    # --- layout memory -------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.read()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.WINDOW_STATE.read()
        if state is not None:
            self.restoreState(state)

    def _fit_columns(self, views: list[QTableView]) -> None:
        """Columns of tables with no saved layout fitted to their rows, once rows are read."""
        self.layouts.fit(views, {self.commitments_view: 300})

    def closeEvent(self, event) -> None:
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_STATE.write(self.saveState())
        self.commitments.save_layout()
        if self.db is not None:  # the tables exist once a database is open
            self.layouts.save()
        if self.session is not None:
            for model in (self.commitment_model, self.event_model, self.statistic_model):
                model.retire()  # reads still on their way find the connection closed
            self.session.close()
            self.session = None
            gui_thread_gc.thaw()
        super().closeEvent(event)


def _inspected(path: Path) -> int | None:
    """The file checked (and upgraded) for opening; on the first open, the store's modules
    (sqlite-utils, numpy: 0.1-0.3 s) are imported here too, on the worker, not the GUI thread."""
    from desktop_app.session import Session  # noqa: F401
    from desktop_app.store.database import inspect_and_upgrade

    return inspect_and_upgrade(path)
