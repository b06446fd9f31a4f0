"""File > Export CSV…: a table or the current view, as CSV or as an Excel workbook, written
off the GUI thread behind progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
)

from desktop_app.exchange.csv_export import ExportCancelled
from desktop_app.store.errors import StoreError
from desktop_app.ui.accessibility import buttons_in_shown_order, prepare_forms_under
from desktop_app.ui.database_files import dialog_folder
from desktop_app.ui.i18n import translate
from desktop_app.ui.worker import run_with_progress, with_own_connection

EXPORT_CHOICES = (
    (
        "view",
        QT_TRANSLATE_NOOP(
            "ExportDialog", "Current view (filtered commitments, as of the chosen date)"
        ),
    ),
    ("commitments", QT_TRANSLATE_NOOP("ExportDialog", "Commitments")),
    ("events", QT_TRANSLATE_NOOP("ExportDialog", "Events")),
    ("status_updates", QT_TRANSLATE_NOOP("ExportDialog", "Status history")),
    ("statistics", QT_TRANSLATE_NOOP("ExportDialog", "Reported statistics")),
    ("actors", QT_TRANSLATE_NOOP("ExportDialog", "Actors")),
    ("places", QT_TRANSLATE_NOOP("ExportDialog", "Places")),
    ("sources", QT_TRANSLATE_NOOP("ExportDialog", "Sources")),
    ("record_changes", QT_TRANSLATE_NOOP("ExportDialog", "Change log")),
)


class ExportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export"))
        self.what = QComboBox()
        for key, label in EXPORT_CHOICES:
            self.what.addItem(translate("ExportDialog", label), key)
        self.format = QComboBox()
        self.format.addItem(translate("ExportDialog", "CSV (.csv)"), "csv")
        self.format.addItem(translate("ExportDialog", "Excel workbook (.xlsx)"), "xlsx")
        self.excel = QCheckBox(
            translate(
                "ExportDialog", "Excel-friendly (BOM, Windows line ends, formulas neutralised)"
            )
        )
        self.excel.setChecked(True)
        self.format.currentIndexChanged.connect(
            lambda: self.excel.setEnabled(self.format.currentData() == "csv")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("ExportDialog", "Export…")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("ExportDialog", "&What"), self.what)
        form.addRow(translate("ExportDialog", "&Format"), self.format)
        form.addRow("", self.excel)
        form.addRow(buttons)
        prepare_forms_under(self)  # screen readers say each field's label
        buttons_in_shown_order(buttons)


def export_csv_to(window, what: str, target: Path, excel: bool, on_done=None) -> None:
    """Export in the background from a connection of its own; report in the status bar."""
    from desktop_app.store.database import refuse_overwriting

    try:
        refuse_overwriting(window.database_path, target)
    except StoreError as error:
        QMessageBox.warning(window, translate("ExportDialog", "Export CSV"), str(error))
        return
    from desktop_app.exchange.csv_export import (
        count_rows,
        current_view_rows,
        export_rows,
        export_table,
        export_to_file,
    )
    from desktop_app.exchange.xlsx_format import write_xlsx

    path = window.database_path
    as_of, flt = window.as_of, window.commitment_model.filter

    def work(db, report):
        if what == "view":
            rows, total = current_view_rows(db, as_of, flt), window.commitment_model.total
        else:
            rows, total = export_rows(db, what), count_rows(db, what)
        if target.suffix.lower() == ".xlsx":
            header = list(next(rows))
            return write_xlsx(target, header, rows, lambda n: report(n, total))
        if what == "view":
            return export_to_file(rows, target, excel, lambda n: report(n, total))
        return export_table(path, what, target, excel, lambda n: report(n, total))

    def done(count) -> None:
        window.statusBar().showMessage(
            translate("ExportDialog", "{count} rows exported to {target}").format(
                count=f"{count:,}", target=target
            ),
            8000,
        )
        if on_done:
            on_done(count)

    def failed(error) -> None:
        if isinstance(error, ExportCancelled):
            window.statusBar().showMessage("Export cancelled; no file was written.", 8000)
            return
        QMessageBox.warning(
            window, translate("ExportDialog", "Export CSV"), f"The export failed: {error}"
        )

    run_with_progress(window, "Exporting CSV…", with_own_connection(path, work), done, failed)


def run_export(window) -> None:
    dialog = ExportDialog(window)
    if not dialog.exec():
        return
    what, kind = dialog.what.currentData(), dialog.format.currentData()
    name = f"{'commitments-view' if what == 'view' else what}.{kind}"
    files = "Excel workbooks (*.xlsx)" if kind == "xlsx" else "CSV files (*.csv)"
    target, _ = QFileDialog.getSaveFileName(
        window, translate("ExportDialog", "Export"), str(dialog_folder(window) / name), files
    )
    if target:
        target = Path(target)
        if target.suffix.lower() != f".{kind}":
            target = target.with_name(target.name + f".{kind}")
        export_csv_to(window, what, target, dialog.excel.isChecked())
