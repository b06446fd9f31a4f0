"""The Sources tab: every source with its publisher, date and the number of records citing it;
the selected one shown whole (ui/source_view.py); and a merge of the sources that share a web
address, in one undoable step. The list is read on a worker when the tab is shown and again
after each change while it is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.store import source_citations, source_merge
from desktop_app.store.errors import StoreError
from desktop_app.store.snapshots import snapshot_of
from desktop_app.ui.i18n import translate
from desktop_app.ui.source_view import source_html

HEADERS = (
    QT_TRANSLATE_NOOP("SourcesTab", "Title"),
    QT_TRANSLATE_NOOP("SourcesTab", "Publisher"),
    QT_TRANSLATE_NOOP("SourcesTab", "Published"),
    QT_TRANSLATE_NOOP("SourcesTab", "Cited by"),
    QT_TRANSLATE_NOOP("SourcesTab", "Snapshot"),
    QT_TRANSLATE_NOOP("SourcesTab", "Web address"),
)
ID_ROLE = Qt.ItemDataRole.UserRole


def _read_sources(db, _report) -> tuple[list[dict], list[list[int]]]:
    return source_citations.source_rows(db), source_merge.duplicate_groups(db)


class SourcesTab(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName(translate("SourcesTab", "Sources"))
        self.table.setAccessibleDescription(
            translate(
                "SourcesTab",
                "Every source with its publisher, date and the number of records citing it",
            )
        )
        self.table.setHorizontalHeaderLabels([translate("SourcesTab", h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.view = QTextBrowser()
        self.view.setAccessibleName(translate("SourcesTab", "Source details"))
        self.view.setAccessibleDescription(
            translate(
                "SourcesTab", "The chosen source, the records citing it and its saved article text"
            )
        )
        self.view.setOpenExternalLinks(True)
        self.duplicates = QLabel()
        self.merge_button = QPushButton(translate("SourcesTab", "Merge duplicate sources"))
        self.merge_button.setToolTip(
            translate("SourcesTab", "Sources with the same web address become the oldest one")
        )
        self.merge_button.clicked.connect(self.merge_duplicates)
        bar = QHBoxLayout()
        bar.addWidget(self.duplicates, 1)
        bar.addWidget(self.merge_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setSizes([700, 500])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.rows: list[dict] = []
        self.groups: list[list[int]] = []
        self.loading = False
        self.stale = True

    @classmethod
    def attach(cls, window) -> SourcesTab:
        """Add the tab to the window; it follows the window's changes by itself."""
        tab = cls(window)
        window.tabs.addTab(tab, translate("MainWindow", "S&ources"))
        # read again each time it is shown: another program may have added sources meanwhile
        window.tabs.currentChanged.connect(lambda _index: tab.data_changed())
        window.undo_stack.indexChanged.connect(lambda _index: tab.data_changed())
        return tab

    def data_changed(self) -> None:
        self.stale = True
        self.reload_if_shown()

    def reload_if_shown(self) -> None:
        if self.window_.tabs.currentWidget() is self and self.stale:
            self.reload()

    def reload(self) -> None:
        """Read the sources again, on a worker."""
        from desktop_app.ui.worker import report_failure, run_in_background, with_own_connection

        path = self.window_.database_path
        if path is None:
            return
        self.stale = False
        self.loading = True
        task = with_own_connection(path, _read_sources)
        run_in_background(self, task, self._show_rows, report_failure(self, "Reading sources"))

    def _show_rows(self, result: tuple[list[dict], list[list[int]]]) -> None:
        self.loading = False
        selected = self.selected_id()
        self.rows, self.groups = result
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (
                row["title"],
                row["publisher"] or "",
                row["published_on"] or "",
                str(row["cited"]),
                translate("SourcesTab", "kept") if row["has_snapshot"] else "",
                row["url"] or "",
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row["id"])
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        extra = sum(len(g) - 1 for g in self.groups)
        duplicates = (
            translate("SourcesTab", "{sources} sources; 1 duplicate")
            if extra == 1
            else translate("SourcesTab", "{sources} sources; {extra} duplicates")
        )
        note = translate("SourcesTab", "(the same web address as an older source)")
        counts = duplicates.format(sources=f"{len(self.rows):,}", extra=extra)
        self.duplicates.setText(f"{counts} {note}")
        self.merge_button.setEnabled(extra > 0)
        if selected is not None:
            self.select(selected)
        else:
            self.show_selected()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def select(self, source_id: int) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == source_id:
                self.table.selectRow(r)
                self.show_selected()
                return True
        return False

    def show_selected(self) -> None:
        source_id, db = self.selected_id(), self.window_.db
        detail = source_citations.source_detail(db, source_id) if source_id and db else None
        if detail is None:
            prompt = translate(
                "SourcesTab",
                "Select a source to see the records citing it and the article it keeps.",
            )
            self.view.setHtml(f"<p style='color:gray'>{prompt}</p>")
            return
        citing = source_citations.citing_records(db, source_id)
        self.view.setHtml(source_html(detail, citing, snapshot_of(db, source_id)))

    def merge_duplicates(self) -> None:
        from desktop_app.ui.record_actions import push_change

        try:
            merged, change = self.window_.session.apply(source_merge.merge_duplicates)
        except StoreError as error:
            QMessageBox.warning(self, translate("SourcesTab", "Sources not merged"), str(error))
            return
        if not merged:
            return
        if merged > 1:
            step = translate("SourcesTab", "Merge {count} duplicate sources")
            done = translate("SourcesTab", "{count} duplicate sources merged. Undo with Ctrl+Z.")
        else:
            step = translate("SourcesTab", "Merge 1 duplicate source")
            done = translate("SourcesTab", "1 duplicate source merged. Undo with Ctrl+Z.")
        push_change(self.window_, change, step.format(count=merged))
        self.window_.statusBar().showMessage(done.format(count=merged), 6000)
