"""File > Import CSV…: choose a CSV file or a workbook sheet, map, preview, check, import off the
GUI thread, all or nothing (File > Export is ui/export_dialog.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop_app.domain.vocabulary import EXCHANGE_TABLES, IMPORT_PRESETS
from desktop_app.exchange import csv_import
from desktop_app.exchange.csv_format import CsvProblem
from desktop_app.exchange.csv_import import ImportCancelled
from desktop_app.ui import settings
from desktop_app.ui.accessibility import buttons_in_shown_order, prepare_forms_under
from desktop_app.ui.i18n import translate
from desktop_app.ui.status_style import status_text_colour
from desktop_app.ui.undo_commands import RestoreCommand
from desktop_app.ui.worker import run_in_background, run_with_progress, with_own_connection

OUTCOME_WORDS = {
    "new": QT_TRANSLATE_NOOP("ImportDialog", "new"),
    "new+status": QT_TRANSLATE_NOOP("ImportDialog", "new, with its status"),
    "update": QT_TRANSLATE_NOOP("ImportDialog", "an update"),
    "update+status": QT_TRANSLATE_NOOP("ImportDialog", "an update, a new status"),
    "unchanged": QT_TRANSLATE_NOOP("ImportDialog", "no change"),
    "unchanged+status": QT_TRANSLATE_NOOP("ImportDialog", "a new status"),
}  # translated where shown
PRESET_LABELS = {
    "native": QT_TRANSLATE_NOOP(
        "ImportDialog", "Commitment Tracker export, or a file laid out like it"
    ),
    "acled": QT_TRANSLATE_NOOP("ImportDialog", "ACLED event export"),
    "ucdp": QT_TRANSLATE_NOOP("ImportDialog", "UCDP GED events (Uppsala)"),
}
assert tuple(PRESET_LABELS) == IMPORT_PRESETS
COUNTED = ("rows", "added", "updated", "unchanged")  # an import's numbers, shown as 1,234


class ImportDialog(QDialog):
    """Pick a file, check the detected encoding, delimiter and column mapping, see every
    problem, then import (all or nothing)."""

    def __init__(self, window, path: str | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Import CSV or Excel"))
        self.resize(900, 640)
        self.prepared: csv_import.PreparedFile | None = None
        self.result_value: csv_import.ImportResult | None = None
        self.copy_before: Path | None = None
        self._check_generation = 0
        self._read_generation = 0
        self._mapping_for: tuple = (None, None)  # (header, table) the mapping shown was made for
        self.path = QLineEdit(path or "")
        self._make_choices()
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the file")])
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.preview = QTableWidget()
        self.problems = QListWidget()
        self.summary = QLabel()
        self.new_names = QLabel()  # names that are no known actor and no country
        self.new_names.setWordWrap(True)
        self.undo_note = QLabel(
            self.tr(
                "The import is one step: Edit > Undo (Ctrl+Z) takes it back while this file is "
                "open."
            )
        )
        self._make_buttons()
        self._lay_out()
        self.table.setCurrentIndex(self.table.findData("commitments"))  # before it reads
        for combo in (self.table, self.preset, self.encoding, self.delimiter, self.sheet):
            combo.currentIndexChanged.connect(self.load)
        self.path.editingFinished.connect(self.load_new_file)
        self.date_order.currentIndexChanged.connect(self.check)  # the same rows, read again
        if path:
            self.load_new_file()

    def _make_choices(self) -> None:
        self.table = QComboBox()
        for table in EXCHANGE_TABLES:
            self.table.addItem(table.replace("_", " ").capitalize(), table)
        self.preset = QComboBox()
        for preset, label in PRESET_LABELS.items():
            self.preset.addItem(self.tr(label), preset)
        self.sheet = QComboBox()  # a workbook's sheets; empty and disabled for a CSV file
        self.sheet.setEnabled(False)
        self.encoding = QComboBox()
        for label, value in (
            (self.tr("Detect"), None),
            ("UTF-8", "utf-8"),
            (self.tr("UTF-8 with BOM"), "utf-8-sig"),
            ("Windows-1252", "cp1252"),
            ("UTF-16", "utf-16"),
        ):
            self.encoding.addItem(label, value)
        self.delimiter = QComboBox()
        for label, value in (
            (self.tr("Detect"), None),
            (self.tr("Comma"), ","),
            (self.tr("Semicolon"), ";"),
            (self.tr("Tab"), "\t"),
            (self.tr("Bar |"), "|"),
        ):
            self.delimiter.addItem(label, value)
        self.date_order = QComboBox()
        self.date_order.setToolTip(self.tr("How the file writes 03/04/2024: 3 April or 4 March?"))
        for label, value in (
            (self.tr("Guess from the file"), None),
            (self.tr("Day first (31/12/2024)"), "day-first"),
            (self.tr("Month first (12/31/2024)"), "month-first"),
            (self.tr("Year first (2024-12-31)"), "iso"),
        ):
            self.date_order.addItem(label, value)

    def _make_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.check_button = self.buttons.addButton(
            self.tr("Check again"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in self.buttons.buttons():  # Enter never starts an import unreviewed
            button.setAutoDefault(False)
            button.setDefault(False)
        self.check_button.clicked.connect(self.load)  # reads the file again
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.start_import)

    def _lay_out(self) -> None:
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path)
        file_row.addWidget(browse)
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)  # a row of widgets cannot be a buddy: the field is
        form = QFormLayout()
        form.addRow(file_label, file_row)
        form.addRow(self.tr("&Into"), self.table)
        form.addRow(self.tr("&Preset"), self.preset)
        form.addRow(self.tr("&Encoding"), self.encoding)
        form.addRow(self.tr("&Delimiter"), self.delimiter)
        form.addRow(self.tr("&Sheet"), self.sheet)
        form.addRow(self.tr("Date &order"), self.date_order)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        columns = QHBoxLayout()
        columns.addWidget(self.mapping, 1)
        columns.addWidget(self.preview, 2)
        layout.addLayout(columns, 2)
        layout.addWidget(QLabel(self.tr("Problems (nothing is imported while there are any):")))
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.new_names)
        layout.addWidget(self.undo_note)
        layout.addWidget(self.buttons)
        prepare_forms_under(self)  # screen readers say each field's label
        buttons_in_shown_order(self.buttons)
        self.mapping.setAccessibleName(self.tr("Column mapping"))
        self.preview.setAccessibleName(self.tr("Preview of the first rows"))
        self.problems.setAccessibleName(self.tr("Problems"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import CSV or Excel"),
            str(Path.home()),
            self.tr("CSV or Excel files (*.csv *.txt *.xlsx *.xlsm);;All files (*)"),
        )
        if path:
            self.path.setText(path)
            self.load_new_file()

    def load_new_file(self) -> None:
        """Load a newly chosen file, guessing the preset and table from its header."""
        self._read(guess=True)

    def load(self) -> None:
        """Read the file with the chosen options, map columns, preview, and check it."""
        self._read(guess=False)

    PREPARE_HERE_UP_TO = 1 << 20  # bytes; a bigger file is read and decoded on a worker

    def _read(self, guess: bool) -> None:
        """Read and decode the file once (on a worker when it is big), then show it."""
        self.problems.clear()
        # the user's mapping survives reading the same file again (Check again, an encoding)
        shown_for = self._mapping_for
        kept = self.current_mapping() if shown_for[1] == self.table.currentData() else None
        self.prepared = None
        self.import_button.setEnabled(False)
        self._read_generation += 1
        generation, text = self._read_generation, self.path.text().strip()
        if not text:
            return
        encoding, delimiter = self.encoding.currentData(), self.delimiter.currentData()
        sheet = self._sheets_of(text) if guess else self.sheet.currentData()

        def arrived(prepared: csv_import.PreparedFile) -> None:
            if generation == self._read_generation:
                self._show_file(prepared, guess, shown_for, kept)

        def failed(error: BaseException) -> None:
            if generation == self._read_generation:
                self.problems.addItem(
                    str(error)
                    if isinstance(error, CsvProblem)
                    else self.tr("The file cannot be read: {error}").format(error=error)
                )
                self.summary.setText(self.tr("The file cannot be read."))

        if _size(text) <= self.PREPARE_HERE_UP_TO:
            try:
                prepared = csv_import.prepare(text, encoding, delimiter, sheet)
            except CsvProblem as problem:
                failed(problem)
                return
            arrived(prepared)
            return
        self.summary.setText(self.tr("Reading {name}…").format(name=Path(text).name))

        def work(_report) -> csv_import.PreparedFile:
            return csv_import.prepare(text, encoding, delimiter, sheet)

        run_in_background(self, work, arrived, failed)

    def _sheets_of(self, path: str) -> str | None:
        """For a workbook, list its sheets (the first chosen) and return the first; the
        encoding and delimiter, which a workbook has none of, are switched off."""
        from desktop_app.exchange.xlsx_format import is_workbook_path, sheet_names

        workbook = is_workbook_path(path)
        names = []
        if workbook:
            try:
                names = sheet_names(path)
            except CsvProblem:
                names = []  # prepare says why, in the problems list
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for name in names:
            self.sheet.addItem(name, name)
        self.sheet.blockSignals(False)
        self.sheet.setEnabled(len(names) > 1)
        for combo in (self.encoding, self.delimiter):
            combo.setEnabled(not workbook)
        return names[0] if names else None

    def _show_file(self, prepared, guess: bool, shown_for: tuple, kept) -> None:
        if guess:
            self._guess_choices(prepared.header)
        if self.preset.currentData() != "native":  # ACLED and UCDP files hold events
            self._set_quietly(self.table, "events")
        self.prepared = prepared
        same = shown_for == (prepared.header, self.table.currentData())
        self._show_mapping(kept if same else None)
        self._show_preview()
        self.check()

    def _guess_choices(self, header: list[str]) -> None:
        """The preset and table a header looks like, chosen without reading the file again."""
        names = {csv_import.normalise_header(h) for h in header}
        if {"event_id_cnty", "event_date"} <= names:
            preset = "acled"
        elif {"id", "date_start", "type_of_violence", "best"} <= names:
            preset = "ucdp"
        else:
            preset = "native"
        self._set_quietly(self.preset, preset)
        # the tables with the most telling required columns first
        for table in (
            "commitments",
            "events",
            "sources",
            "status_updates",
            "statistics",
            "places",
            "actors",
        ):
            if set(csv_import.REQUIRED[table]) <= names:
                self._set_quietly(self.table, table)
                break

    @staticmethod
    def _set_quietly(combo: QComboBox, data: str) -> None:
        combo.blockSignals(True)
        combo.setCurrentIndex(combo.findData(data))
        combo.blockSignals(False)

    def _show_mapping(self, chosen: dict[str, int] | None = None) -> None:
        """One combo a field: the column chosen before, else the one guessed from its name."""
        table = self.table.currentData()
        header = self.prepared.header
        if chosen is None:
            chosen = _remembered_mapping(table, header)
        automatic = chosen if chosen is not None else csv_import.automatic_mapping(table, header)
        self._mapping_for = (header, table)
        fields = csv_import.fields_of(table)
        self.mapping.setRowCount(len(fields))
        for row, field in enumerate(fields):
            label = field + (" *" if field in csv_import.REQUIRED[table] else "")
            self.mapping.setItem(row, 0, QTableWidgetItem(label))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for index, name in enumerate(header):
                combo.addItem(name, index)
            combo.setCurrentIndex(max(0, combo.findData(automatic.get(field))))
            combo.currentIndexChanged.connect(self.check)
            self.mapping.setCellWidget(row, 1, combo)
        self.mapping.setEnabled(self.preset.currentData() == "native")

    def current_mapping(self) -> dict[str, int]:
        fields = csv_import.fields_of(self.table.currentData())
        mapping = {}
        for row, field in enumerate(fields):
            index = self.mapping.cellWidget(row, 1).currentData()
            if index is not None:
                mapping[field] = index
        return mapping

    def _show_preview(self) -> None:
        """The first rows as the file has them, after a column saying what each becomes
        (filled in by the check)."""
        header = self.prepared.header
        rows = self.prepared.preview
        self.preview.setColumnCount(len(header) + 1)
        self.preview.setHorizontalHeaderLabels([self.tr("Becomes"), *header])
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(line) for line, _ in rows])
        for r, (_line, cells) in enumerate(rows):
            self.preview.setItem(r, 0, QTableWidgetItem("…"))
            for c, cell in enumerate(cells[: len(header)]):
                self.preview.setItem(r, c + 1, QTableWidgetItem(cell[:200]))

    def _show_outcomes(self, result: csv_import.ImportResult) -> None:
        """Each previewed row's fate: new, an update, no change, or a problem (and which)."""
        problems: dict[int, list[str]] = {}
        for problem in result.problems:
            problems.setdefault(problem.line, []).append(problem.column or "row")
        for r, (line, _cells) in enumerate(self.prepared.preview):
            if line in problems:
                text = self.tr("problem: {columns}").format(columns=", ".join(problems[line]))
            else:
                word = OUTCOME_WORDS.get(result.outcomes.get(line, ""), "")
                text = self.tr(word) if word else ""
            item = QTableWidgetItem(text)
            if line in problems:
                item.setForeground(status_text_colour("broken"))
            self.preview.setItem(r, 0, item)

    def _import_job(self, dry_run: bool) -> Callable:
        """job(db, progress) importing with the choices on screen now: they are read here, on
        the GUI thread, never by the worker that runs the job. A big file is checked and
        imported in a child process (with its own connection to the file at database_path):
        a thread would share Python's lock with the GUI thread and make the window stutter."""
        arguments = self._import_arguments(dry_run)
        database = self.window_.database_path
        in_child = arguments[1].lines >= self.IN_CHILD_FROM
        analyst = self.window_.session.analyst if self.window_.session is not None else ""

        def job(db, progress=None):
            from desktop_app.session.imports import import_in_child_process, import_prepared

            if in_child:
                return import_in_child_process(database, arguments, progress, analyst)
            return import_prepared(db, *arguments, progress, analyst=analyst)

        return job

    def _import_arguments(self, dry_run: bool) -> tuple:
        """(table, prepared, mapping, preset, dry_run) as chosen on screen now."""
        # a copy for the job: a worker may still read the one shown while the choice changes
        prepared = dataclasses.replace(self.prepared, date_order=self.date_order.currentData())
        mapping = self.current_mapping()
        return self.table.currentData(), prepared, mapping, self.preset.currentData(), dry_run

    IN_CHILD_FROM = 20_000  # rows; from here a child process is worth its start (~0.5 s)

    CHECK_HERE_UP_TO = 2_000  # rows; a bigger file is checked on a worker, with Cancel

    def check(self) -> None:
        """A dry run of the import: every problem, and what would be added or updated.
        Small files are checked at once; a big one on a worker, the newest request only."""
        if self.prepared is None:
            return
        self._check_generation += 1
        if self.prepared.lines <= self.CHECK_HERE_UP_TO:
            self._show_check(self._import_job(dry_run=True)(self.window_.db))
            return
        path = self.window_.database_path
        generation = self._check_generation
        self.import_button.setEnabled(False)
        self.summary.setText(
            self.tr("Checking about {rows} rows…").format(rows=f"{self.prepared.lines:,}")
        )

        job = self._import_job(dry_run=True)

        def work(db, report):
            return job(db, report)

        def done(result) -> None:
            if generation == self._check_generation:
                self._show_check(result)

        def failed(error) -> None:
            if generation != self._check_generation:
                return
            if isinstance(error, ImportCancelled):
                self.summary.setText(self.tr("Check cancelled; press Check again to finish it."))
            else:
                self.problems.addItem(
                    self.tr("The file could not be checked: {error}").format(error=error)
                )

        title = self.tr("Checking CSV…")
        run_with_progress(self, title, with_own_connection(path, work), done, failed)

    def _show_check(self, result: csv_import.ImportResult) -> None:
        self._show_outcomes(result)
        self.problems.clear()
        for problem in result.problems:
            self.problems.addItem(str(problem))
        rows = result.rows
        if result.ok:
            self.summary.setText(
                self.tr(
                    "{rows} rows ready ({encoding}, delimiter {delimiter}{dates}): {added} new, "
                    "{updated} to update, {unchanged} unchanged",
                ).format(
                    **{name: f"{getattr(result, name):,}" for name in COUNTED},
                    encoding=self.prepared.encoding,
                    delimiter=repr(self.prepared.delimiter),
                    dates=self._dates_read(result),
                )
                + (
                    self.tr(", {count} new statuses.").format(count=f"{result.statuses_added:,}")
                    if result.statuses_added
                    else "."
                )
            )
        else:
            listed = len(result.problems) - (1 if result.unlisted else 0)
            self.summary.setText(
                self.tr("{count} problem(s) in {rows} rows.").format(
                    count=f"{listed + result.unlisted:,}", rows=f"{rows:,}"
                )
            )
        self.new_names.setText(_new_names_note(result.new_actors))
        self.import_button.setEnabled(result.ok and rows > 0)

    def _dates_read(self, result: csv_import.ImportResult) -> str:
        if result.date_order is None:
            return ""
        how = {
            "day-first": self.tr("day first"),
            "month-first": self.tr("month first"),
            "iso": self.tr("year first"),
        }
        guessed = self.tr(" (guessed)") if self.date_order.currentData() is None else ""
        return self.tr(", dates {order}{guessed}").format(
            order=how[result.date_order], guessed=guessed
        )

    def _mapping_to_remember(self) -> tuple | None:
        """(table, header, mapping) to remember once imported; None for a preset's file."""
        if self.preset.currentData() != "native":  # the presets map columns themselves
            return None
        return self.table.currentData(), self.prepared.header, self.current_mapping()

    def start_import(self) -> None:
        """Import on a worker thread, with its own connection, behind progress and Cancel.
        A copy of the file is made first, so that the import can be undone."""
        session = self.window_.session
        path, job = session.path, self._import_job(dry_run=False)
        copy_before = session.new_snapshot_path()
        remember = self._mapping_to_remember()

        def work(db, report):
            session.copy_to(db, copy_before)
            try:
                return job(db, report)
            except BaseException:
                copy_before.unlink(missing_ok=True)
                raise

        def done(result) -> None:
            self.result_value = result
            self.copy_before = copy_before if result.ok else None
            if result.ok:
                _remember_mapping(*remember) if remember else None
                self.accept()
            else:
                copy_before.unlink(missing_ok=True)
                self.check()

        def failed(error) -> None:
            if isinstance(error, ImportCancelled):
                self.summary.setText(self.tr("Import cancelled; nothing was imported."))
                return
            message = self.tr("The import failed: {error}").format(error=error)
            QMessageBox.warning(self, self.tr("Import CSV"), message)

        self.import_button.setEnabled(False)
        title = self.tr("Importing CSV…")
        run_with_progress(self, title, with_own_connection(path, work), done, failed)


def run_import(window, path: str | None = None) -> csv_import.ImportResult | None:
    dialog = ImportDialog(window, path)
    if not dialog.exec() or dialog.result_value is None:
        return None
    result = dialog.result_value
    text = translate("ImportDialog", "Import of {name}").format(name=Path(dialog.path.text()).name)
    window.undo_stack.push(
        RestoreCommand(
            window.session,
            dialog.copy_before,
            window.refresh,
            text,
            lambda message: QMessageBox.warning(
                window, translate("ImportDialog", "Not undone"), message
            ),
        )
    )
    window.statusBar().showMessage(
        translate(
            "ImportDialog",
            "Imported: {added} added, {updated} updated, {unchanged} unchanged. Undo with Ctrl+Z.",
        ).format(**{name: f"{getattr(result, name):,}" for name in COUNTED}),
        12000,
    )
    return result


def _size(path: str) -> int:
    """The file's size in bytes (0 when it cannot be read: prepare then says why)."""
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _signature(table: str, header: list[str]) -> str:
    return table + "|" + "|".join(csv_import.normalise_header(h) for h in header)


def _remembered_mapping(table: str, header: list[str]) -> dict[str, int] | None:
    """The mapping last imported with for a file of this table with this very header."""
    remembered = settings.IMPORT_MAPPINGS.read().get(_signature(table, header))
    if not remembered:
        return None
    positions = {name: index for index, name in enumerate(header)}
    return {field: positions[name] for field, name in remembered.items() if name in positions}


def _remember_mapping(table: str, header: list[str], mapping: dict[str, int]) -> None:
    saved = dict(settings.IMPORT_MAPPINGS.read())
    saved[_signature(table, header)] = {field: header[i] for field, i in mapping.items()}
    while len(saved) > 50:  # the oldest first out
        saved.pop(next(iter(saved)))
    settings.IMPORT_MAPPINGS.write(saved)


def _new_names_note(names: list[str], shown: int = 8) -> str:
    """The actors an import would create by name: a misspelt country shows up here."""
    if not names:
        return ""
    listed = ", ".join(names[:shown]) + (
        translate("ImportDialog", " and {count} more").format(count=f"{len(names) - shown:,}")
        if len(names) > shown
        else ""
    )
    return translate(
        "ImportDialog",
        "New actors (not countries, not yet recorded): {listed}. Import creates them as they "
        "are written; if one is meant to be a country, correct its cell and press Check again.",
    ).format(listed=listed)
