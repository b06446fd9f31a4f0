"""Excel workbooks (.xlsx, .xlsm) read as CSV text and written from rows.

A sheet is read into the same DecodedFile the CSV reader gives, so the importer (mapping,
preview, checks) works on it unchanged: one sheet row is one CSV line, so a problem's line
number is the sheet's row number (unless a cell above it holds line breaks: the CSV text then
spans more lines, as a CSV file saved by Excel would).

Formulas are never evaluated. A formula cell's value is the one the spreadsheet program saved
with it; a program that does not compute (a script, some converters) saves none, and such a
cell is refused rather than read as empty.

openpyxl is imported where it is used: the importer loads this module at start-up.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import os
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.exchange.csv_format import CsvProblem, DecodedFile, checked_before_opening

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook

XLSX_SUFFIXES = (".xlsx", ".xlsm")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a formula element in a part of the workbook (<f>, <f t="shared" ...>, <x:f>); text can hold
# no "<", so only elements match
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")
# characters XML 1.0 cannot hold: openpyxl refuses them, and no spreadsheet could read them
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def is_workbook_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() in XLSX_SUFFIXES


# --- reading ----------------------------------------------------------------------------------
def sheet_names(path: str | Path) -> list[str]:
    """The names of the workbook's worksheets, in their order (chart sheets hold no rows)."""
    path = Path(path)
    _check_file(path)
    with _workbook(path, data_only=True) as workbook:
        return [sheet.title for sheet in workbook.worksheets]


def read_xlsx_file(path: str | Path, sheet: str | None = None) -> DecodedFile:
    """One sheet (by default the first one that is not hidden) as CSV text. CsvProblem (one
    sentence) if the file is not a workbook, has no such sheet, or holds a formula with no
    saved value."""
    path = Path(path)
    _check_file(path)  # (before the file is opened: once it is, it is open in this process)
    with contextlib.ExitStack() as stack:
        values = stack.enter_context(_workbook(path, data_only=True))
        stack.enter_context(_as_problem(path))
        worksheet = _worksheet(values, path.name, sheet)
        formulas = None
        if _has_formulas(path):  # (most exports have none: then the sheet is parsed once)
            twin = stack.enter_context(_workbook(path, data_only=False))
            formulas = twin[worksheet.title]
        text = _sheet_as_csv(path.name, worksheet, formulas)
    return DecodedFile(text, "xlsx", ",", excel=False)


def _check_file(path: Path) -> None:
    """CsvProblem unless path is a regular file that is safe to open (see
    csv_format.checked_before_opening), and not a pipe: a workbook is read out of order."""
    info = checked_before_opening(path, "an Excel workbook")
    if not stat.S_ISREG(info.st_mode):
        raise CsvProblem(f"{path.name} is not a regular file; save the workbook as a file first.")


def _not_a_workbook(path: Path) -> CsvProblem:
    return CsvProblem(
        f"{path.name} is not a valid Excel workbook (.xlsx); open it in a spreadsheet program "
        "and save it as .xlsx (not password-protected), or as CSV."
    )


@contextlib.contextmanager
def _as_problem(path: Path) -> Iterator[None]:
    """Whatever a damaged workbook makes openpyxl, zipfile or the XML parser raise, as one
    sentence for the user."""
    try:
        yield
    except CsvProblem:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, EOFError) as error:
        raise _not_a_workbook(path) from error
    except SyntaxError as error:  # xml.etree's ParseError
        raise _not_a_workbook(path) from error
    except OSError as error:  # a zlib or CRC error reading a member is a BadZipFile or OSError
        raise CsvProblem(f"{path.name} cannot be read: {error.strerror or error}.") from None


@contextlib.contextmanager
def _workbook(path: Path, data_only: bool) -> Iterator[Workbook]:
    """The workbook opened read-only (rows are parsed as they are iterated), closed after;
    _check_file(path) first."""
    from openpyxl import load_workbook

    with contextlib.ExitStack() as stack:
        with _as_problem(path):
            handle = stack.enter_context(path.open("rb"))
            # from an open file openpyxl does not judge the workbook by its name's extension
            workbook = load_workbook(handle, read_only=True, data_only=data_only)
        stack.callback(workbook.close)
        yield workbook


def _worksheet(workbook: Workbook, name: str, sheet: str | None):
    sheets = workbook.worksheets
    if not sheets:
        raise CsvProblem(f"{name} has no worksheet to import.")
    if sheet is None:
        return next((s for s in sheets if s.sheet_state == "visible"), sheets[0])
    for found in sheets:
        if found.title == sheet:
            return found
    listed = ", ".join(f'"{s.title}"' for s in sheets)
    raise CsvProblem(f'{name} has no sheet named "{sheet}" (its sheets: {listed}).')


def _has_formulas(path: Path) -> bool:
    """Whether any XML part of the workbook holds a formula element, read a block at a time."""
    with zipfile.ZipFile(path) as archive:
        for member in archive.infolist():
            if not member.filename.endswith(".xml"):
                continue
            with archive.open(member) as part:
                tail = b""
                while block := part.read(1 << 20):
                    if _FORMULA_TAG.search(tail + block):
                        return True
                    tail = block[-16:]
    return False


def _rows(name: str, worksheet, formulas) -> Iterator[tuple]:
    """The sheet's rows of values, from row 1 (empty rows included, so that the n-th row is
    row n). CsvProblem at the first formula that has no saved value."""
    # the dimension a file declares may be wrong (some writers say A1): read what is there
    worksheet.reset_dimensions()
    values = worksheet.iter_rows(values_only=True)
    if formulas is None:
        yield from values
        return
    formulas.reset_dimensions()
    for number, (row, written) in enumerate(
        zip(values, formulas.iter_rows(values_only=True), strict=False), 1
    ):
        for column, (value, formula) in enumerate(zip(row, written, strict=False), 1):
            if value is None and formula is not None:
                _refuse_formula(name, worksheet.title, column, number)
        yield row


def _refuse_formula(name: str, sheet: str, column: int, row: int) -> None:
    from openpyxl.utils import get_column_letter

    raise CsvProblem(
        f'{name}, sheet "{sheet}": cell {get_column_letter(column)}{row} holds a formula with '
        "no saved value; open the file in Excel and save it, or paste values."
    )


class _Lines:
    """What csv.writer writes, kept a line at a time (so short rows can be padded)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def write(self, line: str) -> None:
        self.lines.append(line)


def _sheet_as_csv(name: str, worksheet, formulas) -> str:
    """The sheet as CSV text, one line a row: trailing empty cells and rows dropped, shorter
    rows padded to the widest so that every row has as many cells as the header."""
    out = _Lines()
    # "\r\n": with "\n" alone the csv module would leave a cell holding "\r" unquoted
    writer = csv.writer(out, lineterminator="\r\n")
    widths: list[int] = []
    last = 0  # rows up to the last one that holds something
    for row in _rows(name, worksheet, formulas):
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        writer.writerow(cells)
        widths.append(len(cells))
        if cells:
            last = len(widths)
    lines = out.lines[:last]
    if not lines:
        raise CsvProblem(f'{name}: sheet "{worksheet.title}" is empty.')
    if widths[0] == 0:
        raise CsvProblem(
            f'{name}: row 1 of sheet "{worksheet.title}" is empty; put the column names in row 1.'
        )
    width = max(widths)
    for number, line in enumerate(lines):
        if 0 < widths[number] < width:  # (an empty row is skipped by the importer anyway)
            lines[number] = line[:-2] + "," * (width - widths[number]) + "\r\n"
    return "".join(lines)


def cell_text(value) -> str:
    """A cell's value as the text a CSV cell would hold: dates as YYYY-MM-DD (a time of day
    is dropped), whole numbers without ".0", nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):  # (before int: a bool is an int)
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        from desktop_app.exchange.csv_export import format_cell  # the one float-to-text rule

        return format_cell(value)
    return str(value)


# --- writing ----------------------------------------------------------------------------------
def write_xlsx(
    path: str | Path,
    header: list[str],
    rows: Iterable[list],
    progress: Callable[[int], bool] | None = None,
) -> int:
    """Write header and rows as the one sheet of a new workbook at path; returns the number
    of rows. The workbook is written beside path and moved into place once complete, so path
    is never left half-written (nor changed at all on failure). progress(rows written so far)
    returning False cancels (csv_export.ExportCancelled).

    A text cell that is an ISO date (YYYY-MM-DD) is written as a date; other text is stored as
    text, so a cell starting with = + - @ is never a formula. Characters XML cannot hold
    (control characters other than tab and line breaks) are left out."""
    from openpyxl import Workbook

    from desktop_app.exchange.csv_export import publish

    target = Path(path)
    workbook = Workbook(write_only=True)
    try:
        count = _append_rows(workbook.create_sheet(_sheet_title(target)), header, rows, progress)
    except BaseException:
        _discard(workbook)
        raise
    handle, temp_name = _temporary(target.parent)
    os.close(handle)
    try:
        workbook.save(temp_name)
        publish(temp_name, target)  # (its permissions: those of any export)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return count


def _append_rows(sheet, header: list[str], rows: Iterable[list], progress) -> int:
    """Stream header and rows into a write-only sheet (openpyxl keeps them in a temporary
    file, not in memory); the number of rows."""
    from desktop_app.exchange.csv_export import ExportCancelled

    sheet.append([_cell(sheet, name) for name in header])
    count = 0
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
        count += 1
        if progress is not None and count % 5000 == 0 and not progress(count):
            raise ExportCancelled
    return count


def _discard(workbook) -> None:
    """Close an unfinished write-only workbook and delete the temporary file openpyxl streams
    its rows to (else it would stay until the process exits, and closing the stream would be
    left to the garbage collector, which reports an error)."""
    for sheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            sheet.close()
        writer = getattr(sheet, "_writer", None)  # (openpyxl has no public way to do this)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def _temporary(folder: Path) -> tuple[int, str]:
    import tempfile

    return tempfile.mkstemp(prefix=f".export-{os.getpid()}-", suffix=".xlsx", dir=folder)


def _sheet_title(path: Path) -> str:
    """The file's name as a sheet title: at most 31 characters, none of []:*?/\\."""
    title = re.sub(r"[\[\]:*?/\\]", " ", path.stem).strip(" '")[:31].strip(" '")
    return title or "Sheet1"


def _cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        text = _NOT_IN_XML.sub("", value)
        date = _as_date(text)
        if date is not None:
            cell = WriteOnlyCell(sheet, value=date)
            cell.number_format = "yyyy-mm-dd"
            return cell
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # openpyxl takes text starting with "=" for a formula
        return cell
    if isinstance(value, dt.datetime | dt.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd" if type(value) is dt.date else "yyyy-mm-dd hh:mm:ss"
        return cell
    return WriteOnlyCell(sheet, value=value)


def _as_date(text: str) -> dt.date | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # 2024-02-30 stays text, as it was written
        return None
