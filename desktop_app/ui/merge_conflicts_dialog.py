"""View > Merge conflicts: every value a merge set aside (the one that lost, and why), newest
merge first, and its export as CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.exchange.merge_log import (
    COLUMN_TITLES,
    LoggedConflict,
    logged_conflicts,
    write_conflicts_csv,
)
from desktop_app.ui.database_files import dialog_folder
from desktop_app.ui.i18n import translate

SHOWN = COLUMN_TITLES[:-1]  # the UUID goes to the CSV only


class MergeConflictsDialog(QDialog):
    def __init__(self, window, conflicts: list[LoggedConflict]) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(translate("MergeConflictsDialog", "Merge conflicts"))
        self.conflicts = conflicts
        count = len(conflicts)
        self.caption = QLabel(
            (
                translate(
                    "MergeConflictsDialog",
                    "{count} values set aside by merges: the value kept is in the file, the "
                    "value lost is kept here.",
                )
                if count != 1
                else translate(
                    "MergeConflictsDialog",
                    "1 value set aside by merges: the value kept is in the file, the value lost "
                    "is kept here.",
                )
            ).format(count=count)
            if conflicts
            else translate("MergeConflictsDialog", "No merge has set a value aside in this file.")
        )
        self.caption.setWordWrap(True)
        self.table = QTableWidget(count, len(SHOWN))
        self.table.setHorizontalHeaderLabels(SHOWN)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, conflict in enumerate(conflicts):
            for column, text in enumerate(_cells(conflict)):
                item = QTableWidgetItem(text)
                item.setToolTip(conflict.from_file if column == 1 else text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(len(SHOWN) - 1):  # long values are read in the tooltip
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(
            translate("MergeConflictsDialog", "&Export CSV…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.export_button.setEnabled(bool(conflicts))
        self.export_button.clicked.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 400)

    def export(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            translate("MergeConflictsDialog", "Export merge conflicts"),
            str(dialog_folder(self.window_) / "merge-conflicts.csv"),
            translate("MergeConflictsDialog", "CSV files (*.csv)"),
        )
        if not target:
            return
        try:
            rows = write_conflicts_csv(self.conflicts, target)
        except OSError as error:
            QMessageBox.warning(
                self,
                translate("MergeConflictsDialog", "Export merge conflicts"),
                translate(
                    "MergeConflictsDialog", "{target} could not be written: {reason}."
                ).format(target=target, reason=error.strerror),
            )
            return
        self.caption.setText(
            translate("MergeConflictsDialog", "{rows} conflicts written to {target}.").format(
                rows=rows, target=target
            )
        )


def _cells(conflict: LoggedConflict) -> tuple[str, ...]:
    merged_at = conflict.merged_at[:16].replace("T", " ") + " UTC"
    return (
        merged_at, Path(conflict.from_file).name, conflict.table, conflict.record,
        conflict.field, conflict.kept, conflict.lost, conflict.kept_side, conflict.reason,
    )  # fmt: skip


def show_conflicts(window, *_checked) -> MergeConflictsDialog | None:
    if window.db is None:
        return None
    dialog = MergeConflictsDialog(window, logged_conflicts(window.db))
    dialog.open()
    return dialog
