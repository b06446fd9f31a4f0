"""File > Merge from another database…: choose a colleague's file, see what the merge would do
(new, updated, every conflict and which value wins), then merge it as one step that Edit > Undo
takes back. A copy of the file as it was is kept beside it either way."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.exchange.merge import MergeCancelled, MergePlan, field_words, shown
from desktop_app.session.merging import merge_from_file, plan_from_file, restorable_copy_path
from desktop_app.session.session import CopyCancelled
from desktop_app.store.errors import StoreError
from desktop_app.ui.database_files import FILTER, dialog_folder
from desktop_app.ui.i18n import translate
from desktop_app.ui.undo_commands import RestoreCommand
from desktop_app.ui.worker import run_with_progress, with_own_connection

CONFLICT_COLUMNS = (  # translated where shown
    QT_TRANSLATE_NOOP("MergeDialog", "Record"),
    QT_TRANSLATE_NOOP("MergeDialog", "Field"),
    QT_TRANSLATE_NOOP("MergeDialog", "Yours"),
    QT_TRANSLATE_NOOP("MergeDialog", "Theirs"),
    QT_TRANSLATE_NOOP("MergeDialog", "Kept"),
    QT_TRANSLATE_NOOP("MergeDialog", "Why"),
)


class MergeDialog(QDialog):
    #: bytes of both files: smaller ones are compared at once, bigger ones on a worker
    PLAN_HERE_UP_TO = 8 << 20
    WIDEST_COLUMN = 240  # pixels

    def __init__(self, window, path: str | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(translate("MergeDialog", "Merge from another database"))
        self.plan: MergePlan | None = None
        self.result_plan: MergePlan | None = None
        self.copy_before: Path | None = None
        self.path = QLineEdit()
        self.path.setPlaceholderText(
            translate("MergeDialog", "A colleague's Commitment Tracker file (.db)")
        )
        self.path.returnPressed.connect(self.preview)
        # a preview is of the file it was made for: another name must be compared first
        self.path.textEdited.connect(lambda _text: self.merge_button.setEnabled(False))
        browse = QPushButton(translate("MergeDialog", "&Browse…"))
        browse.clicked.connect(self._browse)
        self.summary = QLabel(translate("MergeDialog", "Choose the file to merge into yours."))
        self.summary.setWordWrap(True)
        self.conflicts = QTableWidget(0, len(CONFLICT_COLUMNS))
        self.conflicts.setHorizontalHeaderLabels(
            [translate("MergeDialog", c) for c in CONFLICT_COLUMNS]
        )
        self.conflicts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.conflicts.horizontalHeader().setStretchLastSection(True)
        self.conflicts.verticalHeader().hide()
        self.undo_note = QLabel(
            translate(
                "MergeDialog",
                "Before merging, a copy of your file is kept beside it; Edit > Undo (Ctrl+Z) "
                "takes the merge back while this file is open. Values that lose are kept in "
                "View > Merge conflicts.",
            )
        )
        self.undo_note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(
            translate("MergeDialog", "&Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setEnabled(False)
        buttons.accepted.connect(self.start_merge)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(self.undo_note)
        layout.addWidget(buttons)
        self.resize(900, 420)
        if path:
            self.path.setText(str(path))
            self.preview()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MergeDialog", "Merge from"),
            str(dialog_folder(self.window_)),
            translate("DatabaseFiles", FILTER),
        )
        if path:
            self.path.setText(path)
            self.preview()

    def _theirs(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def preview(self) -> None:
        """Compare the files: at once when they are small, else on a worker with Cancel."""
        session, theirs = self.window_.session, self._theirs()
        self.merge_button.setEnabled(False)
        try:
            size = session.path.stat().st_size + theirs.stat().st_size
        except OSError:
            size = 0  # plan_from_file says what is wrong with the file
        if size <= self.PLAN_HERE_UP_TO:
            try:
                self.show_plan(plan_from_file(session.db, theirs))
            except StoreError as error:
                self.show_error(error)
            return

        def failed(error: BaseException) -> None:
            if isinstance(error, MergeCancelled):
                self.show_error(
                    translate(
                        "MergeDialog", "Comparison cancelled; choose the file again to compare it."
                    )
                )
            else:
                self.show_error(error)

        work = with_own_connection(session.path, partial(_plan_on_worker, theirs=theirs))
        run_with_progress(
            self, translate("MergeDialog", "Comparing the files…"), work, self.show_plan, failed
        )

    def show_error(self, error: BaseException | str) -> None:
        self.plan = None
        self.conflicts.setRowCount(0)
        self.summary.setText(str(error))

    def show_plan(self, plan: MergePlan) -> None:
        self.plan = plan
        text = plan.summary(shown_conflicts=0)
        if plan.added:
            text = text.replace(" new,", f" new ({plan.new_in_words()}),", 1)
        if not plan.writes_anything and not plan.conflicts:
            text = translate(
                "MergeDialog", "Nothing to merge: your file already holds everything in theirs."
            )
        self.summary.setText(text)
        self.conflicts.setRowCount(len(plan.conflicts))
        for row, conflict in enumerate(plan.conflicts):
            cells = (
                conflict.label,
                field_words(conflict.table, conflict.field),
                shown(conflict.yours),
                shown(conflict.theirs),
                conflict.winner,
                conflict.reason,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.conflicts.setItem(row, column, item)
        self.conflicts.resizeColumnsToContents()
        for column in range(len(CONFLICT_COLUMNS) - 1):  # long titles are read in the tooltip
            width = min(self.conflicts.columnWidth(column), self.WIDEST_COLUMN)
            self.conflicts.setColumnWidth(column, width)
        self.merge_button.setEnabled(plan.writes_anything or bool(plan.conflicts))

    def start_merge(self) -> None:
        """Copy the file beside itself, then merge, on a worker with its own connection."""
        session, theirs = self.window_.session, self._theirs()
        copy = restorable_copy_path(session.path)

        def work(db, report):
            session.copy_to(db, copy, report)
            try:
                return merge_from_file(db, theirs, report)
            except BaseException:
                copy.unlink(missing_ok=True)
                raise

        def done(plan: MergePlan) -> None:
            self.result_plan, self.copy_before = plan, copy
            self.accept()

        def failed(error: BaseException) -> None:
            if isinstance(error, CopyCancelled | MergeCancelled):
                self.summary.setText(
                    translate("MergeDialog", "Merge cancelled; nothing was changed.")
                )
                self.merge_button.setEnabled(True)
                return
            QMessageBox.warning(
                self,
                translate("MergeDialog", "Merge"),
                translate("MergeDialog", "The merge failed: {error}").format(error=error),
            )
            self.merge_button.setEnabled(True)

        self.merge_button.setEnabled(False)
        run_with_progress(
            self,
            translate("MergeDialog", "Merging…"),
            with_own_connection(session.path, work),
            done,
            failed,
        )


def _plan_on_worker(db, report, theirs: Path) -> MergePlan:
    return plan_from_file(db, theirs, report)


def run_merge(window, path: str | None = None) -> MergePlan | None:
    """The dialog; a merge done becomes one step of the window's undo stack."""
    if window.session is None:
        return None
    dialog = MergeDialog(window, path)
    if not dialog.exec() or dialog.result_plan is None:
        return None
    plan, copy = dialog.result_plan, dialog.copy_before
    window.undo_stack.push(
        RestoreCommand(
            window.session,
            copy,
            window.refresh,
            translate("MergeDialog", "Merge from {name}").format(name=Path(plan.theirs_path).name),
            lambda message: QMessageBox.warning(
                window, translate("MergeDialog", "Not undone"), message
            ),
        )
    )
    window.statusBar().showMessage(
        translate(
            "MergeDialog",
            "Merged: {summary}. Your file as it was is kept in {copy}; Ctrl+Z undoes the merge.",
        ).format(summary=plan.summary(shown_conflicts=0).rstrip("."), copy=copy),
        20000,
    )
    return plan
