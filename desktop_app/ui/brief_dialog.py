"""File > Export brief… (as of a date, for chosen parties and categories, A4 or Letter, PDF or
HTML) and File > Export deadlines (.ics)…: read on a worker behind progress and Cancel, the
brief's charts and pages drawn on the GUI thread when the numbers arrive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
)

from desktop_app.domain.vocabulary import CATEGORIES
from desktop_app.store.errors import StoreError
from desktop_app.ui.base_dialog import RememberingDialog
from desktop_app.ui.database_files import dialog_folder
from desktop_app.ui.date_fields import DateField
from desktop_app.ui.i18n import category_label, translate
from desktop_app.ui.worker import run_with_progress, with_own_connection

BRIEF_FILES = QT_TRANSLATE_NOOP("BriefDialog", "PDF document (*.pdf);;Web page, one file (*.html)")


class BriefCancelled(Exception):
    """The user pressed Cancel while the brief was being read."""


def _checklist(entries: list[tuple[str, str]]) -> QListWidget:
    """A list of (text, value) items to tick; none ticked means all."""
    widget = QListWidget()
    for text, value in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(110)
    return widget


def ticked(widget: QListWidget) -> tuple[str, ...]:
    items = (widget.item(row) for row in range(widget.count()))
    return tuple(
        i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
    )


class BriefDialog(RememberingDialog):
    """What the brief covers and where it goes; the result is (scope, output, page size)."""

    def __init__(self, window) -> None:
        super().__init__(translate("BriefDialog", "Export brief"), window)
        from desktop_app.store import listings

        self.as_of = DateField(window.as_of)
        parties = [(name, name) for _id, name in listings.party_choices(window.db)]
        self.parties = _checklist(parties)
        self.categories = _checklist([(category_label(c), c) for c in CATEGORIES])
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        folder = dialog_folder(window)
        self.output = QLineEdit(str(folder / f"brief-{window.as_of}.pdf"))
        browse = QPushButton(translate("BriefDialog", "Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.output)
        where.addWidget(browse)
        self.form.addRow(translate("BriefDialog", "&As of"), self.as_of)
        self.form.addRow(translate("BriefDialog", "&Parties (none ticked: all)"), self.parties)
        self.form.addRow(
            translate("BriefDialog", "&Categories (none ticked: all)"), self.categories
        )
        self.form.addRow(translate("BriefDialog", "Page &size (PDF)"), self.page_size)
        output_label = QLabel(translate("BriefDialog", "&Output"))
        output_label.setBuddy(self.output)  # a row of two widgets: the label needs its buddy
        self.form.addRow(output_label, where)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(
            translate("BriefDialog", "Export")
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("BriefDialog", "Export brief"),
            self.output.text(),
            translate("BriefDialog", BRIEF_FILES),
        )
        if path:
            self.output.setText(path)

    def build_result(self):
        from desktop_app.charts.brief_document import check_output
        from desktop_app.exchange.brief_content import BriefScope

        as_of = self.as_of.iso()
        if not as_of:
            raise ValueError(translate("BriefDialog", "choose the date the brief describes"))
        if not self.output.text().strip():
            raise ValueError(translate("BriefDialog", "choose the file to write"))
        page_size = self.page_size.currentText()
        output = check_output(Path(self.output.text().strip()).expanduser(), page_size)
        scope = BriefScope(as_of, ticked(self.parties), ticked(self.categories))
        return scope, output, page_size


def export_brief_to(window, scope, output: Path, page_size: str, on_done=None) -> None:
    """Read the brief and its charts' numbers on a worker, then draw and write it."""
    from desktop_app.store.database import refuse_overwriting

    try:
        refuse_overwriting(window.database_path, output)
    except StoreError as error:
        QMessageBox.warning(window, translate("BriefDialog", "Export brief"), str(error))
        return

    def work(db, report):
        from desktop_app.charts.brief_document import chart_numbers
        from desktop_app.exchange.brief_content import read_brief

        report(0, 2)
        brief = read_brief(db, scope)
        if not report(1, 2):
            raise BriefCancelled
        return brief, chart_numbers(db, brief)

    def counted(result) -> None:
        from desktop_app.charts.brief_document import chart_pngs, write_read_brief

        brief, numbers = result
        pngs = chart_pngs(numbers)  # widgets: drawn here, on the GUI thread
        # laying out a long PDF takes seconds (10 s for 120 pages): a worker does it
        write = lambda _report: write_read_brief(brief, pngs, output, page_size)  # noqa: E731
        run_with_progress(
            window, translate("BriefDialog", "Laying out the brief…"), write, written, failed
        )

    def written(result) -> None:
        pages = (
            translate("BriefDialog", " ({pages} pages)").format(pages=result.pages)
            if result.pages
            else ""
        )
        message = translate("BriefDialog", "Brief written to {path}{pages}")
        window.statusBar().showMessage(message.format(path=result.path, pages=pages), 8000)
        if on_done:
            on_done(result)

    def failed(error) -> None:
        if isinstance(error, BriefCancelled):
            window.statusBar().showMessage(
                translate("BriefDialog", "Brief cancelled; no file was written."), 8000
            )
            return
        QMessageBox.warning(
            window,
            translate("BriefDialog", "Export brief"),
            translate("BriefDialog", "The brief could not be written: {error}").format(error=error),
        )

    task = with_own_connection(window.database_path, work)
    run_with_progress(window, translate("BriefDialog", "Reading the brief…"), task, counted, failed)


def run_export_brief(window) -> None:
    if window.db is None:
        return
    dialog = BriefDialog(window)
    if dialog.exec():
        export_brief_to(window, *dialog.result_value)


def export_deadlines_to(window, output: Path, on_done=None) -> None:
    """Write every deadline, with statuses as of the window's date, to an .ics file."""
    from desktop_app.exchange.deadlines_ics import CalendarCancelled, write_deadlines_calendar
    from desktop_app.store.database import refuse_overwriting

    try:
        refuse_overwriting(window.database_path, output)
    except StoreError as error:
        QMessageBox.warning(window, translate("BriefDialog", "Export deadlines"), str(error))
        return
    as_of = window.as_of

    def done(count: int) -> None:
        window.statusBar().showMessage(
            translate("BriefDialog", "{count} deadlines written to {output}").format(
                count=f"{count:,}", output=output
            ),
            8000,
        )
        if on_done:
            on_done(count)

    def failed(error) -> None:
        if isinstance(error, CalendarCancelled):
            window.statusBar().showMessage(
                translate("BriefDialog", "Calendar cancelled; no file was written."), 8000
            )
            return
        QMessageBox.warning(
            window,
            translate("BriefDialog", "Export deadlines"),
            translate("BriefDialog", "The calendar could not be written: {error}").format(
                error=error
            ),
        )

    def work(db, report) -> int:  # about 1 ms a deadline: 100,000 take a minute and a half
        return write_deadlines_calendar(db, as_of, output, report)

    task = with_own_connection(window.database_path, work)
    run_with_progress(
        window, translate("BriefDialog", "Writing the deadlines…"), task, done, failed
    )


def run_export_deadlines(window) -> None:
    if window.db is None:
        return
    suggested = dialog_folder(window) / "deadlines.ics"
    path, _ = QFileDialog.getSaveFileName(
        window,
        translate("BriefDialog", "Export deadlines"),
        str(suggested),
        translate("BriefDialog", "iCalendar file (*.ics)"),
    )
    if path:
        output = Path(path)
        if output.suffix.lower() != ".ics":
            output = output.with_name(output.name + ".ics")
        export_deadlines_to(window, output)
